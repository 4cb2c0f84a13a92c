// Input schemas: every argument that crosses IPC or the WebSocket is parsed with one of these.
import { z } from 'zod';

export const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord ID: 17 to 20 digits (Developer Mode → right-click → Copy ID)');

/** A snowflake or the empty string (the field is being cleared). */
export const optionalSnowflake = z.union([z.literal(''), snowflake]);

export const botToken = z
  .string()
  .trim()
  .min(20, 'looks too short for a bot token (copy it from Developer Portal → Bot → Reset Token)')
  .max(200, 'is too long for a bot token')
  .regex(/^[A-Za-z0-9._-]+$/, 'may only contain letters, digits, dots, dashes and underscores');

export const apiUrl = z
  .string()
  .trim()
  .url('must be a URL such as https://discord.com/api')
  .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
  .transform((u) => u.replace(/\/+$/, ''));

// A git branch name, conservative: no spaces, no "..", no leading dash.
export const branchName = z
  .string()
  .trim()
  .max(100)
  .regex(/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]*$/, 'is not a valid git branch name');

export const settingsPatch = z
  .object({
    token: z.union([botToken, z.null()]).optional(),
    guildId: optionalSnowflake.optional(),
    channelId: optionalSnowflake.optional(),
    apiUrl: apiUrl.optional(),
    autoStartBot: z.boolean().optional(),
    startHidden: z.boolean().optional(),
    autoUpdateEnabled: z.boolean().optional(),
    updateBranch: branchName.optional(),
    autoRestartService: z.boolean().optional(),
    checkIntervalMinutes: z.number().int().min(1).max(1440).optional(),
  })
  .strict();
export type SettingsPatch = z.input<typeof settingsPatch>;

export const connectionCandidate = z
  .object({
    token: botToken.optional(),
    guildId: snowflake.optional(),
    channelId: snowflake.optional(),
    apiUrl: apiUrl.optional(),
  })
  .strict();

export const messagesListInput = z
  .object({ limit: z.number().int().min(1).max(500).optional() })
  .strict()
  .optional();

export const noInput = z.undefined();

export const updateRunInput = z
  .object({
    /** The remote commit the user confirmed; refused if the branch has moved since. */
    target: z.string().regex(/^[0-9a-f]{40}$/, 'must be the full commit hash shown in the confirmation'),
  })
  .strict();

export const startOnLoginInput = z.object({ enabled: z.boolean() }).strict();
