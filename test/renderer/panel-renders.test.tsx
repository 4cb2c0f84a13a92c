// A live message redraws the channel's view (the list and the footer's count), not the whole panel: during
// a 10,000-message burst the top bar, the log and the dialogs drew again for each of its frames (issue 9's
// live ingest: the page's main thread is what keeps the panel behind the bare client).
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeApi } from './fake-api';
import { makeLog, makeMessage } from './fixtures';
import { emit, renderApp } from './render';

const renders = vi.hoisted(() => ({ status: 0, log: 0 }));
vi.mock('../../renderer/src/components/StatusIndicator', async (load) => {
  const real = await load<typeof import('../../renderer/src/components/StatusIndicator')>();
  return {
    ...real,
    StatusIndicator: (props: Parameters<typeof real.StatusIndicator>[0]) => {
      renders.status++;
      return real.StatusIndicator(props);
    },
  };
});
vi.mock('../../renderer/src/components/EventLog', async (load) => {
  const real = await load<typeof import('../../renderer/src/components/EventLog')>();
  return {
    EventLog: () => {
      renders.log++;
      return real.EventLog();
    },
  };
});

describe('what a live message redraws', () => {
  it('the list and the count, not the top bar or the log', async () => {
    const fake = new FakeApi();
    fake.messages = [makeMessage({ content: 'first' })];
    fake.logs = [makeLog(1)];
    renderApp(fake);
    const list = await screen.findByTestId('message-list');
    await within(list).findAllByTestId('message');
    await screen.findByText(/received/i);
    const before = { ...renders };
    for (let i = 0; i < 5; i++) await emit(fake, 'message.created', makeMessage({ content: `live ${i}` }));
    expect(within(list).getAllByTestId('message')).toHaveLength(6);
    expect(screen.getByTestId('footer').textContent).toMatch(/5/);
    expect(renders).toEqual(before);
    // Still drawn when they change themselves.
    await emit(fake, 'log.entry', makeLog(2));
    expect(renders.log).toBeGreaterThan(before.log);
  });
});
