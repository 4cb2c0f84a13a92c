// The contract over WebSocket: each socket gets an error listener, a command budget, and replies
// for every well-formed invoke; anything else closes that socket (never the process).
import type { WebSocket, WebSocketServer } from 'ws';
import type { Envelope } from '../../../shared/api.js';
import { coreText } from '../../../shared/core-text.js';
import { COMMAND_RATE, WS_MAX_BUFFERED, WS_MAX_PAYLOAD } from '../../../shared/limits.js';
import { PANEL_WINDOW_CHARS } from '../../../shared/live-flow.js';
import { CLOSE, HELLO_TEXT, parseAck, type ServerFrame } from '../../../shared/ws-protocol.js';
import type { Core } from '../../core/app-core.js';
import { parseClientFrame } from './frames.js';
import { rateLimited, TokenBucket } from '../../core/token-bucket.js';
import { BridgeDrain } from './drain.js';
import { EventFrames } from '../../core/live/event-frames.js';
import type { RefusalLog } from './refusal-log.js';

// ws closes on a protocol error with the right code but no reason; these name the problem.
const REASONS = new Map<number, string>([
  [CLOSE.protocolError, 'Protocol error: not a valid client frame (RFC 6455).'],
  [CLOSE.invalidPayload, 'Text frame is not valid UTF-8.'],
  [CLOSE.tooBig, `Frame over the ${WS_MAX_PAYLOAD / 1024 / 1024} MiB limit.`],
]);


export function serveBridge(wss: WebSocketServer, core: Core, refusals: RefusalLog, drain = new BridgeDrain()): void {
  const events = new EventFrames(core.bus);
  wss.on('close', () => events.close());
  wss.on('connection', (ws: WebSocket, from: string | undefined) => {
    const close = ws.close.bind(ws);
    ws.close = (code?: number, reason?: string | Buffer) => close(code, reason ?? (code === undefined ? undefined : REASONS.get(code)));
    // Counted, not logged one by one: only a client holding the token gets here, but it may loop.
    ws.on('error', () => refusals.refused('protocol', from));
    // Upgraded after the handover began: straight to the new process.
    if (!drain.accepting) return drain.redirect(ws);

    // Flow control (live-flow.ts): characters sent and acknowledged. A page that acknowledges is behind
    // while it has not read a window's worth; one that does not, while its bytes wait to be written.
    let sent = 0;
    let acked = 0;
    let acks = false;
    const sink = {
      sendText: (text: string) => {
        if (ws.readyState !== ws.OPEN) return;
        // A client that stops reading would make us queue events forever.
        if (ws.bufferedAmount > WS_MAX_BUFFERED) return ws.terminate();
        sent += text.length;
        ws.send(text, written);
      },
      behind: () => (acks ? sent - acked : ws.bufferedAmount) > PANEL_WINDOW_CHARS,
    };
    // Written to the kernel: a panel that does not acknowledge may have caught up.
    const written = () => void (acks || events.drained(sink));
    const send = (frame: ServerFrame) => {
      // Events emitted before this reply go first (the panel may rely on their order).
      events.flush();
      sink.sendText(JSON.stringify(frame));
    };
    sink.sendText(HELLO_TEXT);
    const unsubscribe = events.add(sink);
    ws.on('close', unsubscribe);

    const bucket = new TokenBucket(COMMAND_RATE);
    ws.on('message', (data, isBinary) => {
      // Handing over: unanswered, so the panel re-sends it to the new process.
      if (!drain.accepting) return;
      if (isBinary) return ws.close(CLOSE.unsupportedData, 'Binary frames are not accepted: send JSON text.');
      const text = String(data);
      const read = parseAck(text);
      if (read !== null) {
        acks = true;
        acked = Math.min(sent, acked + read);
        return events.drained(sink);
      }
      const parsed = parseClientFrame(text);
      if (!parsed.ok) return ws.close(parsed.code, parsed.reason);
      const { id, command, arg } = parsed.frame;
      if (!bucket.take()) return send({ type: 'reply', id, reply: rateLimited(COMMAND_RATE) });
      drain.track(reply(core, command, arg).then((envelope) => send({ type: 'reply', id, reply: envelope })));
    });
  });
}

/** Dispatch never rejects by contract; if it does, the client still gets an answer and we keep serving. */
async function reply(core: Core, command: string, arg: unknown): Promise<Envelope> {
  try {
    return await core.dispatch(command, arg);
  } catch (err) {
    core.log.logger.error({ err }, `Command "${command.slice(0, 60)}" from the panel failed: ${err instanceof Error ? err.message : String(err)}`);
    const said = coreText('command.internal', { command: command.slice(0, 60) });
    return { ok: false, error: { code: 'internal', message: said.text, i18n: said.i18n } };
  }
}
