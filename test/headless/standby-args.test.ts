// The handover's command-line and IPC boundaries: --standby/--listen-fd parsing, the successor's
// argument list built from ours, and messages from a successor.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseHeadlessArgs } from '../../electron/headless/args.js';
import { standbyArgs } from '../../electron/headless/standby-launch.js';
import { isFromStandby, LISTEN_FD } from '../../electron/headless/standby-protocol.js';

it('--listen-fd takes an inherited descriptor (3 or more) and refuses anything else, saying what it must be', () => {
  expect(parseHeadlessArgs(['--standby', '--listen-fd', '4'])).toMatchObject({ standby: true, listenFd: 4 });
  expect(parseHeadlessArgs([])).toMatchObject({ standby: false, listenFd: null });
  fc.assert(
    fc.property(fc.string(), (raw) => {
      const n = Number(raw);
      const ok = Number.isInteger(n) && n > 2;
      let parsed: ReturnType<typeof parseHeadlessArgs> | null = null;
      try {
        parsed = parseHeadlessArgs([`--listen-fd=${raw}`]);
      } catch (err) {
        expect((err as Error).message).toBe('--listen-fd must be an inherited descriptor number (3 or more).');
      }
      expect(parsed !== null).toBe(ok);
      if (parsed) expect(parsed.listenFd).toBe(n);
    }),
  );
});

const flag = fc.constantFrom('--data-dir', '--host', '--port', '--wait-pid', '--listen-fd');
const bare = fc.constantFrom('--no-token', '--relaunched', '--standby', '--hidden');
const value = fc.stringMatching(/^[a-z0-9/._-]{1,12}$/);
const argv = fc.array(fc.oneof(fc.tuple(flag, value).map(([f, v]) => [f, v]), bare.map((b) => [b]), fc.tuple(flag, value).map(([f, v]) => [`${f}=${v}`])), { maxLength: 8 }).map((parts) => parts.flat());

it("the successor gets our arguments with the port, --standby and the socket's descriptor set once, and no relaunch flags", () => {
  fc.assert(
    fc.property(argv, fc.integer({ min: 1, max: 65535 }), fc.boolean(), (args, port, withFd) => {
      const out = standbyArgs(args, port, withFd);
      const tail = ['--port', String(port), '--standby', ...(withFd ? ['--listen-fd', String(LISTEN_FD)] : [])];
      expect(out.slice(-tail.length)).toEqual(tail);
      const head = out.slice(0, -tail.length);
      for (const dropped of ['--port', '--wait-pid', '--listen-fd', '--relaunched', '--standby']) {
        expect(head.some((a) => a === dropped || a.startsWith(`${dropped}=`))).toBe(false);
      }
      // What remains is what we had, in order: --data-dir, --host, --no-token, --hidden and their values.
      const kept: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (['--port', '--wait-pid', '--listen-fd'].includes(a)) i++;
        else if (!/^--(port|wait-pid|listen-fd)=/.test(a) && a !== '--relaunched' && a !== '--standby') kept.push(a);
      }
      expect(head).toEqual(kept);
    }),
  );
});

it('accepts only the successor messages it knows', () => {
  expect(isFromStandby({ type: 'ready', pid: 12 })).toBe(true);
  expect(isFromStandby({ type: 'took-over', pid: 12 })).toBe(true);
  expect(isFromStandby({ type: 'failed', reason: 'x' })).toBe(true);
  expect(isFromStandby({ type: 'notified' })).toBe(true);
  fc.assert(
    fc.property(fc.anything(), (m) => {
      const known = typeof m === 'object' && m !== null && ['ready', 'failed', 'took-over', 'notified'].includes((m as { type?: unknown }).type as string);
      expect(isFromStandby(m)).toBe(known);
    }),
  );
  expect(isFromStandby({ type: 'constructor' })).toBe(false);
});
