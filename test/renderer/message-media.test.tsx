// Video link previews and stickers against the documentation's structures (fixtures/discord-docs),
// converted through real discord.js and the real toChatMessage, then drawn by the panel.
import './setup';
// jsdom has no canvas: lottie-web draws one blank pixel at load (its image preloader); give it a 2D context that takes it.
vi.hoisted(() => {
  HTMLCanvasElement.prototype.getContext = (() => ({ fillStyle: '', fillRect: () => {} })) as unknown as HTMLCanvasElement['getContext'];
});
import { waitFor, within } from '@testing-library/react';
import lottie from 'lottie-web/build/player/lottie_light';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../shared/types';
import { MessageItem } from '../../renderer/src/components/messages/MessageItem';
import { lottieFor } from '../fake-discord/lottie';
import { convert } from './fixtures/discord-docs/convert';
import { STICKER_MESSAGE } from './fixtures/discord-docs/payloads';
import * as c from './fixtures/discord-docs/payloads-components';
import { FakeApi } from './fake-api';
import { renderWithApi } from './render';

function draw(message: ChatMessage, api = new FakeApi()) {
  const view = renderWithApi(<MessageItem message={message} index={0} total={1} />, api);
  return { ...view, el: view.container.querySelector<HTMLElement>('[data-testid="message"]')! };
}
const one = (raw: object) => convert(raw)[0]!;

/** The reader's "reduce motion" preference, as Chromium's matchMedia answers it. */
function reduceMotion(on: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: on && query === '(prefers-reduced-motion: reduce)', media: query, addEventListener: () => {}, removeEventListener: () => {} }));
}
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('video link previews (docs: message.mdx Embed Types video, gifv; Embed Video Structure)', () => {
  it('a YouTube preview: provider, channel, title, and the thumbnail large with a play button that opens the video page in the browser (no frame)', () => {
    const { el } = draw(one(c.VIDEO_MESSAGE));
    const embed = within(el).getByTestId('embed');
    expect(embed.querySelector('.embed__provider')?.textContent).toBe('YouTube');
    expect(embed.querySelector('.embed__author a')?.textContent).toBe('Rick Astley');
    expect(embed.querySelector('.embed__title a')?.textContent).toBe('Rick Astley - Never Gonna Give You Up');
    const play = within(embed).getByTestId('embed-play');
    expect([play.tagName, play.getAttribute('href'), play.getAttribute('target'), play.getAttribute('rel')]).toEqual(['A', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', '_blank', 'noopener noreferrer']);
    expect(play.getAttribute('aria-label')).toBe('Play Rick Astley - Never Gonna Give You Up on YouTube (opens in your browser)');
    const thumb = play.querySelector<HTMLImageElement>('img.embed__image')!;
    expect([thumb.getAttribute('src'), thumb.getAttribute('width'), thumb.getAttribute('height')]).toEqual([c.YOUTUBE_EMBED.thumbnail.proxy_url, '400', '225']);
    expect(play.querySelector('.embed__play-button svg')).not.toBeNull();
    expect(embed.querySelector('.embed__thumbnail')).toBeNull();
    expect(el.querySelector('iframe, video')).toBeNull();
  });

  it('the stored view keeps the provider’s player URL for a link, never as media to load', () => {
    const e = one(c.VIDEO_MESSAGE).view!.embeds[0]!;
    expect(e.video).toBeUndefined();
    expect(e.player).toEqual({ url: 'https://www.youtube.com/embed/dQw4w9WgXcQ', width: 1280, height: 720 });
  });

  it('a gifv plays like Discord: looping, muted, inline, from Discord’s proxy, the thumbnail as poster', () => {
    reduceMotion(false);
    const { el } = draw(one(c.GIFV_MESSAGE));
    const video = within(el).getByTestId('embed').querySelector('video')!;
    expect([video.getAttribute('src'), video.autoplay, video.loop, video.muted, video.controls]).toEqual([c.GIFV_EMBED.video.proxy_url, true, true, true, false]);
    expect(video.getAttribute('poster')).toBe(c.GIFV_EMBED.thumbnail.proxy_url);
  });

  it('with reduced motion a gifv does not start by itself: first frame, and controls to play it', () => {
    reduceMotion(true);
    const { el } = draw(one(c.GIFV_MESSAGE));
    const video = within(el).getByTestId('embed').querySelector('video')!;
    expect([video.autoplay, video.controls, video.loop]).toEqual([false, true, true]);
  });

  it('a video file on Discord’s CDN plays in place with controls', () => {
    const { el } = draw(one(c.CDN_VIDEO_MESSAGE));
    const video = within(el).getByTestId('embed').querySelector<HTMLVideoElement>('video.embed__video')!;
    expect([video.getAttribute('src'), video.controls, video.autoplay]).toEqual(['https://media.discordapp.net/attachments/1/7/clip.mp4', true, false]);
    expect(within(el).queryByTestId('embed-play')).toBeNull();
  });
});

describe('stickers (docs: sticker.mdx Example Sticker "Wave" LOTTIE, and a PNG one; reference.mdx CDN Sticker endpoint)', () => {
  const WAVE = '749054660769218631';
  const withWave = () => {
    const api = new FakeApi();
    api.stickerAnimations.set(WAVE, lottieFor(WAVE));
    return api;
  };

  it('a PNG sticker is its image; a Lottie one plays its animation, asked of the core by id', async () => {
    reduceMotion(false);
    const loads = vi.spyOn(lottie, 'loadAnimation');
    const api = withWave();
    const { el } = draw(one(STICKER_MESSAGE), api);
    expect(el.querySelector('img.sticker')?.getAttribute('src')).toBe('https://cdn.discordapp.com/stickers/749054660769218632.png');
    const box = within(el).getByTestId('sticker-lottie');
    expect([box.getAttribute('role'), box.getAttribute('aria-label')]).toEqual(['img', 'Sticker: Wave']);
    await waitFor(() => expect(box.querySelector('svg')).not.toBeNull());
    expect(api.argsOf('stickers.animation')).toEqual([{ id: WAVE }]);
    expect(loads).toHaveBeenCalledTimes(1);
    const anim = loads.mock.results[0]!.value as ReturnType<typeof lottie.loadAnimation>;
    expect([anim.loop, anim.autoplay, anim.isPaused, anim.totalFrames]).toEqual([true, true, false, 30]);
    expect(box.querySelector('svg path')).not.toBeNull();
  });

  it('with reduced motion a Lottie sticker shows its first frame, still', async () => {
    reduceMotion(true);
    const loads = vi.spyOn(lottie, 'loadAnimation');
    const { el } = draw(one(STICKER_MESSAGE), withWave());
    await waitFor(() => expect(within(el).getByTestId('sticker-lottie').querySelector('svg')).not.toBeNull());
    const anim = loads.mock.results[0]!.value as ReturnType<typeof lottie.loadAnimation>;
    expect([anim.autoplay, anim.isPaused, anim.currentFrame]).toEqual([false, true, 0]);
  });

  it('a sticker scrolled out of view and back is asked of the core once', async () => {
    reduceMotion(false);
    const api = withWave();
    const first = draw(one(STICKER_MESSAGE), api);
    await waitFor(() => expect(within(first.el).getByTestId('sticker-lottie').querySelector('svg')).not.toBeNull());
    first.unmount();
    const again = draw(one(STICKER_MESSAGE), api);
    await waitFor(() => expect(within(again.el).getByTestId('sticker-lottie').querySelector('svg')).not.toBeNull());
    expect(api.argsOf('stickers.animation')).toHaveLength(1);
  });

  it('when the core cannot fetch the animation, the sticker shows by name (Discord’s fallback)', async () => {
    const { el } = draw(one(STICKER_MESSAGE), new FakeApi());
    await waitFor(() => expect(within(el).getByTestId('sticker-name').textContent).toBe('Sticker: Wave'));
    expect(within(el).queryByTestId('sticker-lottie')).toBeNull();
  });

  it('a Lottie sticker stored before its format was kept (no URL) shows by name without asking the core', () => {
    const m = one(STICKER_MESSAGE);
    const api = withWave();
    const { el } = draw({ ...m, view: { ...m.view!, stickers: [{ id: WAVE, name: 'Wave', url: null }] } }, api);
    expect(el.querySelector('.sticker--text')?.textContent).toBe('Sticker: Wave');
    expect(api.argsOf('stickers.animation')).toEqual([]);
  });
});
