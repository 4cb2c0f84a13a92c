// Inputs of the archive commands, parsed at the boundary like every other command's.
import { z } from 'zod';
import { EXPORT_FORMATS } from './archive.js';
import { coreEn } from './core-text-en.js';
import { timeZoneName } from './schemas.js';

// JavaScript's dates end at 8.64e15 ms, and an export prints its range with the zone's offset added:
// a day short of that end, any zone's time stays a date (past it the download broke off after its 200).
const LAST_INSTANT = 8.64e15 - 86_400_000;

export const archiveFilter = z
  .object({
    /** Epoch ms, inclusive. */
    after: z.number().int().nonnegative().max(LAST_INSTANT).optional(),
    /** Epoch ms, exclusive. */
    before: z.number().int().nonnegative().max(LAST_INSTANT).optional(),
    /** Author ids; empty or absent: everyone. */
    authorIds: z.array(z.string().regex(/^\d{1,20}$/, coreEn['issue.discordUserId'])).max(100).optional(),
    /** The search box's language (words, from:, mentions:, has:, before:, after:, during:). */
    query: z.string().max(500).optional(),
    /** The export's zone (IANA name; absent: UTC): the query's dates are days there, and HTML, text and CSV print times there. */
    timeZone: timeZoneName.optional(),
    /** Deleted messages stay in the store; an archive includes them unless told not to. */
    includeDeleted: z.boolean().optional(),
  })
  .strict()
  .refine((f) => f.after === undefined || f.before === undefined || f.after < f.before, { message: coreEn['issue.laterThanAfter'], path: ['before'] });

export const exportInput = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    filter: archiveFilter.optional(),
    /** HTML: link media (default) or download it into a folder beside the file (desktop and CLI; the browser gets both as one .zip). */
    media: z.enum(['link', 'download']).optional(),
    locale: z.enum(['en', 'fr']).optional(),
  })
  .strict();

export const deleteAllInput = z
  .object({
    phrase: z.string().max(100),
    channelName: z.string().max(200),
    acknowledged: z.boolean(),
  })
  .strict();
