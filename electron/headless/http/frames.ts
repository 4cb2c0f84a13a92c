// Parses one client frame without trusting its size or shape: nesting is measured before
// JSON.parse (and everything after it) can recurse.
import { WS_MAX_DEPTH } from '../../../shared/limits.js';
import { CLOSE, clientFrame, type ClientFrame } from '../../../shared/ws-protocol.js';

export type ParsedFrame = { ok: true; frame: ClientFrame } | { ok: false; code: number; reason: string };

/** True when the JSON text nests arrays/objects deeper than `max`; one linear pass, no recursion. */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function parseClientFrame(text: string): ParsedFrame {
  if (nestedDeeperThan(text, WS_MAX_DEPTH)) return { ok: false, code: CLOSE.tooBig, reason: `Frame nested deeper than ${WS_MAX_DEPTH} levels.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: CLOSE.policy, reason: 'Frame is not JSON: expected {"type":"invoke","id":…,"command":…}.' };
  }
  const parsed = clientFrame.safeParse(json);
  if (!parsed.success) return { ok: false, code: CLOSE.policy, reason: 'Frame is not an invoke: expected {"type":"invoke","id":…,"command":…}.' };
  return { ok: true, frame: parsed.data };
}
