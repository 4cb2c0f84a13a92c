// Review: the desktop window's event texts (now JSON built in ipc.ts from bus payloads) never carry the
// token, whether it hides in a message, a log entry, an object with toJSON, or a key.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/app-core.js';
import { EventBus } from '../../electron/core/event-bus.js';
import { Redactor } from '../../electron/core/log/redactor.js';
import { setupIpc } from '../../electron/shell/ipc.js';
import type { PanelWindow } from '../../electron/shell/panel-window.js';
import { rendererLocation } from '../../electron/shell/renderer-location.js';
import type { EventName, EventPayload } from '../../shared/contract.js';
import { chatMessage } from '../helpers/store-fixtures.js';
import { resetElectronMock } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

const TOKEN = 'MTA5OTk5OTk5OTk5OTk5OTk5.GxYzAb.secret-part-of-the-token_0123456789';

beforeEach(() => {
  resetElectronMock();
  vi.useFakeTimers({ toFake: ['setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => void vi.useRealTimers());

it('no event text sent to the window holds the token', () => {
  const redactor = new Redactor();
  redactor.add(TOKEN);
  const bus = new EventBus(redactor);
  const core = { bus, dispatch: vi.fn(), log: { logger: { warn: vi.fn() } } } as unknown as Core;
  const panel = { send: vi.fn() } as unknown as PanelWindow & { send: ReturnType<typeof vi.fn> };
  const stop = setupIpc(core, panel, rendererLocation('/opt/dm/.vite/build'));
  const emit = <E extends EventName>(event: E, payload: unknown) => bus.emit(event, payload as EventPayload<E>);
  emit('message.created', chatMessage(1, { content: `leaked ${TOKEN}` }));
  emit('message.updated', chatMessage(1, { content: `edited ${TOKEN}` }));
  emit('log.entry', { time: 1, level: 'error', message: `failed with ${TOKEN}` });
  emit('log.entry', { time: 2, level: 'info', message: 'x', [TOKEN]: 1 });
  emit('log.entry', { time: 3, level: 'info', message: 'y', detail: { toJSON: () => ({ t: TOKEN }) } });
  emit('notices.changed', [{ id: 'n', text: `at https://x/?t=${TOKEN}` }]);
  vi.advanceTimersByTime(0);
  const texts = panel.send.mock.calls.map((call) => String(call[1]));
  expect(texts.join('\n')).toContain('[redacted]');
  expect(texts.join('\n')).toContain('"time":3');
  for (const text of texts) expect(text).not.toContain(TOKEN);
  stop();
});
