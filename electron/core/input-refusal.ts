// A command's input refused by its schema: a short English line for the log (command and field names,
// never the input), and the same by key for the panel, naming each field as the panel labels it.
import type { z } from 'zod';
import { coreEn, coreText, type I18nText } from '../../shared/core-text.js';

// zod's own messages list every unknown key, so a 1 MiB frame of them made a 2 MiB reply.
const MAX_FIELDS = 5;
const MAX_KEYS_NAMED = 3;
const MAX_SAID = 3;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const fieldPath = (path: readonly PropertyKey[]) => clip(path.map((p) => clip(String(p), 40)).join('.'), 100) || 'input';

// The schemas' messages are catalogue entries (shared/schemas.ts): their English finds their key.
const KEY_OF_MESSAGE = new Map<string, string>(
  Object.entries(coreEn).flatMap(([key, text]) => (key.startsWith('issue.') && typeof text === 'string' && !text.includes('{{') ? [[text, key]] : [])),
);

/**
 * A key name as a JSON string, its braces escaped as JSON allows: said back inside a catalogue sentence,
 * a key named "{{count}}" read like one of the sentence's own placeholders (a fuzzed "{{" was said back).
 */
const quotedKey = (key: string) => JSON.stringify(clip(key, 40)).replace(/[{}]/g, (c) => (c === '{' ? '\\u007b' : '\\u007d'));

/** The first few unknown keys, quoted; the rest as " and N more" (the log's English) or "…" (any language: the sentence counts them). */
function namedKeys(keys: readonly string[], rest: 'words' | 'ellipsis' = 'words'): string {
  const named = keys.slice(0, MAX_KEYS_NAMED).map(quotedKey);
  const more = keys.length - named.length;
  if (more <= 0) return named.join(', ');
  return rest === 'words' ? `${named.join(', ')} and ${more} more` : `${named.join(', ')}, …`;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return clip(issue.message, 300);
  return `has unknown key${issue.keys.length === 1 ? '' : 's'} ${namedKeys(issue.keys)}`;
}

/** A schema's own sentence for a problem it words itself (an unknown time zone: shared/schemas.ts). */
function ownSentence(issue: z.core.$ZodIssue): I18nText | undefined {
  return issue.code === 'custom' ? (issue.params as { i18n?: I18nText } | undefined)?.i18n : undefined;
}

/** The issue by key, or null when it has none (the panel then shows the English). Also the export's arguments (export-args.ts). */
export function issueI18n(issue: z.core.$ZodIssue): I18nText | null {
  const own = ownSentence(issue);
  if (own) return own;
  const keyed = KEY_OF_MESSAGE.get(issue.message);
  if (keyed) return { key: keyed, params: {} };
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      const [few, many] = issue.origin === 'string' ? (['issue.tooShort', 'issue.tooLong'] as const) : issue.origin === 'array' ? (['issue.tooFew', 'issue.tooMany'] as const) : (['issue.tooSmall', 'issue.tooBig'] as const);
      return small ? coreText(few, { minimum: bound }).i18n : coreText(many, { maximum: bound }).i18n;
    }
    case 'invalid_type':
      return issue.expected === 'int' ? coreText('issue.wholeNumber').i18n : coreText('issue.type', { expected: String(issue.expected) }).i18n;
    case 'invalid_value':
      return coreText('issue.oneOf', { values: issue.values.map((v) => (v === '' ? '""' : String(v))).join(', ') }).i18n;
    case 'unrecognized_keys':
      return coreText('issue.unknownKeys', { count: issue.keys.length, keys: namedKeys(issue.keys, 'ellipsis') }).i18n;
    case 'invalid_union': {
      // A field that may also be empty ('' or a snowflake): the last branch says what was expected.
      const branch = issue.errors.at(-1)?.[0];
      return branch ? issueI18n(branch) : null;
    }
    default:
      return null;
  }
}

/** The field as the panel labels it (items of a list: the list), or its path when the panel has no label. */
function fieldI18n(path: readonly PropertyKey[]): I18nText | string {
  if (path.length === 0) return coreText('field.input').i18n;
  const name = path[0];
  return typeof name === 'string' && Object.hasOwn(coreEn, `field.${name}`) ? { key: `field.${name}`, params: {} } : fieldPath(path);
}

export interface InputRefusal {
  message: string;
  fields: Record<string, string>;
  fieldsI18n: Record<string, I18nText>;
  i18n: I18nText;
}

export function inputRefusal(command: string, issues: readonly z.core.$ZodIssue[]): InputRefusal {
  const fields = new Map<string, { text: string; i18n: I18nText | null; issue: z.core.$ZodIssue }>();
  let more = 0;
  for (const issue of issues) {
    const path = fieldPath(issue.path);
    if (fields.has(path)) continue;
    if (fields.size < MAX_FIELDS) fields.set(path, { text: issueText(issue), i18n: issueI18n(issue), issue });
    else more++;
  }
  const detail = [...fields].map(([k, v]) => `${k} ${v.text}`).join('; ');
  const rest = more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '';
  // The sentence names each field once (fifty bad keywords are one problem of one field), joined two by two.
  const said = new Map<string, I18nText>();
  for (const { text, i18n, issue } of fields.values()) {
    const top = String(issue.path[0] ?? '');
    if (said.has(top) || said.size >= MAX_SAID) continue;
    said.set(top, coreText('input.problem', { field: fieldI18n(issue.path), issue: i18n ?? text }).i18n);
  }
  const [first, ...others] = said.values();
  let problems = others.reduce((a, b) => coreText('input.and', { a, b }).i18n, first ?? coreText('field.input').i18n);
  const unsaid = fields.size + more - said.size;
  if (unsaid > 0) problems = coreText('input.more', { rest: problems, count: unsaid }).i18n;
  return {
    message: `${command}: ${detail}${rest}. Nothing was changed.`,
    fields: Object.fromEntries([...fields].map(([k, v]) => [k, v.text])),
    // Only whole fields: the panel shows notes under its fields, not under one item of a list.
    fieldsI18n: Object.fromEntries([...fields].flatMap(([k, v]) => (v.i18n && v.issue.path.length <= 1 ? [[k, v.i18n]] : []))),
    // A sentence the schema wrote whole is the refusal when it is the only problem.
    i18n: (issues.length === 1 && ownSentence(issues[0]!)) || coreText('input.refused', { problems }).i18n,
  };
}
