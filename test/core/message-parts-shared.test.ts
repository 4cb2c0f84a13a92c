// The small drawing rules the panel and the HTML export share (shared/message-parts.ts): one
// implementation, checked here, so the two cannot drift apart again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avatarHue, buttonClass, colourHex, galleryClass, isVideoEmbed, scaledSize, selectClass, separatorClass } from '../../shared/message-parts.js';

describe('shared message-part rules', () => {
  it('colours as CSS hex, six digits', () => {
    expect(colourHex(703487)).toBe('#0abbff');
    expect(colourHex(0)).toBe('#000000');
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffff }), (c) => /^#[0-9a-f]{6}$/.test(colourHex(c))));
  });

  it("Discord's button styles as classes (docs: Button Styles), unknown ones secondary", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((s) => buttonClass(s, false))).toEqual([
      'dc-button dc-button--primary',
      'dc-button dc-button--secondary',
      'dc-button dc-button--success',
      'dc-button dc-button--danger',
      'dc-button dc-button--link',
      'dc-button dc-button--premium',
      'dc-button dc-button--secondary',
    ]);
    expect(buttonClass(4, true)).toBe('dc-button dc-button--danger dc-button--disabled');
    expect(selectClass(true)).toBe('dc-select dc-select--disabled');
    expect(separatorClass({ divider: false, large: true })).toBe('dc-separator dc-separator--invisible dc-separator--large');
    expect([1, 3, 9].map(galleryClass)).toEqual(['dc-gallery dc-gallery--1', 'dc-gallery dc-gallery--3', 'dc-gallery dc-gallery--4']);
  });

  it('a video preview is a non-rich embed with a video or a player', () => {
    expect(isVideoEmbed({ type: 'video', player: { url: 'https://www.youtube.com/embed/x', width: 1, height: 1 } })).toBe(true);
    expect(isVideoEmbed({ type: 'rich', video: { url: 'https://x/v.mp4', width: 1, height: 1 } })).toBe(false);
    expect(isVideoEmbed({ type: 'link' })).toBe(false);
  });

  it('an avatar hue is stable per id, within 0-359', () => {
    expect(avatarHue('80351110224678912')).toBe(avatarHue('80351110224678912'));
    fc.assert(fc.property(fc.string(), (id) => Number.isInteger(avatarHue(id)) && avatarHue(id) >= 0 && avatarHue(id) < 360));
  });

  it('media scaled down to fit a box, never up; nothing without both sides', () => {
    expect(scaledSize(800, 400, 400)).toEqual({ width: 400, height: 200 });
    expect(scaledSize(100, 50, 400)).toEqual({ width: 100, height: 50 });
    expect(scaledSize(640, 480, 320, 240)).toEqual({ width: 320, height: 240 });
    expect(scaledSize(null, 50, 400)).toBeNull();
  });
});
