// A real git setup in a temp dir: a bare "origin", a "publisher" clone that pushes new versions,
// and the "installed checkout" the engine updates. Build/install/self-test are tiny node scripts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createFileConfigBackup } from '../../electron/core/update/config-backup.js';
import type { UpdateContext } from '../../electron/core/update/options.js';
import type { RestartPlan } from '../../electron/core/update/restart-method.js';
import type { StepEvent, UpdateCommands } from '../../electron/core/update/types.js';

// Git variables from the caller (e.g. GIT_DIR inside a hook) must never point setup commands at a real repo.
const gitEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...gitEnv, GIT_TERMINAL_PROMPT: '0' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const SCRIPTS: Record<string, string> = {
  'scripts/build.mjs': `import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
const version = readFileSync('version.txt', 'utf8').trim();
mkdirSync('out', { recursive: true });
writeFileSync('out/build.txt', 'partial ' + version);
if (existsSync('BREAK_BUILD')) { console.error('build of ' + version + ' is broken'); process.exit(1); }
writeFileSync('out/build.txt', 'built ' + version);
console.log('built ' + version);
`,
  'scripts/install.mjs': `import { readFileSync, appendFileSync, mkdirSync } from 'node:fs';
mkdirSync('node_modules', { recursive: true });
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
appendFileSync('node_modules/.installs', lock.deps + '\\n');
console.log('installed deps ' + lock.deps);
`,
  'scripts/selftest.mjs': `import { readFileSync, existsSync } from 'node:fs';
const built = readFileSync('out/build.txt', 'utf8');
if (existsSync('BREAK_SELFTEST')) { console.error('self-test failed on ' + built); process.exit(1); }
console.log('self-test ok: ' + built);
`,
};

export const lockfile = (deps: string) => JSON.stringify({ name: 'fixture', lockfileVersion: 3, deps });

export class Fixture {
  readonly root = mkdtempSync(join(tmpdir(), 'dm-update-'));
  readonly origin = join(this.root, 'origin.git');
  readonly publisher = join(this.root, 'publisher');
  readonly checkout = join(this.root, 'checkout');
  readonly dataDir = join(this.root, 'data');
  readonly settingsFile = join(this.root, 'data', 'settings.json');
  readonly commands: UpdateCommands = {
    install: [process.execPath, 'scripts/install.mjs'],
    build: [process.execPath, 'scripts/build.mjs'],
    selfTest: [process.execPath, 'scripts/selftest.mjs'],
  };
  events: StepEvent[] = [];
  v1 = '';

  constructor() {
    git(this.root, 'init', '-q', '--bare', '-b', 'main', this.origin);
    git(this.root, 'clone', '-q', this.origin, this.publisher);
    this.configure(this.publisher, 'Publisher');
    this.v1 = this.publish('Version 1', {
      '.gitignore': 'node_modules/\nout/\ndata/\n',
      'version.txt': 'v1',
      'README.md': 'readme v1\n',
      'package-lock.json': lockfile('a'),
      ...SCRIPTS,
    });
    git(this.root, 'clone', '-q', this.origin, this.checkout);
    this.configure(this.checkout, 'Installer');
    this.node(this.commands.install);
    this.node(this.commands.build);
    mkdirSync(this.dataDir, { recursive: true });
    writeFileSync(this.settingsFile, JSON.stringify({ guildId: '123456789012345678' }));
  }

  private configure(dir: string, name: string): void {
    git(dir, 'config', 'user.name', name);
    git(dir, 'config', 'user.email', `${name.toLowerCase()}@example.invalid`);
    git(dir, 'config', 'commit.gpgsign', 'false');
    git(dir, 'checkout', '-q', '-B', 'main');
  }

  private node(cmd: readonly string[]): void {
    execFileSync(cmd[0] as string, cmd.slice(1), { cwd: this.checkout, stdio: 'ignore' });
  }

  /** Commits files (null deletes) in the publisher and pushes; returns the new sha. */
  publish(message: string, files: Record<string, string | null>): string {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.publisher, path);
      if (content === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    git(this.publisher, 'add', '-A');
    git(this.publisher, 'commit', '-q', '-m', message);
    git(this.publisher, 'push', '-q', 'origin', 'HEAD');
    return git(this.publisher, 'rev-parse', 'HEAD');
  }

  head(): string {
    return git(this.checkout, 'rev-parse', 'HEAD');
  }

  read(path: string): string | null {
    const full = join(this.checkout, path);
    return existsSync(full) ? readFileSync(full, 'utf8') : null;
  }

  installs(): string[] {
    return (this.read('node_modules/.installs') ?? '').split('\n').filter(Boolean);
  }

  context(overrides: Partial<UpdateContext> = {}): UpdateContext & { bot: FakeBot; restarter: FakeRestarter } {
    const bot = new FakeBot(true);
    const restarter = new FakeRestarter();
    return {
      appDir: this.checkout,
      dataDir: this.dataDir,
      autoRestartService: false,
      bot,
      restarter,
      config: createFileConfigBackup({ files: [this.settingsFile], backupDir: join(this.dataDir, 'backups') }),
      commands: this.commands,
      onEvent: (e) => this.events.push(e),
      detect: { env: {}, readFile: () => null },
      ...overrides,
    } as UpdateContext & { bot: FakeBot; restarter: FakeRestarter };
  }

  /** All log lines of one step, in order. */
  logOf(step: string): string[] {
    return this.events.filter((e) => e.step === step).flatMap((e) => e.log);
  }

  finalStatus(step: string): string | undefined {
    return this.events.filter((e) => e.step === step).at(-1)?.status;
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Port fake: the real bot needs Discord; here we only need to see the calls. */
export class FakeBot {
  calls: string[] = [];
  constructor(private running: boolean) {}
  isRunning = () => this.running;
  stop = async () => {
    this.calls.push('stop');
    this.running = false;
  };
  start = async () => {
    this.calls.push('start');
    this.running = true;
  };
}

/** Port fake: a real restart would end the test runner. */
export class FakeRestarter {
  plans: RestartPlan[] = [];
  failWith: string | null = null;
  restart = async (plan: RestartPlan) => {
    this.plans.push(plan);
    if (this.failWith) throw new Error(this.failWith);
  };
}
