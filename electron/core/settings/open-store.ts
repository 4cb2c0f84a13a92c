// Opens settings.json: migrates old files first, and moves a corrupted file aside instead of discarding it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS, JSON_SCHEMA, SETTINGS_VERSION, migrate, type StoredSettings } from './schema.js';

/** The part of conf / electron-store the core uses. */
export interface KeyValueStore {
  readonly path: string;
  store: StoredSettings;
  set(values: Partial<StoredSettings>): void;
}

export interface StoreOptions {
  cwd: string;
  configName: string;
  schema: typeof JSON_SCHEMA;
  defaults: StoredSettings;
  clearInvalidConfig: false;
}

export type StoreFactory = (options: StoreOptions) => KeyValueStore;

export interface OpenedStore {
  store: KeyValueStore;
  movedToken: string | null;
  notices: string[];
}

export function openSettingsStore(dataDir: string, factory: StoreFactory, now = new Date()): OpenedStore {
  const file = join(dataDir, 'settings.json');
  const notices: string[] = [];
  let movedToken: string | null = null;
  const options: StoreOptions = {
    cwd: dataDir,
    configName: 'settings',
    schema: JSON_SCHEMA,
    defaults: DEFAULTS,
    clearInvalidConfig: false,
  };
  const moveAside = (why: string) => {
    const aside = join(dataDir, `settings.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(file, aside);
    notices.push(`Settings file was unreadable (${why}); it was moved to ${aside} and defaults are in use. Re-enter your settings or repair that file.`);
  };

  if (existsSync(file)) {
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if ((typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1) < SETTINGS_VERSION) {
        const result = migrate(raw);
        movedToken = result.movedToken;
        writeFileSync(`${file}.tmp`, JSON.stringify(result.settings, null, '\t'), { mode: 0o600 });
        renameSync(`${file}.tmp`, file);
        notices.push(`Settings upgraded from version ${result.from} to ${SETTINGS_VERSION}.`);
      }
    } catch (err) {
      moveAside(err instanceof Error ? err.message.split('\n')[0]! : String(err));
    }
  }
  try {
    return { store: factory(options), movedToken, notices };
  } catch (err) {
    moveAside(err instanceof Error ? err.message.split('\n')[0]! : String(err));
    return { store: factory(options), movedToken, notices };
  }
}
