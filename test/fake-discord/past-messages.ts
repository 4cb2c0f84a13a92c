// Messages the app did not see happen: edits and deletes while it was away, a backlog, weeks of history.
// No gateway events; ids carry their time, as Discord's snowflakes do.
import type { FakeMessage, Json } from './model.js';
import { findMessage, type NewAttachment } from './live-messages.js';
import type { FakeWorld } from './world.js';

export function editOffline(w: FakeWorld, channelId: string, id: string, content: string): void {
  const m = findMessage(w, channelId, id);
  m.content = content;
  m.editedTimestamp = new Date().toISOString();
}

export function deleteOffline(w: FakeWorld, channelId: string, id: string): void {
  findMessage(w, channelId, id).deleted = true;
}

export function postBacklog(w: FakeWorld, channelId: string, authorIds: string[], count: number, text = (i: number) => `missed ${i}`): FakeMessage[] {
  const list = w.state.messages.get(channelId);
  const channel = w.state.channels.get(channelId);
  if (!list || !channel) throw new Error(`fake-discord: no text channel ${channelId}`);
  const now = new Date().toISOString();
  const made: FakeMessage[] = [];
  for (let i = 0; i < count; i++) {
    const authorId = authorIds[i % authorIds.length]!;
    const m: FakeMessage = { id: w.state.snowflake(), channelId, guildId: channel.guildId, authorId, content: text(i), timestamp: now, editedTimestamp: null, attachments: [], embeds: [], deleted: false };
    list.push(m);
    made.push(m);
  }
  return structuredClone(made);
}

export function postHistory(w: FakeWorld, channelId: string, authorIds: string[], count: number, fromMs: number, toMs: number, text = (i: number) => `old ${i}`): FakeMessage[] {
  const list = w.state.messages.get(channelId);
  const channel = w.state.channels.get(channelId);
  if (!list || !channel) throw new Error(`fake-discord: no text channel ${channelId}`);
  const made: FakeMessage[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.round(fromMs + ((toMs - fromMs) * i) / Math.max(1, count - 1));
    // The low 22 bits keep ids unique when two messages share a millisecond.
    const id = (((BigInt(at) - 1_420_070_400_000n) << 22n) | BigInt(i % 4_194_304)).toString();
    made.push({ id, channelId, guildId: channel.guildId, authorId: authorIds[i % authorIds.length]!, content: text(i), timestamp: new Date(at).toISOString(), editedTimestamp: null, attachments: [], embeds: [], deleted: false });
  }
  list.push(...made);
  list.sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : 1));
  return structuredClone(made);
}

export function postPast(w: FakeWorld, channelId: string, items: ReadonlyArray<{ at: number; authorId: string; content: string; attachments?: NewAttachment[]; extra?: Json }>): FakeMessage[] {
  const list = w.state.messages.get(channelId);
  const channel = w.state.channels.get(channelId);
  if (!list || !channel) throw new Error(`fake-discord: no text channel ${channelId}`);
  const made = items.map((m, i): FakeMessage => {
    if (!w.state.users.has(m.authorId)) throw new Error(`fake-discord: unknown author ${m.authorId}`);
    const id = (((BigInt(Math.round(m.at)) - 1_420_070_400_000n) << 22n) | BigInt(i % 4_194_304)).toString();
    const attachments = (m.attachments ?? []).map((f) => ({ id: w.state.snowflake(), filename: f.filename, size: f.size, contentType: f.contentType ?? null, width: f.width ?? null, height: f.height ?? null }));
    return { id, channelId, guildId: channel.guildId, authorId: m.authorId, content: m.content, timestamp: new Date(m.at).toISOString(), editedTimestamp: null, attachments, embeds: [], deleted: false, ...(m.extra ? { extra: m.extra } : {}) };
  });
  list.push(...made);
  list.sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : BigInt(x.id) > BigInt(y.id) ? 1 : 0));
  return made.map((m) => ({ ...m }));
}
