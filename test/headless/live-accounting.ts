// What a panel was told about a burst: every new message either sent one by one or counted by a
// `message.skipped` notice (live-flow.ts: a panel behind; panel-pace.ts: a burst).
import { expect } from 'vitest';
import { SKIPPED_NEWEST, type MessagesSkipped } from '../../shared/live-flow.js';
import type { EventFrame } from '../../shared/ws-protocol.js';
import type { ChatMessage } from '../../shared/types.js';

/**
 * Every id in `ids`, each exactly once and in order: sent one by one or counted by a notice (its
 * firstId..lastId, with the newest of them); nothing else new. Returns the notices.
 */
export function accountedFor(events: EventFrame[], ids: string[]): MessagesSkipped[] {
  const at = new Map(ids.map((id, i) => [id, i]));
  let next = 0;
  const notices: MessagesSkipped[] = [];
  for (const e of events) {
    if (e.event === 'message.created') expect(at.get((e.payload as ChatMessage).id)).toBe(next++);
    if (e.event !== 'message.skipped') continue;
    const n = e.payload as MessagesSkipped;
    notices.push(n);
    expect([at.get(n.firstId), at.get(n.lastId)]).toEqual([next, next + n.count - 1]);
    next += n.count;
    expect(n.newest.map((m) => m.id)).toEqual(ids.slice(next - Math.min(n.count, SKIPPED_NEWEST), next));
  }
  expect(next).toBe(ids.length);
  return notices;
}
