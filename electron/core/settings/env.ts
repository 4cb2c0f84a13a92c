// Environment overrides, as the original panel's .env did: process.env wins over .env, which wins over stored values.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import type { z } from 'zod';
import { apiUrl, backupDir, botToken, branchName, fetchLimit, fetchMode, fetchPeriod, highlightKeywordList, snowflake } from '../../../shared/schemas.js';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import type { SettingKey } from '../../../shared/types.js';

type Target = SettingKey | 'token';

const boolean = {
  safeParse: (v: string) =>
    /^(true|1|yes|on)$/i.test(v)
      ? { success: true as const, data: true }
      : /^(false|0|no|off)$/i.test(v)
        ? { success: true as const, data: false }
        : { success: false as const, error: { issues: [{ message: 'must be True or False' }] } },
};

const VARIABLES: Array<{ name: string; key: Target; schema: Pick<z.ZodType, 'safeParse'> | typeof boolean }> = [
  { name: 'DISCORD_TOKEN', key: 'token', schema: botToken },
  { name: 'DISCORD_GUILD_ID', key: 'guildId', schema: snowflake },
  { name: 'DISCORD_CHANNEL_ID', key: 'channelId', schema: snowflake },
  { name: 'DISCORD_API_URL', key: 'apiUrl', schema: apiUrl },
  { name: 'AUTO_UPDATE_ENABLED', key: 'autoUpdateEnabled', schema: boolean },
  { name: 'UPDATE_BRANCH', key: 'updateBranch', schema: branchName },
  { name: 'AUTO_RESTART_SERVICE', key: 'autoRestartService', schema: boolean },
  { name: 'BACKUP_ENABLED', key: 'backupEnabled', schema: boolean },
  { name: 'BACKUP_DIR', key: 'backupDir', schema: backupDir },
  { name: 'DANGEROUS_ACTIONS_ENABLED', key: 'dangerousActionsEnabled', schema: boolean },
  { name: 'HIGHLIGHT_KEYWORDS', key: 'highlightKeywords', schema: highlightKeywordList },
  { name: 'FETCH_MODE', key: 'fetchMode', schema: fetchMode },
  { name: 'FETCH_LIMIT', key: 'fetchLimit', schema: fetchLimit },
  { name: 'FETCH_PERIOD', key: 'fetchPeriod', schema: fetchPeriod },
];

type EnvValue = string | boolean | string[];

export interface EnvOverrides {
  values: Partial<Record<Target, EnvValue>>;
  /** Setting → the variable (and where it came from) that set it. */
  sources: Partial<Record<Target, string>>;
  /** Variables that were present but invalid: ignored, and said so. */
  problems: string[];
  /** The same sentences by key, for the panel's language. */
  said: CoreSentence[];
}

export function readEnvOverrides(env: NodeJS.ProcessEnv, appDir: string): EnvOverrides {
  const dotenvPath = join(appDir, '.env');
  const fromFile = existsSync(dotenvPath) ? parse(readFileSync(dotenvPath)) : {};
  const result: EnvOverrides = { values: {}, sources: {}, problems: [], said: [] };
  for (const { name, key, schema } of VARIABLES) {
    const inEnv = env[name] !== undefined && env[name] !== '';
    const raw = inEnv ? env[name] : fromFile[name];
    if (raw === undefined || raw === '') continue;
    const parsed = schema.safeParse(raw);
    const where = inEnv ? name : `${name} (.env)`;
    if (!parsed.success) {
      // Never echo the value: it may be a token.
      const sentence = coreText('notice.envIgnored', { variable: where, detail: parsed.error.issues[0]?.message ?? 'invalid value' });
      result.problems.push(sentence.text);
      result.said.push(sentence);
      continue;
    }
    result.values[key] = parsed.data as EnvValue;
    result.sources[key] = where;
  }
  return result;
}
