// The settings service: stored values + environment overrides + the token from the SecretBox.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { z } from 'zod';
import type { settingsPatch } from '../../../shared/schemas.js';
import { SETTING_KEYS, type SettingKey, type SettingsView } from '../../../shared/types.js';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import { CommandError } from '../errors.js';
import type { SecretBox } from '../ports.js';
import { AccessTokenFile } from './access-token.js';
import { isWriteFault, unwritableWhy } from '../write-fault.js';
import { readEnvOverrides, type EnvOverrides } from './env.js';
import { watchSettingsFile } from './file-watch.js';
import { invalidFileNotice } from './invalid-file-notice.js';
import { inlineToken, openSettingsStore, type KeyValueStore, type SettingsNotice, type StoreFactory } from './open-store.js';
import type { StoredSettings } from './schema.js';

export type SettingsPatch = z.output<typeof settingsPatch>;

/** Lists (the highlight keywords) compare by content: the panel sends back a new array. */
const sameValue = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b);

export interface EffectiveSettings extends Omit<StoredSettings, 'schemaVersion' | 'headlessAccessToken'> {
  token: string | null;
}

export interface SettingsOptions {
  dataDir: string;
  appDir: string;
  env: NodeJS.ProcessEnv;
  secrets: SecretBox;
  storeFactory: StoreFactory;
}

export class Settings extends EventEmitter<{ changed: [SettingsView] }> {
  private token: string | null = null;
  private overrides: EnvOverrides;
  /** Things the user should read: migrations, files moved aside, bad environment values. */
  readonly notices: SettingsNotice[] = [];
  private readonly access: AccessTokenFile;
  private closed = false;
  /** The stored values listeners were last told about (JSON): a hand edit is told once, a save not twice. */
  private told = '';
  private stopWatching = (): void => undefined;
  /** The save in progress, if any: saves run one after another. */
  private saving: Promise<unknown> = Promise.resolve();
  /** A version-1 file kept with its inline token: any save, a new token too, would be undone or lose it. */
  private keptForToken = false;
  /** Why saving is refused this run (a folder that cannot be written at start): null when it is not. */
  private refusal: CoreSentence | null = null;

  private constructor(
    private store: KeyValueStore,
    private readonly options: SettingsOptions,
  ) {
    super();
    this.overrides = readEnvOverrides(options.env, options.appDir);
    this.access = new AccessTokenFile(join(options.dataDir, 'access-token'));
    this.notices.push(
      ...this.overrides.said.map((s): SettingsNotice => ({ level: 'warn', code: 'environment-ignored', params: {}, message: s.text, i18n: s.i18n, persist: false })),
    );
  }

  static async open(options: SettingsOptions): Promise<Settings> {
    // A version-1 file's inline token is stored before the upgrade drops it from the file: a crash or a
    // failing SecretBox in between lost it. If storing fails, that file is used as it is (open-store.ts).
    const inline = inlineToken(options.dataDir);
    let unstored: string | undefined;
    if (inline) await options.secrets.set(inline).catch((err: unknown) => (unstored = err instanceof Error ? err.message : String(err)));
    // A file made invalid by hand while the app runs: kept and not used (validated-store.ts), said in the panel.
    const onProblem = invalidFileNotice(join(options.dataDir, 'notices.json'));
    const opened = openSettingsStore(options.dataDir, options.storeFactory, new Date(), onProblem, unstored);
    const settings = new Settings(opened.store, options);
    settings.notices.unshift(...opened.notices);
    settings.keptForToken = opened.notices.some((n) => n.code === 'token-not-moved');
    settings.refusal = opened.refusal ?? null;
    settings.token = unstored !== undefined ? inline : await options.secrets.get();
    // 3.0 kept the panel's access token in settings.json: move it to its own file, then drop it there.
    const legacy = opened.store.store.headlessAccessToken;
    if (legacy !== undefined) {
      if (legacy) settings.access.ensure(legacy);
      opened.store.delete('headlessAccessToken');
    }
    if (opened.salvagedAccessToken) settings.access.ensure(opened.salvagedAccessToken);
    settings.told = settings.storedJson();
    settings.stopWatching = watchSettingsFile(settings.file, () => settings.reloaded());
    return settings;
  }

  private storedJson(): string {
    return JSON.stringify(this.store.store);
  }

  /**
   * The file changed on disk. Reading it also raises or clears its notice (validated-store.ts); when
   * the values in use changed (a valid edit, or an invalid one fixed), the panel gets them as after a save.
   */
  private reloaded(): void {
    if (this.closed) return;
    const now = this.storedJson();
    if (now === this.told) return;
    this.told = now;
    this.emit('changed', this.view());
  }

  get file(): string {
    return this.store.path;
  }

  effective(): EffectiveSettings {
    const { schemaVersion: _v, headlessAccessToken: _a, ...stored } = this.store.store;
    const env = this.overrides.values;
    const merged = { ...stored } as Record<string, unknown>;
    for (const key of SETTING_KEYS) if (env[key] !== undefined) merged[key] = env[key];
    const token = (env.token as string | undefined) ?? this.token;
    return { ...(merged as Omit<EffectiveSettings, 'token'>), token };
  }

  view(): SettingsView {
    const eff = this.effective();
    const fromEnvToken = this.overrides.values.token !== undefined;
    return {
      token: {
        set: eff.token !== null,
        last4: eff.token ? eff.token.slice(-4) : null,
        source: fromEnvToken ? 'environment' : eff.token ? 'stored' : 'none',
        encrypted: this.options.secrets.encrypted,
        warning: !fromEnvToken && eff.token ? this.options.secrets.warning : null,
        ...(!fromEnvToken && eff.token && this.options.secrets.warning && this.options.secrets.warningI18n ? { i18n: { warning: this.options.secrets.warningI18n } } : {}),
      },
      guildId: eff.guildId,
      channelId: eff.channelId,
      apiUrl: eff.apiUrl,
      autoStartBot: eff.autoStartBot,
      startHidden: eff.startHidden,
      language: eff.language,
      autoUpdateEnabled: eff.autoUpdateEnabled,
      updateBranch: eff.updateBranch,
      autoRestartService: eff.autoRestartService,
      checkIntervalMinutes: eff.checkIntervalMinutes,
      backupEnabled: eff.backupEnabled,
      backupDir: eff.backupDir,
      backupKeep: eff.backupKeep,
      backupIntervalHours: eff.backupIntervalHours,
      dangerousActionsEnabled: eff.dangerousActionsEnabled,
      highlightKeywords: [...eff.highlightKeywords],
      fetchMode: eff.fetchMode,
      fetchLimit: eff.fetchLimit,
      fetchPeriod: eff.fetchPeriod,
      fromEnv: { ...this.overrides.sources },
      configured: Boolean(eff.token && eff.guildId && eff.channelId),
    };
  }

  /**
   * Applies a validated patch. Rejects, changing nothing, if it touches an environment-set value or if
   * `check` throws; `check` sees the settings as the saves queued before this one left them.
   */
  save(patch: SettingsPatch, check?: (effective: EffectiveSettings, fromEnv: SettingsView['fromEnv']) => void): Promise<SettingsView> {
    // One at a time: two saves interleaving their token writes would leave memory and disk disagreeing.
    const run = this.saving.then(() => {
      check?.(this.effective(), this.view().fromEnv);
      return this.saveNow(patch);
    });
    this.saving = run.catch(() => undefined);
    return run;
  }

  private async saveNow(patch: SettingsPatch): Promise<SettingsView> {
    // Before the token too: the SecretBox writes its own file.
    if (this.closed) throw new CommandError('unavailable', coreText('command.settingsClosed'));
    if (this.keptForToken) throw new CommandError('unavailable', coreText('command.settingsKeptForToken'));
    // Before the token too: its file is in the same folder.
    if (this.refusal) throw new CommandError('unavailable', this.refusal);
    const current = this.effective() as unknown as Record<string, unknown>;
    const blocked = Object.entries(patch).filter(
      ([key, value]) => this.overrides.sources[key as SettingKey] && value !== undefined && !sameValue(value, current[key]),
    );
    if (blocked.length) {
      const fields = Object.fromEntries(
        blocked.map(([key]) => [key, coreText('fieldNote.fromEnv', { variable: this.overrides.sources[key as SettingKey] as string })]),
      );
      const sources = [...new Set(blocked.map(([key]) => this.overrides.sources[key as SettingKey] as string))];
      throw new CommandError('overridden', coreText('command.notSavedFromEnv', { count: sources.length, sources: sources.join(', ') }), fields);
    }
    const { token, ...rest } = patch;
    const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    // The token is stored first and swapped in memory together with the URL, with no await between:
    // no reader ever sees a new API URL with the old token, and a failed token write changes nothing.
    const before = this.token;
    if (token !== undefined) await this.writeToken(token).catch((err: unknown) => this.refuseUnwritable(err));
    try {
      if (token !== undefined) this.token = token;
      if (Object.keys(values).length) this.store.set(values as Partial<StoredSettings>);
    } catch (err) {
      // The file refused the rest (edited by hand, disk full): the token goes back too.
      if (token !== undefined) {
        this.token = before;
        await this.writeToken(before).catch(() => undefined);
      }
      this.refuseUnwritable(err);
    }
    this.told = this.storedJson();
    const view = this.view();
    this.emit('changed', view);
    return view;
  }

  /** Rethrows `err`; a read-only or full folder as a refusal that says why and what to do. */
  private refuseUnwritable(err: unknown): never {
    if (!isWriteFault(err)) throw err;
    throw new CommandError('unavailable', coreText('command.settingsUnwritable', { dir: this.options.dataDir, ...unwritableWhy(err, this.options.dataDir) }));
  }

  private async writeToken(token: string | null): Promise<void> {
    if (token === null) await this.options.secrets.clear();
    else await this.options.secrets.set(token);
  }

  /**
   * The core shut down: reads give the last values without opening the file (conf recreates its folder
   * on a read, which would bring back a deleted profile) and saves are refused.
   */
  close(): void {
    this.stopWatching();
    const last = this.store.store;
    const path = this.store.path;
    const refuse = (): never => {
      throw new CommandError('unavailable', coreText('command.settingsClosed'));
    };
    this.store = {
      path,
      get store() {
        return structuredClone(last);
      },
      set store(_values: StoredSettings) {
        refuse();
      },
      set: refuse,
      delete: refuse,
    };
    this.closed = true;
  }

  /** The headless panel's access token, generated on first use and kept in its own file. */
  accessToken(): string {
    return this.access.ensure();
  }

  get stored(): Readonly<StoredSettings> {
    return this.store.store;
  }
}
