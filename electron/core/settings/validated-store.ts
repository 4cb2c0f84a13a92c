// The settings store as the core uses it: conf (or electron-store) underneath, every value checked by
// STORED_SCHEMA when the file is opened, at every read and before each write, as conf did with its own JSON schema.
import type { KeyValueStore } from './open-store.js';
import { STORED_SCHEMA, type StoredSettings } from './schema.js';

/** Thrown for settings the schema refuses; the first line names the keys (it becomes a moved-aside reason). */
export class SettingsSchemaError extends Error {}

/** Throws a SettingsSchemaError when `values` are not valid settings (checked before conf opens the file). */
export function checkSettings(values: unknown): void {
  const parsed = STORED_SCHEMA.safeParse(values);
  if (parsed.success) return;
  // Keys and rules only, never the values: a hand-edited file may hold a secret in the wrong place.
  const problems = parsed.error.issues.map((issue) => `\`${issue.path.join('.') || '(root)'}\` ${issue.message}`);
  throw new SettingsSchemaError(`Config schema violation: ${problems.join('; ')}`);
}

/** Checks what `inner` read from disk (throws when it is not valid settings) and guards its writes. */
export function validatedStore(inner: KeyValueStore): KeyValueStore {
  checkSettings(inner.store);
  return {
    get path() {
      return inner.path;
    },
    // Every read too, as conf's schema did: a file edited by hand while the app runs is refused, not used.
    get store() {
      const values = inner.store;
      checkSettings(values);
      return values;
    },
    set store(values: StoredSettings) {
      checkSettings(values);
      inner.store = values;
    },
    set(values: Partial<StoredSettings>) {
      checkSettings({ ...inner.store, ...values });
      inner.set(values);
    },
    delete(key: keyof StoredSettings) {
      inner.delete(key);
    },
  };
}
