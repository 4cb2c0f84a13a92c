import { parseArgs } from 'node:util';
import { ALLOWED_HOSTS_ENV, allowedHostsFrom } from './allowed-hosts.js';

export interface HeadlessArgs {
  host: string;
  port: number;
  dataDir: string | undefined;
  noToken: boolean;
  selfTest: boolean;
  relaunched: boolean;
  /** Set by a relaunch: the old process, whose exit this one waits for. */
  waitPid: number | null;
  /** Set by a handover: start beside the running version and take over when it says so (IPC). */
  standby?: boolean;
  /** Set by a handover: the panel's listening socket, inherited from the running version. */
  listenFd?: number | null;
  /** Extra Host names accepted (a reverse proxy's public name): `name` (any port) or `name:port`. */
  allowedHosts?: string[];
  help?: boolean;
}

export const HEADLESS_USAGE = `Usage: npm run headless -- [options]
  --host ADDRESS               where the panel listens (default 127.0.0.1; 0.0.0.0 or :: for every interface)
  --port PORT                  (default 8787; 0 picks a free one)
  --data-dir DIR               the app's data folder (default: the desktop app's, or DISCORD_MONITOR_DATA_DIR)
  --allowed-host NAME[:PORT]   also answer to this Host header, e.g. the public name a reverse proxy
                               forwards (repeat for several; without a port any port matches). Also
                               ${ALLOWED_HOSTS_ENV}=name1,name2:8443
  --no-token                   no access token (refused unless --host is a loopback address)
  --help, -h                   this text`;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

/** Parses the command line; throws an Error whose message tells the user what to type instead. */
export function parseHeadlessArgs(argv: string[], env: NodeJS.ProcessEnv = {}): HeadlessArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8787' },
      'data-dir': { type: 'string' },
      'no-token': { type: 'boolean', default: false },
      'self-test': { type: 'boolean', default: false },
      relaunched: { type: 'boolean', default: false },
      'wait-pid': { type: 'string' },
      hidden: { type: 'boolean', default: false },
      standby: { type: 'boolean', default: false },
      'listen-fd': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const host = values.host!;
  if (values['no-token'] && !isLoopback(host)) {
    throw new Error(`Refusing to serve the panel on ${host} without an access token: anyone on the network could control the bot. Drop --no-token.`);
  }
  const waitPid = values['wait-pid'] === undefined ? null : Number(values['wait-pid']);
  if (waitPid !== null && !Number.isInteger(waitPid)) throw new Error('--wait-pid must be a process id.');
  const listenFd = values['listen-fd'] === undefined ? null : Number(values['listen-fd']);
  if (listenFd !== null && !(Number.isInteger(listenFd) && listenFd > 2)) throw new Error('--listen-fd must be an inherited descriptor number (3 or more).');
  const allowedHosts = allowedHostsFrom(values['allowed-host']!, env[ALLOWED_HOSTS_ENV]);
  return { host, port, dataDir: values['data-dir'], noToken: values['no-token']!, selfTest: values['self-test']!, relaunched: values.relaunched!, waitPid, standby: values.standby!, listenFd, allowedHosts, help: values.help! };
}
