// Core events to every panel (a WebSocket, or the desktop window over IPC: shell/ipc.ts), one message
// per event-loop turn: during a 10,000-message burst one send (and one write syscall, one `message`
// event and JSON.parse in the page) per message per panel was the biggest cost after discord.js itself.
// Each event is serialised once for all panels. A panel that is behind (live-flow.ts), or in a burst
// (panel-pace.ts), is not sent new messages: they are counted, and once it has caught up (in a burst:
// four times a second) it gets one `message.skipped` notice with the newest of them.
import type { EventBus } from '../event-bus.js';
import { SKIPPED_NEWEST } from '../../../shared/live-flow.js';
import { compactMessageJson } from '../../../shared/live-wire.js';
import { NewestMessages } from './newest-messages.js';
import { BurstDetector, PanelPace } from './panel-pace.js';

export interface FrameSink {
  /** Sends one text message (already JSON) to the panel. */
  sendText(text: string): void;
  /** True while the panel has more unread than the window: new messages are counted instead of sent. Absent: never behind. */
  behind?(): boolean;
}

const OTHER = 0;
const CREATED = 1;
/** An edit or deletion of one message. */
const CHANGED = 2;

interface Queued {
  /** The frame's text, made when a panel is sent it one by one (in a burst most are only counted). */
  text: string | null;
  event: string;
  payload: unknown;
  /** The payload's JSON when the bus had it (a new message's whole, its defaults cut when sent). */
  body: string | undefined;
  kind: typeof OTHER | typeof CREATED | typeof CHANGED;
  id: string;
  /** A new message: the highest message id created before it ('' for none or another event). */
  above: string;
}

/** New messages not sent to one panel, oldest to newest. */
interface Run {
  count: number;
  firstId: string;
  lastId: string;
  /** Every message up to this id was created before the run: the panel may show it, so its edits still go. */
  above: string;
}

// Snowflakes are decimal without leading zeros: longer is newer, else text order (no BigInt, never throws).
const newer = (a: string, b: string) => a.length > b.length || (a.length === b.length && a > b);

function textOf(q: Queued): string {
  if (q.text !== null) return q.text;
  const body = q.kind === CREATED && q.body !== undefined ? compactMessageJson(q.body) : q.body;
  return (q.text = body === undefined ? JSON.stringify({ type: 'event', event: q.event, payload: q.payload }) : `{"type":"event","event":${JSON.stringify(q.event)},"payload":${body}}`);
}

const batch = (texts: string[]) => (texts.length === 1 ? texts[0]! : `{"type":"batch","frames":[${texts.join(',')}]}`);

/** Per panel: its run of new messages not sent one by one, and its pacing during a burst. */
interface PanelState {
  run: Run | null;
  pace: PanelPace;
}

export class EventFrames {
  private readonly sockets = new Map<FrameSink, PanelState>();
  private readonly bursts = new BurstDetector();
  private readonly newest = new NewestMessages(SKIPPED_NEWEST);
  private queued: Queued[] = [];
  /** New messages among `queued`. */
  private queuedCreated = 0;
  /** The highest message id created so far: a hole filled late (catch-up) creates older ones after newer ones. */
  private highest = '';
  private turn: NodeJS.Immediate | null = null;
  private readonly off: () => void;

  constructor(bus: EventBus) {
    this.off = bus.onAny((event, payload, json) => {
      let above = '';
      if (event === 'message.created') {
        above = this.highest;
        const { id } = payload as { id: string };
        if (newer(id, above)) this.highest = id;
      }
      // No panel: nothing to serialise.
      if (!this.sockets.size) return;
      let kind: Queued['kind'] = OTHER;
      let id = '';
      // A message's JSON comes from the bus (scrubbed, shared with the store row); a new one goes without its defaults (textOf).
      let body = json;
      if (event === 'message.created' || event === 'message.updated' || event === 'message.deleted') {
        id = (payload as { id: string }).id;
        kind = event === 'message.created' ? CREATED : CHANGED;
        if (kind === CREATED) this.queuedCreated++;
        if (event === 'message.created') this.newest.added(id, (body ??= JSON.stringify(payload)));
        else if (event === 'message.updated') this.newest.changed(id, json ?? JSON.stringify(payload));
        else this.newest.deleted(id);
      }
      this.queued.push({ text: null, event, payload, body, kind, id, above });
      this.turn ??= setImmediate(() => this.flush());
    });
  }

  /** Sends to `socket` from now on; returns the unsubscribe. */
  add(socket: FrameSink): () => void {
    const state: PanelState = { run: null, pace: new PanelPace(() => this.flush(), () => this.queuedCreated > 0) };
    this.sockets.set(socket, state);
    return () => {
      state.pace.stop();
      this.sockets.delete(socket);
    };
  }

  /** The panel read what it was sent: if it caught up, it gets its notice now (after what is queued). */
  drained(socket: FrameSink): void {
    const state = this.sockets.get(socket);
    // In a burst only a due notice goes (each acknowledgement would otherwise bring one: panel-pace.ts).
    if (state?.run && (!state.pace.active || state.pace.waiting) && !socket.behind?.()) this.flush();
  }

  /** Sends what is queued now (before a reply, so it never overtakes the events emitted before it). */
  flush(): void {
    if (this.turn) clearImmediate(this.turn);
    this.turn = null;
    const frames = this.queued;
    const created = this.queuedCreated;
    this.queued = [];
    this.queuedCreated = 0;
    let all: string | undefined;
    const now = performance.now();
    const burst = created > 0 && this.bursts.add(created, now);
    for (const [socket, state] of this.sockets) {
      if (burst) state.pace.start(now);
      // The usual case: one text for every panel that keeps up.
      if (!state.run && !state.pace.active && !(created && socket.behind?.())) {
        if (frames.length) socket.sendText((all ??= batch(frames.map(textOf))));
        continue;
      }
      const hadRun = !!state.run;
      const behind = socket.behind?.() ?? false;
      // Paced, new messages are counted even when a notice is due: it goes now, with them.
      const out = this.filtered(frames, state, behind || state.pace.active, behind || state.pace.holding);
      if (out.length) socket.sendText(batch(out));
      if (state.pace.active) state.pace.flushed(created > 0, state.run ? 'held' : hadRun ? 'sent' : 'none', now);
    }
    // Nothing to send a notice from if no panel is left.
    if (!this.sockets.size) this.newest.clear();
  }

  close(): void {
    for (const state of this.sockets.values()) state.pace.stop();
    this.off();
    if (this.turn) clearImmediate(this.turn);
    this.turn = null;
    this.queued = [];
    this.queuedCreated = 0;
    this.sockets.clear();
    this.newest.clear();
  }

  /** One panel's frames while it is behind, paced or has a run: new messages counted (`count`), then the notice unless `hold`. */
  private filtered(frames: Queued[], state: PanelState, count: boolean, hold: boolean): string[] {
    const out: string[] = [];
    for (const f of frames) {
      if (f.kind === CREATED && (state.run || count)) {
        if (state.run) {
          state.run.count++;
          state.run.lastId = f.id;
        } else state.run = { count: 1, firstId: f.id, lastId: f.id, above: f.above };
        continue;
      }
      // A skipped message's edit is in the store (and in `newest`): the panel reads it from there. Only
      // one newer than all created before the run can be skipped (older ids may be shown, out of order).
      if (f.kind === CHANGED && state.run && !newer(state.run.firstId, f.id) && newer(f.id, state.run.above)) continue;
      out.push(textOf(f));
    }
    if (state.run && !hold) {
      const { count, firstId, lastId } = state.run;
      const newest = this.newest.newest(Math.min(count, SKIPPED_NEWEST));
      out.push(`{"type":"event","event":"message.skipped","payload":{"count":${count},"firstId":${JSON.stringify(firstId)},"lastId":${JSON.stringify(lastId)},"newest":[${newest.join(',')}]}}`);
      state.run = null;
    }
    return out;
  }
}
