import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { localInstant } from '../../renderer/src/components/history/JumpTab';
import { nextFrame } from '../../renderer/src/lib/frame';
import { BURST_INTERVAL_MS } from '../../renderer/src/lib/live-batches';
import { FakeApi } from './fake-api';
import { makeMessage } from './fixtures';
import { emit, renderApp } from './render';

// jsdom has no canvas: the chart library is replaced by a recorder.
type Range = (u: unknown, min: number, max: number) => [number, number];
interface PlotOptions { scales?: { x?: { range?: Range }; y?: { range?: Range } }; axes: Array<{ incrs?: number[] }> }
const plots: Array<{ data: unknown; opts: PlotOptions }> = [];
vi.mock('uplot', () => {
  class FakePlot {
    static paths = { bars: () => () => null };
    constructor(opts: PlotOptions, data: unknown) {
      plots.push({ data, opts });
    }
    destroy() {}
  }
  return { default: FakePlot };
});

async function appWith(count: number) {
  const fake = new FakeApi();
  fake.messages = Array.from({ length: count }, () => makeMessage());
  const view = renderApp(fake);
  const list = await screen.findByTestId('message-list');
  if (count) await within(list).findAllByTestId('message');
  return { ...view, list };
}
const renderedIds = (list: HTMLElement) => within(list).getAllByTestId('message').map((el) => el.dataset.messageId);

async function openHistory(user: ReturnType<typeof renderApp>['user'], tab: RegExp) {
  await user.click(screen.getByTestId('history-button'));
  await user.click(await screen.findByRole('tab', { name: tab }));
}

describe('reading back while a burst arrives', () => {
  it('keeps the reader where they are and counts every new message honestly', async () => {
    const { fake, list } = await appWith(200);
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 20_000 });
    list.scrollTop = 5000;
    fireEvent.scroll(list);
    const before = renderedIds(list);
    await act(async () => {
      for (let i = 0; i < 1500; i++) fake.emit('message.created', makeMessage());
      await nextFrame();
    });
    expect(screen.getByRole('button', { name: '1,500 new messages' })).toBeTruthy();
    expect(renderedIds(list)).toEqual(before);
  });

  it('applies a burst once per frame, not once per message', async () => {
    const { fake } = await appWith(10);
    let renders = 0;
    const observer = new MutationObserver(() => renders++);
    observer.observe(screen.getByTestId('footer'), { subtree: true, characterData: true, childList: true });
    await act(async () => {
      for (let i = 0; i < 300; i++) fake.emit('message.created', makeMessage());
      await nextFrame();
    });
    observer.disconnect();
    expect(screen.getByTestId('footer').textContent).toContain('300 messages received this session');
    expect(renders).toBeLessThanOrEqual(2);
  });
});

describe('a sustained burst', () => {
  it('is applied about ten times a second, not every frame, and whole once it ends', async () => {
    const { fake } = await appWith(10);
    let renders = 0;
    const observer = new MutationObserver(() => renders++);
    observer.observe(screen.getByTestId('footer'), { subtree: true, characterData: true, childList: true });
    const start = performance.now();
    // 100 messages every 8 ms for 400 ms (12,500 a second), as a panel socket brings a burst; each step
    // its own act() so React renders whatever was applied in it.
    for (let t = 0; t < 50; t++) {
      await act(async () => {
        for (let i = 0; i < 100; i++) fake.emit('message.created', makeMessage());
        await new Promise((r) => setTimeout(r, 8));
      });
    }
    const elapsed = performance.now() - start;
    await waitFor(() => expect(screen.getByTestId('footer').textContent).toContain('5,000 messages received this session'));
    observer.disconnect();
    // Every frame would be elapsed / 16 renders (25+); at most one per 100 ms, plus the first and the end.
    expect(renders).toBeLessThanOrEqual(Math.floor(elapsed / BURST_INTERVAL_MS) + 3);
  });
});

describe('scrolling back through the stored history', () => {
  it('asks the store for the page before the oldest shown message when the reader nears the top', async () => {
    const { fake, list } = await appWith(500);
    const oldestShown = renderedIds(list)[0];
    expect(fake.argsOf('messages.list')).toEqual([{ limit: 200 }]);
    list.scrollTop = 0;
    fireEvent.scroll(list);
    await waitFor(() => expect(fake.argsOf('messages.list')).toContainEqual({ limit: 100, before: fake.messages[300]!.id }));
    expect(oldestShown).toBe(fake.messages[300]!.id);
  });

  it('keeps asking while the reader is still near the top after a page arrived (no further scroll event comes)', async () => {
    const { fake, list } = await appWith(1000);
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 20_000 });
    Object.defineProperty(list, 'clientHeight', { configurable: true, value: 600 });
    // A reader pinned at the top (a flick faster than the pages): the view never moves away from it.
    Object.defineProperty(list, 'scrollTop', { configurable: true, get: () => 0, set: () => {} });
    fireEvent.scroll(list);
    // One scroll event, then each arrival asks for the next page, until the start of the channel: the
    // last full page (0-99) cannot tell it was the last, so one more ask before message 0 finds nothing.
    // Waited for by that last ask, not by a count: a count of 9 was only a moment on the way to 10.
    await waitFor(() => expect(fake.argsOf('messages.list')).toContainEqual({ limit: 100, before: fake.messages[0]!.id }));
    expect(fake.argsOf('messages.list')).toEqual([{ limit: 200 }, ...[800, 700, 600, 500, 400, 300, 200, 100, 0].map((i) => ({ limit: 100, before: fake.messages[i]!.id }))]);
  });

  it('keeps asking for newer pages while the reader is still at the bottom after a page arrived, up to the present', async () => {
    const { fake, list } = await appWith(1500);
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 20_000 });
    Object.defineProperty(list, 'clientHeight', { configurable: true, value: 600 });
    // Far back first: the window keeps 1,000 messages, so the newest leave it (no longer at the present).
    let top = 0;
    Object.defineProperty(list, 'scrollTop', { configurable: true, get: () => top, set: () => {} });
    fireEvent.scroll(list);
    await waitFor(() => expect(fake.argsOf('messages.list')).toContainEqual({ limit: 100, before: fake.messages[0]!.id }));
    // Then pinned at the bottom (scrolled down faster than the pages come): one scroll event only.
    top = 20_000 - 600;
    fireEvent.scroll(list);
    await waitFor(() => expect(fake.argsOf('messages.list')).toContainEqual({ limit: 100, after: fake.messages[1499]!.id }));
    const newer = fake.argsOf('messages.list').filter((a) => typeof a === 'object' && a !== null && 'after' in a);
    expect(newer[0]).toEqual({ limit: 100, after: fake.messages[999]!.id });
    expect(newer.at(-1)).toEqual({ limit: 100, after: fake.messages[1499]!.id });
    // Each page asked once, in order: 1,000-1,099 … 1,400-1,499, then the empty answer after the newest.
    expect(newer).toEqual([999, 1099, 1199, 1299, 1399, 1499].map((i) => ({ limit: 100, after: fake.messages[i]!.id })));
  });
});

describe('history panel', () => {
  it('says search problems in the panel’s language', async () => {
    const fake = new FakeApi();
    fake.searchResult = { messages: [], terms: [], problems: [{ code: 'badDate', value: 'before:hier', message: 'before:hier is not a date — write it as YYYY-MM-DD' }, { code: 'nobody', value: 'carol', message: 'Nobody named “carol” has posted in this channel.' }], nextBefore: null, tookMs: 1 };
    const { user } = renderApp(fake, { language: 'fr' });
    await user.click(await screen.findByTestId('history-button'));
    await user.type(await screen.findByTestId('history-search-input'), 'before:hier from:carol');
    await user.click(within(screen.getByRole('search')).getByRole('button'));
    await screen.findByText('before:hier n’est pas une date — écrivez-la au format AAAA-MM-JJ');
    expect(screen.getByText('Personne nommé « carol » n’a écrit dans ce salon.')).toBeTruthy();
  });

  it('with more results to read, the count says these are the newest, not all of them', async () => {
    const fake = new FakeApi();
    const page = Array.from({ length: 25 }, (_, i) => ({ ...makeMessage(), content: `UPS ${i}` }));
    fake.searchResult = { messages: page, terms: ['ups'], problems: [], nextBefore: page.at(-1)!.id, tookMs: 4 };
    const { user } = renderApp(fake, { language: 'fr' });
    await user.click(await screen.findByTestId('history-button'));
    await user.type(await screen.findByTestId('history-search-input'), 'UPS');
    await user.click(within(screen.getByRole('search')).getByRole('button'));
    await screen.findByText('Les 25 résultats les plus récents, d’autres avec « Résultats plus anciens » (4 ms)');
    fake.searchResult = { ...fake.searchResult, nextBefore: null };
    await user.click(within(screen.getByRole('search')).getByRole('button'));
    await screen.findByText('25 résultats (4 ms)');
  });

  it('searches, highlights the words, and opens a result in context', async () => {
    const { fake, user } = await appWith(300);
    const hit = fake.messages[10]!;
    fake.searchResult = { messages: [{ ...hit, content: 'the Backup failed again' }], terms: ['backup'], problems: [{ code: 'badHas', value: 'gif', message: 'has:gif is not a filter — use has:link, has:embed, has:file or has:image' }], nextBefore: null, tookMs: 3 };
    await openHistory(user, /Search/);
    await user.type(screen.getByTestId('history-search-input'), 'backup has:gif');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const result = await screen.findByTestId('search-result');
    // The zone by name, not today's offset: a winter day searched in summer keeps its own offset.
    expect(fake.argsOf('messages.search')[0]).toEqual({ query: 'backup has:gif', limit: 25, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    expect(result.querySelector('mark')?.textContent).toBe('Backup');
    expect(screen.getByText(/has:gif is not a filter/)).toBeTruthy();
    await user.click(result);
    await waitFor(() => expect(fake.argsOf('messages.list')).toContainEqual({ limit: 100, around: hit.id }));
    // The window is away from the present: the way back is offered.
    expect(await screen.findByTestId('jump-to-present')).toBeTruthy();
  });

  it('a result shows mentions and custom emoji by name and draws Unicode emoji, with the searched word marked', async () => {
    const { fake, user } = await appWith(20);
    const hit = fake.messages[5]!;
    const view = {
      ...hit.view!,
      mentions: { users: [{ id: '111111111111111111', name: 'Grace' }], roles: [{ id: '222222222222222222', name: 'admins', color: 0 }], channels: [{ id: '333333333333333333', name: 'general' }], everyone: false },
    };
    fake.searchResult = { messages: [{ ...hit, view, content: 'on it <@111111111111111111> <@&222222222222222222> see <#333333333333333333> <:blobok:417719834299939937> lgtm 👍 <@999999999999999999>' }], terms: ['lgtm'], problems: [], nextBefore: null, tookMs: 2 };
    await openHistory(user, /Search/);
    await user.type(screen.getByTestId('history-search-input'), 'lgtm');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const result = await screen.findByTestId('search-result');
    const text = result.querySelector('.history-result__text')!;
    expect(text.textContent).toBe('on it @Grace @admins see #general :blobok: lgtm  @unknown-user');
    expect(text.querySelector('mark')?.textContent).toBe('lgtm');
    expect(text.querySelector('img.emoji')?.getAttribute('alt')).toBe('👍');
  });

  it('a searched emoji is marked and still drawn (emoji and punctuation are searched as typed)', async () => {
    const { fake, user } = await appWith(20);
    fake.searchResult = { messages: [{ ...fake.messages[5]!, content: 'release shipped 🎉 :)' }], terms: ['🎉', ':)'], problems: [], nextBefore: null, tookMs: 2 };
    await openHistory(user, /Search/);
    await user.type(screen.getByTestId('history-search-input'), '🎉 :)');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const marks = [...(await screen.findByTestId('search-result')).querySelectorAll('.history-result__text mark')];
    expect(marks.map((m) => m.querySelector('img.emoji')?.getAttribute('alt') ?? m.textContent)).toEqual(['🎉', ':)']);
  });

  it('jumps to a date in the viewer’s time zone', async () => {
    const { fake, user } = await appWith(50);
    await openHistory(user, /Jump to date/);
    fireEvent.change(screen.getByTestId('jump-date'), { target: { value: '2026-03-04' } });
    await user.click(screen.getByTestId('jump-submit'));
    await waitFor(() => expect(fake.argsOf('messages.list')).toContainEqual({ limit: 100, at: new Date(2026, 2, 4).getTime() }));
    expect(localInstant('2026-03-04', '14:30')).toBe(new Date(2026, 2, 4, 14, 30).getTime());
  });

  it('starts a backfill and shows its progress and ETA as events arrive', async () => {
    const { fake, user } = await appWith(5);
    await openHistory(user, /Backfill/);
    await user.click(screen.getByTestId('backfill-start'));
    expect(fake.argsOf('history.backfill')).toEqual([{ mode: 'history', limit: 1000, periodHours: 168 }]);
    await emit(fake, 'history.backfill', { ...fake.backfill, state: 'running', options: { mode: 'history', limit: 1000, periodHours: 168 }, fetched: 300, stored: 280, expected: 1000, etaSeconds: 120 });
    const panel = screen.getByTestId('history-backfill');
    expect(panel.textContent).toContain('Reading history: 300 of about 1,000 messages (280 new)');
    expect(panel.textContent).toContain('about 2 min left');
    expect(within(panel).getByRole('progressbar').getAttribute('value')).toBe('30');
    await user.click(within(panel).getByRole('button', { name: 'Cancel backfill' }));
    expect(fake.argsOf('history.cancel')).toHaveLength(1);
  });

  it('shows statistics with the per-day chart', async () => {
    const { fake, user } = await appWith(5);
    // Two active days within the default period (the last 30 days), as local dates.
    const midnight = (daysAgo: number) => {
      const d = new Date(Date.now() - daysAgo * 86_400_000);
      return new Date(d.getFullYear(), d.getMonth(), d.getDate());
    };
    const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const [a, b] = [midnight(3), midnight(2)];
    fake.stats = { total: 42, perDay: [{ day: ymd(a), count: 40 }, { day: ymd(b), count: 2 }], hours: Array.from({ length: 24 }, (_, h) => (h === 9 ? 30 : 0)), topAuthors: [{ id: '1', name: 'Ali', count: 41 }], attachments: { count: 3, bytes: 3 * 1024 * 1024 } };
    await openHistory(user, /Statistics/);
    const stats = await screen.findByTestId('history-stats');
    await within(stats).findByText('42 messages');
    expect(fake.argsOf('messages.stats')[0]).toEqual({ from: expect.any(Number), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, progressId: expect.stringMatching(/^[0-9a-z]+$/) });
    expect(stats.textContent).toContain('Ali');
    expect(stats.textContent).toContain('3 attachments, 3 MB');
    await screen.findByTestId('day-chart');
    const x = [a.getTime() / 1000, b.getTime() / 1000];
    expect(plots.at(-1)!.data).toEqual([x, [40, 2]]);
    // Daily counts, not a line of measurements (uPlot's defaults): bars from zero (a 22 beside a 53 was a
    // sliver above 18), ticks a whole day or more apart (two days read "3 déc." six times), the axis over
    // the whole period with the end bars whole (two active days filled it, cut in half at the edges).
    const { opts } = plots.at(-1)!;
    expect(opts.scales?.y?.range?.(null, 2, 40)[0]).toBe(0);
    expect(opts.scales?.x?.range?.(null, x[0]!, x[1]!)).toEqual([midnight(30).getTime() / 1000 - 43_200, midnight(0).getTime() / 1000 + 43_200]);
    expect(opts.axes[0]!.incrs?.length).toBeGreaterThan(0);
    expect(opts.axes[0]!.incrs!.every((s) => s >= 86_400 && s % 86_400 === 0)).toBe(true);
  });
});
