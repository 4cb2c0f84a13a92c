// The settings form as plain data: validation with the shared zod schemas, and the patch of
// changed fields only (so saving never overwrites what another window or .env just set).
import type { z } from 'zod';
import * as schemas from '../../../shared/schemas';
import type { FetchLimit, FetchMode, FetchPeriod, SettingKey, SettingsView } from '../../../shared/types';
import type { en } from '../i18n/en';

export interface SettingsForm {
  token: string;
  guildId: string;
  channelId: string;
  apiUrl: string;
  autoStartBot: boolean;
  autoUpdateEnabled: boolean;
  updateBranch: string;
  autoRestartService: boolean;
  /** Kept as typed so a half-typed number is not coerced while editing. */
  checkIntervalMinutes: string;
  /** Comma-separated, as HIGHLIGHT_KEYWORDS is. */
  highlightKeywords: string;
  fetchMode: FetchMode;
  fetchLimit: FetchLimit;
  fetchPeriod: FetchPeriod;
}

export type FormField = keyof SettingsForm;
export type ValidationKey = keyof typeof en.validation;
export type FieldErrors = Partial<Record<FormField, ValidationKey>>;

export function formFromView(view: SettingsView): SettingsForm {
  return {
    // Write-only: the stored token never comes back to the page.
    token: '',
    guildId: view.guildId,
    channelId: view.channelId,
    apiUrl: view.apiUrl,
    autoStartBot: view.autoStartBot,
    autoUpdateEnabled: view.autoUpdateEnabled,
    updateBranch: view.updateBranch,
    autoRestartService: view.autoRestartService,
    checkIntervalMinutes: String(view.checkIntervalMinutes),
    highlightKeywords: view.highlightKeywords.join(', '),
    fetchMode: view.fetchMode,
    fetchLimit: view.fetchLimit,
    fetchPeriod: view.fetchPeriod,
  };
}

/** The keywords typed in the field, as the core will store them; null when they break the bounds. */
export function parseKeywords(text: string): string[] | null {
  const result = schemas.highlightKeywordList.safeParse(text);
  return result.success ? result.data : null;
}

function tokenError(value: string): ValidationKey | null {
  const result = schemas.botToken.safeParse(value);
  if (result.success) return null;
  const code = result.error.issues[0]?.code;
  return code === 'too_small' ? 'tokenShort' : code === 'too_big' ? 'tokenLong' : 'tokenChars';
}

const failsWith = (schema: z.ZodType, key: ValidationKey) => (value: string) =>
  schema.safeParse(value).success ? null : key;

const textValidators: Partial<Record<FormField, (value: string) => ValidationKey | null>> = {
  // Empty token means "keep the current one", so only a typed token is checked.
  token: (v) => (v.trim() === '' ? null : tokenError(v)),
  guildId: failsWith(schemas.optionalSnowflake, 'snowflake'),
  channelId: failsWith(schemas.optionalSnowflake, 'snowflake'),
  apiUrl: failsWith(schemas.apiUrl, 'apiUrl'),
  updateBranch: failsWith(schemas.branchName, 'branch'),
  checkIntervalMinutes: (v) => (/^\s*\d+\s*$/.test(v) && Number(v) >= 1 && Number(v) <= 1440 ? null : 'interval'),
  highlightKeywords: (v) => (parseKeywords(v) ? null : 'keywords'),
};

export function validateField(field: FormField, value: SettingsForm[FormField]): ValidationKey | null {
  const validate = textValidators[field];
  return validate && typeof value === 'string' ? validate(value) : null;
}

/** Errors of the editable fields; fields set by the environment are not the user's to fix. */
export function validateForm(form: SettingsForm, view: SettingsView): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of Object.keys(form) as FormField[]) {
    if (isFromEnv(view, field)) continue;
    const error = validateField(field, form[field]);
    if (error) errors[field] = error;
  }
  return errors;
}

export function isFromEnv(view: SettingsView, field: FormField): boolean {
  return view.fromEnv[field as SettingKey | 'token'] !== undefined;
}

const stripSlashes = (url: string) => url.trim().replace(/\/+$/, '');

/** Only what the user changed, ready for api.settings.save. Call after validateForm passed. */
export function buildPatch(view: SettingsView, form: SettingsForm): schemas.SettingsPatch {
  const patch: schemas.SettingsPatch = {};
  const editable = (field: FormField) => !isFromEnv(view, field);
  if (editable('token') && form.token.trim() !== '') patch.token = form.token.trim();
  if (editable('guildId') && form.guildId.trim() !== view.guildId) patch.guildId = form.guildId.trim();
  if (editable('channelId') && form.channelId.trim() !== view.channelId) patch.channelId = form.channelId.trim();
  if (editable('apiUrl') && stripSlashes(form.apiUrl) !== stripSlashes(view.apiUrl)) patch.apiUrl = form.apiUrl.trim();
  if (editable('autoStartBot') && form.autoStartBot !== view.autoStartBot) patch.autoStartBot = form.autoStartBot;
  if (editable('autoUpdateEnabled') && form.autoUpdateEnabled !== view.autoUpdateEnabled)
    patch.autoUpdateEnabled = form.autoUpdateEnabled;
  if (editable('updateBranch') && form.updateBranch.trim() !== view.updateBranch) patch.updateBranch = form.updateBranch.trim();
  if (editable('autoRestartService') && form.autoRestartService !== view.autoRestartService)
    patch.autoRestartService = form.autoRestartService;
  const minutes = Number(form.checkIntervalMinutes);
  if (editable('checkIntervalMinutes') && minutes !== view.checkIntervalMinutes) patch.checkIntervalMinutes = minutes;
  const keywords = parseKeywords(form.highlightKeywords);
  if (editable('highlightKeywords') && keywords && keywords.join('\n') !== view.highlightKeywords.join('\n')) patch.highlightKeywords = keywords;
  for (const field of ['fetchMode', 'fetchLimit', 'fetchPeriod'] as const) {
    if (editable(field) && form[field] !== view[field]) Object.assign(patch, { [field]: form[field] });
  }
  return patch;
}

export type ConnectionCandidate = z.input<typeof schemas.connectionCandidate>;

/**
 * The unsaved values to test; a field left empty (or set by the environment) is omitted so the
 * server falls back to what it already has.
 */
export function buildCandidate(view: SettingsView, form: SettingsForm): ConnectionCandidate {
  const candidate: ConnectionCandidate = {};
  const typed = (field: 'token' | 'guildId' | 'channelId' | 'apiUrl') =>
    isFromEnv(view, field) ? '' : form[field].trim();
  if (typed('token')) candidate.token = typed('token');
  if (typed('guildId')) candidate.guildId = typed('guildId');
  if (typed('channelId')) candidate.channelId = typed('channelId');
  if (typed('apiUrl')) candidate.apiUrl = typed('apiUrl');
  return candidate;
}
