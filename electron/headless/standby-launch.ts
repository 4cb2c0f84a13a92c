// The running version's side of a handover: starts the new build beside us in standby, hands it the
// panel's listening socket, and gives it the app once our gateway session is closed.
import { spawn, type ChildProcess } from 'node:child_process';
import { BOOTSTRAP, isFromStandby, LISTEN_FD, type FromStandby, type ToStandby } from './standby-protocol.js';

export interface StandbyLaunch {
  /** The new version's entry (today `<app>/.vite/build/headless.js`). */
  entry: string;
  /** Our own arguments; the port and handover flags are replaced. */
  argv: string[];
  cwd: string;
  /** The panel's listening socket, inherited so no connection is ever refused; null: check only. */
  listenFd: number | null;
  port: number;
  env?: NodeJS.ProcessEnv;
  /** Extra environment for the successor (Electron runs it as plain Node). */
  execPath?: string;
}

export interface Standby {
  pid: number;
  /** True once it has exited (killed, crashed, or stood down). */
  gone(): boolean;
  /** Sends take-over; resolves once the successor serves the panel socket. */
  takeOver(resumeBot: boolean, deadlineMs?: number): Promise<void>;
  /** After takeOver: resolves once it may live without us (systemd told its PID, or it is gone). */
  released(deadlineMs?: number): Promise<void>;
  /** Tells it to exit, and kills it (by pid) if it has not within 5 s. */
  standDown(): Promise<void>;
}

/** Our arguments minus those a handover sets. */
export function standbyArgs(argv: string[], port: number, withFd: boolean): string[] {
  const kept: string[] = [];
  const valued = new Set(['--port', '--wait-pid', '--listen-fd']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (valued.has(a)) {
      i++;
      continue;
    }
    if (a === '--relaunched' || a === '--standby' || [...valued].some((v) => a.startsWith(`${v}=`))) continue;
    kept.push(a);
  }
  return [...kept, '--port', String(port), '--standby', ...(withFd ? ['--listen-fd', String(LISTEN_FD)] : [])];
}

const tail = (s: string) => s.trim().split('\n').slice(-3).join(' / ');

/** Resolves once the successor reports ready; rejects with why it could not (it is gone then). */
export function startStandby(o: StandbyLaunch, deadlineMs = 120_000): Promise<Standby> {
  const stdio: Array<'ignore' | 'inherit' | 'ipc' | number> = ['ignore', 'inherit', 'inherit', 'ipc'];
  if (o.listenFd !== null) stdio.push(o.listenFd);
  // Detached: it outlives us (relaunch mode), and a terminal's Ctrl-C meant for us does not reach it mid-handover.
  const child: ChildProcess = spawn(
    o.execPath ?? process.execPath,
    ['--input-type=module', '-e', BOOTSTRAP, o.entry, ...standbyArgs(o.argv, o.port, o.listenFd !== null)],
    { cwd: o.cwd, detached: true, stdio, env: o.env ?? process.env },
  );
  const messages: FromStandby[] = [];
  const waiters = new Set<() => void>();
  child.on('message', (m) => {
    if (!isFromStandby(m)) return;
    messages.push(m);
    waiters.forEach((w) => w());
  });
  let exited: string | null = null;
  let spawnError: string | null = null;
  child.on('error', (err) => {
    spawnError = err.message;
    waiters.forEach((w) => w());
  });
  child.on('exit', (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    waiters.forEach((w) => w());
  });
  const failure = () => {
    const failed = messages.find((m) => m.type === 'failed');
    if (failed?.type === 'failed') return `the new version failed to start: ${tail(failed.reason)}`;
    if (spawnError) return `the new version could not be started: ${spawnError}`;
    if (exited) return `the new version ${exited} before it was ready (its output is in the log above)`;
    return null;
  };
  const waitFor = (type: FromStandby['type'], ms: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`the new version was not ${what} within ${Math.round(ms / 1000)} s`)), ms);
      const check = () => {
        if (messages.some((m) => m.type === type)) return finish(null);
        const why = failure();
        if (why) finish(new Error(why));
      };
      function finish(err: Error | null) {
        clearTimeout(timer);
        waiters.delete(check);
        if (err) reject(err);
        else resolve();
      }
      waiters.add(check);
      check();
    });
  const send = (m: ToStandby) => new Promise<void>((resolve) => (child.connected ? child.send(m, () => resolve()) : resolve()));
  const standDown = async () => {
    if (exited) return;
    await send({ type: 'stand-down' }).catch(() => undefined);
    const gone = new Promise<void>((resolve) => (exited ? resolve() : child.once('exit', () => resolve())));
    const timer = setTimeout(() => child.pid && !exited && process.kill(child.pid, 'SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  };
  return waitFor('ready', deadlineMs, 'ready').then(
    () => ({
      pid: child.pid!,
      gone: () => exited !== null,
      standDown,
      async takeOver(resumeBot, ms = 15_000) {
        await send({ type: 'take-over', resumeBot });
        await waitFor('took-over', ms, 'serving the panel');
      },
      async released(ms = 10_000) {
        await waitFor('notified', ms, 'registered with the service manager').catch(() => undefined);
        // From here it lives on its own: our exit must not take it down.
        if (child.connected) child.disconnect(); // it may have let go first
        child.unref();
      },
    }),
    async (err: unknown) => {
      await standDown();
      throw err;
    },
  );
}

/** The one successor this process may have in standby: starting another stands the previous one down. */
export class StandbySlot {
  private ready: Standby | null = null;

  async start(o: StandbyLaunch, deadlineMs?: number): Promise<Standby> {
    await this.abort();
    this.ready = await startStandby(o, deadlineMs);
    return this.ready;
  }

  /** The standby, handed to the caller: the slot is empty afterwards. */
  take(): Standby | null {
    const s = this.ready;
    this.ready = null;
    return s;
  }

  readonly abort = async (): Promise<void> => {
    await this.take()?.standDown();
  };
}
