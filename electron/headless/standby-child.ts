// The successor's side of a handover: reports ready once everything is loaded and open, then waits
// for the running version to hand over (or stand it down).
import type { FromStandby, ToStandby } from './standby-protocol.js';

const send = (m: FromStandby) =>
  new Promise<void>((resolve) => (process.send && process.connected ? process.send(m, () => resolve()) : resolve()));

/** Sends ready; resolves with the running version's order. A lost channel means it died: stand down. */
export function reportReady(): Promise<ToStandby> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      const type = (m as { type?: unknown } | null)?.type;
      if (type !== 'take-over' && type !== 'stand-down') return;
      process.off('message', onMessage);
      process.off('disconnect', onGone);
      resolve(m as ToStandby);
    };
    const onGone = () => resolve({ type: 'stand-down' });
    // Killed while we were still loading: the channel closed before anyone listened for it.
    if (!process.connected) return onGone();
    process.on('message', onMessage);
    process.once('disconnect', onGone);
    void send({ type: 'ready', pid: process.pid });
  });
}

export const reportTookOver = (): Promise<void> => send({ type: 'took-over', pid: process.pid });

export const reportNotified = (): Promise<void> => send({ type: 'notified' });

/** Says why standby failed, then lets the caller exit. */
export const reportFailed = (reason: string): Promise<void> => send({ type: 'failed', reason });

/** After the handover: the channel is no longer needed and must not keep us tied to the old process. */
export function detachFromParent(): void {
  if (process.connected) process.disconnect();
}
