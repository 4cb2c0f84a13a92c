// Opens settings.json: migrates old files first, and moves anything that is not a valid object of
// settings aside (byte for byte) instead of discarding it or "upgrading" it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreText, type CoreSentence, type I18nText } from '../../../shared/core-text.js';
import { PRIVATE_FILE, writePrivateFileSync } from '../fs-modes.js';
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
  code: 'settings-moved-aside' | 'settings-upgraded' | 'environment-ignored';
  params: Record<string, string>;
  message: string;
  /** `message` by key, for the panel's language. */
  i18n?: I18nText;
  persist: boolean;
}

export interface OpenedStore {
  store: KeyValueStore;
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

/** `onProblem`: told when the file is made invalid while open (validated-store.ts). */
export function openSettingsStore(dataDir: string, factory: StoreFactory, now = new Date(), onProblem?: OnFileProblem): OpenedStore {
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
          writePrivateFileSync(file, JSON.stringify(result.settings, null, '\t'));
          upgradedFrom = result.from;
        } else checkSettings(parsed.raw);
      }
    } catch (err) {
      moveAside(problemOf(err));
      original = null;
    }
  }
  let store: KeyValueStore;
  try {
    store = validatedStore(factory(options), onProblem);
  } catch (err) {
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
