// Boundary fuzz, WebSocket: random frames from an authenticated panel against a real core whose
// bot is connected. Every frame gets a reply or a clean close; prototype-chain and extended names
// are unknown commands; mutating commands never run; the invariants hold after each case.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { Envelope } from '../../shared/api.js';
import { commandNames } from '../../shared/contract.js';
import { WS_MAX_DEPTH, WS_MAX_PAYLOAD } from '../../shared/limits.js';
import { clientFrame } from '../../shared/ws-protocol.js';
import { nestedDeeperThan } from '../../electron/headless/http/frames.js';
import { TOKEN } from '../helpers/world.js';
import { connectWs } from '../headless/panel-fixture.js';
import { MUTATING, RUNS, startFuzzWorld, type FuzzWorld } from './boundary-world.js';
import { payload, wsCase, type WsCase } from './ws-arbitraries.js';

const CLOSE_CODES = new Set([1002, 1003, 1007, 1008, 1009]);

let w: FuzzWorld;
beforeAll(async () => {
  w = await startFuzzWorld();
});
afterAll(() => w?.close());

/** Whether the server must answer this frame (a well-formed invoke within the limits). */
function answerable(c: WsCase): boolean {
  const { data, binary } = payload(c);
  if (binary) return false;
  const text = typeof data === 'string' ? data : data.toString('utf8');
  if (typeof data !== 'string' && !Buffer.from(text, 'utf8').equals(data)) return false;
  if (Buffer.byteLength(text) > WS_MAX_PAYLOAD || nestedDeeperThan(text, WS_MAX_DEPTH)) return false;
  try {
    return clientFrame.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

type Outcome = { reply: Envelope; id: number } | { close: number; reason: string };

async function run(c: WsCase): Promise<{ outcome: Outcome; seen: string[] }> {
  const ws: WebSocket = await connectWs(w.panel.port, `?token=${w.accessToken}`);
  const seen: string[] = [];
  const outcome = await new Promise<Outcome>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reply and no close within 5 s')), 5000);
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      seen.push(String(data));
      const f = JSON.parse(String(data)) as { type: string; id: number; reply: Envelope };
      if (f.type === 'reply') {
        clearTimeout(timer);
        resolve({ reply: f.reply, id: f.id });
      }
    });
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ close: code, reason: reason.toString() });
    });
    const { data, binary } = payload(c);
    ws.send(data, { binary });
  });
  if (ws.readyState === ws.OPEN) {
    const gone = new Promise((r) => ws.once('close', r));
    ws.close();
    await gone;
  }
  return { outcome, seen };
}

describe('WebSocket boundary fuzz', () => {
  it(`answers or cleanly closes on ${RUNS} random frames and keeps every invariant`, async () => {
    await fc.assert(
      fc.asyncProperty(wsCase, async (c) => {
        const { outcome, seen } = await run(c);
        for (const text of seen) {
          if (text.includes(TOKEN) || text.includes(w.accessToken)) throw new Error('a frame to the panel carries a token');
        }
        if (answerable(c)) {
          if (!('reply' in outcome)) throw new Error(`closed (${outcome.close} ${outcome.reason}) instead of answering`);
          if (c.kind === 'invoke') {
            if (outcome.id !== c.id) throw new Error(`reply to id ${outcome.id}, not ${c.id}`);
            const known = commandNames.includes(c.command as never);
            if (!known && (outcome.reply.ok || outcome.reply.error.code !== 'unknown-command')) {
              throw new Error(`"${c.command}" is no command, yet answered ${JSON.stringify(outcome.reply).slice(0, 120)}`);
            }
            if (MUTATING.includes(c.command as never) && (outcome.reply.ok || outcome.reply.error.code !== 'invalid-input')) {
              throw new Error(`${c.command} with a refused argument answered ${JSON.stringify(outcome.reply).slice(0, 120)}`);
            }
            if (!outcome.reply.ok && outcome.reply.error.code === 'internal') throw new Error(`${c.command} failed internally`);
          }
        } else if (!('close' in outcome) || !CLOSE_CODES.has(outcome.close) || !outcome.reason) {
          throw new Error(`expected a close with a reason, got ${JSON.stringify(outcome).slice(0, 160)}`);
        }
        await w.check();
      }),
      { numRuns: RUNS },
    );
    expect(w.world.fake.liveSessions(TOKEN)).toBe(1);
  }, Math.max(120_000, RUNS * 20));
});
