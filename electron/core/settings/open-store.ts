// Opens settings.json: migrates old files first, and moves anything that is not a valid object of
// settings aside (byte for byte) instead of discarding it or "upgrading" it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreText, type CoreSentence, type I18nText } from '../../../shared/core-text.js';
import { CommandError } from '../errors.js';
import { PRIVATE_FILE, writePrivateFileSync } from '../fs-modes.js';
import { isWriteFault, unwritableWhy } from '../write-fault.js';
import { DEFAULTS, SETTINGS_VERSION, migrate, type StoredSettings } from './schema.js';
import { problemOf } from './settings-problem.js';
import { checkSettings, parseObject, validatedStore, type OnFileProblem } from './validated-store.js';

/** The part of conf / electron-store the core uses. */
export interface KeyValueStore {
  readonly path: string;
  store: StoredSettings;
  set(values: Partial<StoredSettings>): void;
  delete(key: keyof StoredSettings): void;
}

export interface StoreOptions {
  cwd: string;
  configName: string;
  // No JSON schema: conf would compile it with ajv at every start; validated-store.ts checks with zod.
  defaults: StoredSettings;
  clearInvalidConfig: false;
  /** Readable by the user alone: it says which server and channel the bot watches. */
  configFileMode: number;
}

const said = (s: CoreSentence) => ({ message: s.text, i18n: s.i18n });

export type StoreFactory = (options: StoreOptions) => KeyValueStore;

/** A sentence for the log; `persist` ones are also shown in the panel until dismissed. */
export interface SettingsNotice {
  level: 'info' | 'warn';
  code: 'settings-moved-aside' | 'settings-upgraded' | 'environment-ignored' | 'token-not-moved' | 'settings-unwritable';
  params: Record<string, string>;
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: I18nText;
  /** Kept in the panel until dismissed (notices.json). */
  persist: boolean;
  /** Shown in the panel this run, never written (true of this run only). */
  thisRunOnly?: boolean;
}

export interface OpenedStore {
  store: KeyValueStore;
  /** Why saving is refused this run (the folder cannot be written): absent when saving works. */
  refusal?: CoreSentence;
  movedToken: string | null;
  /** The panel's access token read from the text of a file that had to be moved aside (3.0 kept it there). */
  salvagedAccessToken: string | null;
  notices: SettingsNotice[];
}

// Found by pattern, not by parsing: the file around it is what failed to parse.
const salvageAccessToken = (text: string) => /"headlessAccessToken"\s*:\s*"([\w-]{16,200})"/.exec(text)?.[1] ?? null;

/** Version 1 files had no schemaVersion (and are never empty); a malformed one is left to the schema. */
function versionOf(raw: Record<string, unknown>): number | null {
  if (!Object.hasOwn(raw, 'schemaVersion')) return Object.keys(raw).length ? 1 : null;
  const v = raw.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

/**
 * The bot token a version-1 file holds inline, if any. The caller stores it before the upgrade
 * rewrites the file without it: a crash or a failing SecretBox in between would lose it.
 */
export function inlineToken(dataDir: string): string | null {
  try {
    const parsed = parseObject(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
    if ('problem' in parsed) return null;
    const version = versionOf(parsed.raw);
    return version !== null && version < SETTINGS_VERSION ? migrate(parsed.raw).movedToken : null;
  } catch {
    return null;
  }
}

/**
 * Values held in memory only, saving refused with `refusal`: a version-1 file whose token is not stored
 * yet (the file keeps it), or a folder that cannot be written (read-only, full).
 */
function keptFileStore(path: string, values: StoredSettings, refusal: CoreSentence = coreText('command.settingsKeptForToken')): KeyValueStore {
  let current = structuredClone(values);
  return {
    path,
    get store() {
      return structuredClone(current);
    },
    set store(_values: StoredSettings) {
      throw new CommandError('unavailable', refusal);
    },
    set() {
      throw new CommandError('unavailable', refusal);
    },
    delete(key) {
      const { [key]: _dropped, ...rest } = current;
      current = rest as StoredSettings;
    },
  };
}

/**
 * `onProblem`: told when the file is made invalid while open (validated-store.ts). `tokenUnstored`: why
 * the inline token of a version-1 file could not be stored; that file is then read but not rewritten.
 */
export function openSettingsStore(
  dataDir: string,
  factory: StoreFactory,
  now = new Date(),
  onProblem?: OnFileProblem,
  tokenUnstored?: string,
): OpenedStore {
  const file = join(dataDir, 'settings.json');
  const notices: SettingsNotice[] = [];
  let movedToken: string | null = null;
  let salvagedAccessToken: string | null = null;
  // The user's bytes, kept until we know the file is usable.
  let original: Buffer | null = null;
  const options: StoreOptions = {
    cwd: dataDir,
    configName: 'settings',
    defaults: DEFAULTS,
    clearInvalidConfig: false,
    configFileMode: PRIVATE_FILE,
  };
  // Read, never written this run: saving is refused and a notice (this run only) says why and what to do.
  const unwritable = (err: unknown): OpenedStore => {
    const words = { dir: dataDir, ...unwritableWhy(err, dataDir) };
    notices.push({ level: 'warn', code: 'settings-unwritable', params: {}, ...said(coreText('notice.settingsUnwritable', words)), persist: false, thisRunOnly: true });
    const refusal = coreText('command.settingsUnwritableRestart', words);
    return { store: keptFileStore(file, { ...DEFAULTS, ...read } as StoredSettings, refusal), refusal, movedToken, salvagedAccessToken, notices };
  };
  const moveAside = (reason: CoreSentence) => {
    if (original) salvagedAccessToken = salvageAccessToken(original.toString('utf8'));
    const aside = join(dataDir, `settings.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(file, aside);
    notices.push({
      level: 'warn',
      code: 'settings-moved-aside',
      params: { path: aside, reason: reason.text },
      ...said(coreText('notice.settingsMovedAside', { path: aside, reason: reason.i18n })),
      persist: true,
    });
  };

  let upgradedFrom: number | null = null;
  let kept: StoredSettings | null = null;
  // What the file holds (upgraded if it was older): used as they are when the folder cannot be written.
  let read: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      original = readFileSync(file);
      const parsed = parseObject(original.toString('utf8'));
      if ('problem' in parsed) {
        moveAside(parsed.problem);
        original = null;
      } else {
        const version = versionOf(parsed.raw);
        if (version !== null && version < SETTINGS_VERSION) {
          const result = migrate(parsed.raw);
          // The inline token goes to the SecretBox even if the rest is refused (the bot keeps running).
          movedToken = result.movedToken;
          // Checked before anything is written: a refused file is moved aside as the user's bytes.
          checkSettings(result.settings);
          read = result.settings as unknown as Record<string, unknown>;
          if (tokenUnstored && result.movedToken) kept = result.settings as unknown as StoredSettings;
          else {
            writePrivateFileSync(file, JSON.stringify(result.settings, null, '\t'));
            upgradedFrom = result.from;
          }
        } else {
          checkSettings(parsed.raw);
          read = parsed.raw;
        }
      }
    } catch (err) {
      // The folder refused the upgrade's write: the file is fine, it stays as it is (below).
      if (isWriteFault(err)) return unwritable(err);
      moveAside(problemOf(err));
      original = null;
    }
  }
  if (kept && tokenUnstored) {
    notices.push({
      level: 'warn',
      code: 'token-not-moved',
      params: { path: file, reason: tokenUnstored },
      ...said(coreText('notice.tokenNotMoved', { path: file, reason: tokenUnstored })),
      persist: true,
    });
    return { store: keptFileStore(file, { ...DEFAULTS, ...kept }), movedToken, salvagedAccessToken, notices };
  }
  let store: KeyValueStore;
  try {
    store = validatedStore(factory(options), onProblem);
  } catch (err) {
    // conf writes the file when it opens it (defaults, a missing file): a read-only or full folder is not the file's fault.
    if (isWriteFault(err)) return unwritable(err);
    // Put the user's own bytes back first, so the moved-aside file is what they had, not our migration of it.
    if (original && upgradedFrom !== null) writeFileSync(file, original);
    upgradedFrom = null;
    moveAside(problemOf(err));
    store = validatedStore(factory(options), onProblem);
  }
  if (upgradedFrom !== null) {
    notices.push({
      level: 'info',
      code: 'settings-upgraded',
      params: { from: String(upgradedFrom), to: String(SETTINGS_VERSION) },
      ...said(coreText('notice.settingsUpgraded', { from: String(upgradedFrom), to: String(SETTINGS_VERSION) })),
      persist: false,
    });
  }
  return { store, movedToken, salvagedAccessToken, notices };
}
