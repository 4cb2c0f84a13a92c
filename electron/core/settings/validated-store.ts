// The settings store as the core uses it: conf (or electron-store) underneath, every value checked by
// STORED_SCHEMA when the file is opened, at every read and before each write, as conf did with its own JSON schema.
import { readFileSync } from 'node:fs';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { CommandError } from '../errors.js';
import type { KeyValueStore } from './open-store.js';
import { DEFAULTS, STORED_SCHEMA, type StoredSettings } from './schema.js';
import { notJson, notSettingsObject, problemOf, schemaProblem, SettingsSchemaError } from './settings-problem.js';

export { SettingsSchemaError };

/** Throws a SettingsSchemaError when `values` are not valid settings (checked before conf opens the file). */
export function checkSettings(values: unknown): void {
  const parsed = STORED_SCHEMA.safeParse(values);
  if (parsed.success) return;
  // Keys and rules only, never the values: a hand-edited file may hold a secret in the wrong place.
  const sentence = schemaProblem(parsed.error.issues);
  throw new SettingsSchemaError(sentence, `Config schema violation: ${sentence.text}`);
}

/**
 * Told `reason` (a sentence by key: the panel says it in its language) when a read finds the file unusable,
 * once per problem, and `null` when a read finds it valid again; returns whether the user was told (if not,
 * the next read tells again).
 */
export type OnFileProblem = (reason: CoreSentence | null, file: string) => boolean;

/** The parsed file if it is a JSON object, else why not. */
export function parseObject(text: string): { raw: Record<string, unknown> } | { problem: CoreSentence } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: notJson(err) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: notSettingsObject(value) };
  return { raw: value as Record<string, unknown> };
}

/** Throws why the file at `path` is not an object of settings (a missing file is none: conf gives the defaults). */
function notAnObject(path: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  const parsed = parseObject(text);
  if ('problem' in parsed) throw new SettingsSchemaError(parsed.problem);
}

/**
 * Checks what `inner` read from disk and guards its writes. At open an invalid file throws (open-store moves
 * it aside); later, a file made invalid by hand is never used nor written over: reads give the last valid
 * values (the running app carries on) and writes are refused until the user fixes the file.
 */
export function validatedStore(inner: KeyValueStore, onProblem: OnFileProblem = () => false): KeyValueStore {
  checkSettings(inner.store);
  let lastValid: StoredSettings = { ...DEFAULTS, ...inner.store };
  let told: string | null = null;
  const read = (): { values: StoredSettings; problem: CoreSentence | null } => {
    try {
      const values = inner.store;
      // conf reads a file holding a list, null, a number… as {}: only then is the text looked at (rare, cheap).
      if (!Object.keys(values).length) notAnObject(inner.path);
      checkSettings(values);
      // A key deleted by hand reads as its default, as at start (never undefined, e.g. a NaN timer).
      lastValid = { ...DEFAULTS, ...values };
      // Callers get their own copy: lastValid is what a later invalid file falls back to.
      if (told !== null && onProblem(null, inner.path)) told = null;
      return { values: { ...lastValid, highlightKeywords: [...lastValid.highlightKeywords] }, problem: null };
    } catch (err) {
      const problem = problemOf(err);
      if (problem.text !== told && onProblem(problem, inner.path)) told = problem.text;
      return { values: structuredClone(lastValid), problem };
    }
  };
  // Writing now would replace the user's bytes with ours: they asked for neither.
  const writable = (): StoredSettings => {
    const { values, problem } = read();
    if (problem !== null) throw new CommandError('unavailable', coreText('command.settingsFileInvalid', { path: inner.path, reason: problem.i18n }));
    return values;
  };
  return {
    get path() {
      return inner.path;
    },
    get store() {
      return read().values;
    },
    set store(values: StoredSettings) {
      writable();
      checkSettings(values);
      inner.store = values;
    },
    set(values: Partial<StoredSettings>) {
      checkSettings({ ...writable(), ...values });
      inner.set(values);
    },
    delete(key: keyof StoredSettings) {
      writable();
      inner.delete(key);
    },
  };
}
