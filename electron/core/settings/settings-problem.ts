// Why a settings.json is refused, as a sentence by key: it is said inside the settings notices and the
// refused save, which the panel renders in its own language (zod's and V8's messages are English only).
import type { z } from 'zod';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';

/** A settings file the app will not use: `sentence` says why, by key; the message is its English. */
export class SettingsSchemaError extends Error {
  constructor(
    readonly sentence: CoreSentence,
    message = sentence.text,
  ) {
    super(message);
  }
}

/** The file is not JSON. Not the parser's message: V8 quotes the text around the error, which may be a token. */
export function notJson(err: unknown): CoreSentence {
  const at = /at position (\d+)/.exec(String(err));
  return at ? coreText('settings.why.notJsonAt', { at: Number(at[1]) }) : coreText('settings.why.notJson');
}

/** The file is JSON but not an object (a list, null, a number…). */
export function notSettingsObject(value: unknown): CoreSentence {
  const kind = Array.isArray(value)
    ? coreText('settings.kind.list')
    : value === null
      ? coreText('settings.kind.null')
      : typeof value === 'string'
        ? coreText('settings.kind.string')
        : typeof value === 'number'
          ? coreText('settings.kind.number')
          : coreText('settings.kind.boolean');
  return coreText('settings.why.holds', { kind: kind.i18n });
}

type Issue = z.ZodError['issues'][number];

// A pattern's rule is the key's: the schema gives regexes only to these (schema.ts).
const FORMATS: ReadonlyMap<string, 'settings.rule.discordId' | 'settings.rule.url' | 'settings.rule.keyword'> = new Map([
  ['guildId', 'settings.rule.discordId'],
  ['channelId', 'settings.rule.discordId'],
  ['apiUrl', 'settings.rule.url'],
  ['highlightKeywords', 'settings.rule.keyword'],
]);

const TYPES: ReadonlyMap<string, 'settings.rule.text' | 'settings.rule.wholeNumber' | 'settings.rule.boolean' | 'settings.rule.list'> = new Map([
  ['string', 'settings.rule.text'],
  ['number', 'settings.rule.wholeNumber'],
  ['int', 'settings.rule.wholeNumber'],
  ['boolean', 'settings.rule.boolean'],
  ['array', 'settings.rule.list'],
]);

/** One broken rule, naming the key (never its value: a hand-edited file may hold a secret in the wrong place). */
function rule(issue: Issue): CoreSentence {
  const key = issue.path.map(String).join('.') || '(root)';
  switch (issue.code) {
    case 'invalid_type': {
      const type = TYPES.get(issue.expected);
      return type ? coreText(type, { key }) : coreText('settings.rule.other', { key });
    }
    case 'too_small':
      if (issue.origin === 'number') return coreText('settings.rule.atLeast', { key, minimum: Number(issue.minimum) });
      return coreText('settings.rule.empty', { key });
    case 'too_big':
      if (issue.origin === 'number') return coreText('settings.rule.atMost', { key, maximum: Number(issue.maximum) });
      return coreText(issue.origin === 'array' ? 'settings.rule.maxItems' : 'settings.rule.maxChars', { key, count: Number(issue.maximum) });
    case 'invalid_value':
      return coreText('settings.rule.oneOf', { key, values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'invalid_format': {
      const format = FORMATS.get(String(issue.path[0]));
      return format ? coreText(format, { key }) : coreText('settings.rule.other', { key });
    }
    default:
      return coreText('settings.rule.other', { key });
  }
}

/** Every rule the values break, in one sentence ("…; …"). */
export function schemaProblem(issues: readonly Issue[]): CoreSentence {
  const rules = issues.map(rule);
  if (!rules.length) return coreText('settings.rule.other', { key: '(root)' });
  return rules.reduceRight((rest, first) => coreText('settings.rule.and', { first: first.i18n, rest: rest.i18n }));
}

/** Why `err` (thrown while reading or checking the file) makes it unusable. */
export function problemOf(err: unknown): CoreSentence {
  if (err instanceof SettingsSchemaError) return err.sentence;
  if (err instanceof SyntaxError) return notJson(err);
  return coreText('settings.why.other', { detail: err instanceof Error ? err.message.split('\n')[0]! : String(err) });
}
