// History → Statistics while a count takes a moment (a year of messages takes seconds): after 300 ms a
// "Counting…" note (role status) with the core's progress when it comes, and the previous figures dimmed
// and aria-busy, in English and French. A quick count shows no note.
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ChannelStats } from '../../shared/types';
import { FakeApi } from './fake-api';
import { emit, renderApp } from './render';

// jsdom has no canvas: the chart library is replaced by one that draws nothing.
vi.mock('uplot', () => ({
  default: class {
    static paths = { bars: () => () => null };
    destroy() {}
  },
}));

const figures = (total: number): ChannelStats => ({ total, perDay: [], hours: Array.from({ length: 24 }, () => 0), topAuthors: [], attachments: { count: 0, bytes: 0 } });

describe.each([
  { language: 'en', tab: 'Statistics', counting: 'Counting…', first: '42 messages', next: '7 messages' },
  { language: 'fr', tab: 'Statistiques', counting: 'Décompte en cours…', first: '42 messages', next: '7 messages' },
] as const)('a slow count in $language', ({ language, tab, counting, first, next }) => {
  it('says it is counting, with its progress, over the dimmed previous figures', async () => {
    const fake = new FakeApi();
    fake.stats = figures(42);
    const { user } = renderApp(fake, { language });
    await user.click(await screen.findByTestId('history-button'));
    await user.click(await screen.findByRole('tab', { name: tab }));
    const stats = await screen.findByTestId('history-stats');
    await within(stats).findByText(first);
    // Answered at once: no note.
    expect(screen.queryByTestId('stats-counting')).toBeNull();

    let answer!: (s: ChannelStats) => void;
    fake.override('messages.stats', () => new Promise<ChannelStats>((resolve) => (answer = resolve)));
    const asked = performance.now();
    await user.selectOptions(within(stats).getByRole('combobox'), 'all');
    const note = await screen.findByTestId('stats-counting');
    // Not before 300 ms (a timer never fires early; a loaded machine only makes it later).
    expect(performance.now() - asked).toBeGreaterThanOrEqual(290);
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toContain(counting);
    const old = screen.getByTestId('stats-figures');
    expect(old.getAttribute('aria-busy')).toBe('true');
    expect(old.className).toContain('history-stats__figures--stale');
    expect(old.textContent).toContain(first);
    expect(within(note).getByRole('progressbar').hasAttribute('value')).toBe(false);

    // The core's progress for this count (named in the request), not another panel's.
    const { progressId } = fake.argsOf('messages.stats').at(-1) as { progressId: string };
    expect(progressId).toMatch(/^[0-9a-z]{1,32}$/);
    await emit(fake, 'messages.statsProgress', { id: `${progressId}x`, done: 0.9 });
    expect(note.textContent).toBe(`${counting} `);
    await emit(fake, 'messages.statsProgress', { id: progressId, done: 0.45 });
    expect(note.textContent).toContain(`${counting} ${new Intl.NumberFormat(language, { style: 'percent' }).format(0.45)}`);
    expect(within(note).getByRole('progressbar').getAttribute('value')).toBe('0.45');

    answer(figures(7));
    await within(stats).findByText(next);
    expect(screen.queryByTestId('stats-counting')).toBeNull();
    expect(screen.getByTestId('stats-figures').hasAttribute('aria-busy')).toBe(false);
    expect(screen.getByTestId('stats-figures').className).not.toContain('stale');
  });
});

describe('another period before the count answered', () => {
  it('asks the core to stop the count it no longer waits for, and only that one', async () => {
    const fake = new FakeApi();
    fake.stats = figures(42);
    const { user } = renderApp(fake, { language: 'en' });
    await user.click(await screen.findByTestId('history-button'));
    await user.click(await screen.findByRole('tab', { name: 'Statistics' }));
    const stats = await screen.findByTestId('history-stats');
    await within(stats).findByText('42 messages');
    // Answered: nothing to stop when the period changes.
    const answers: Array<(s: ChannelStats) => void> = [];
    fake.override('messages.stats', () => new Promise<ChannelStats>((resolve) => answers.push(resolve)));
    await user.selectOptions(within(stats).getByRole('combobox'), 'all');
    expect(fake.argsOf('messages.statsCancel')).toEqual([]);
    // Still counting: the next period stops it, by its name.
    const { progressId: slow } = fake.argsOf('messages.stats').at(-1) as { progressId: string };
    const period = within(stats).getByRole('combobox') as HTMLSelectElement;
    const another = [...period.options].map((o) => o.value).find((v) => v !== 'all')!;
    await user.selectOptions(period, another);
    expect(fake.argsOf('messages.statsCancel')).toEqual([{ progressId: slow }]);
    const { progressId: next } = fake.argsOf('messages.stats').at(-1) as { progressId: string };
    expect(next).not.toBe(slow);
    answers.at(-1)!(figures(7));
    await within(stats).findByText('7 messages');
    expect(fake.argsOf('messages.statsCancel')).toEqual([{ progressId: slow }]);
  });
});
