// An update is when two versions read each other's journal: the new version boots on the one the old
// wrote, and a rollback puts the old one back on a journal the new one wrote. fixtures/update-journal-
// 49a47ce.json is the journal 3.1.0 as of 49a47ce wrote in real runs (a build rolled back, a failed
// rollback, a success, a never-healthy start rolled back by its boot watchdog, a recovered kill, and a
// kill during the build not yet recovered); fixtures/journal-schema-49a47ce.ts is that release's reader.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { coreEn, renderText, type I18nText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import { bootCheck } from '../../electron/core/update/boot.js';
import { JOURNAL_FILE, UpdateJournal } from '../../electron/core/update/journal.js';
import { runUpdate } from '../../electron/core/update/pipeline.js';
import { toLastUpdate } from '../../electron/core/update-view.js';
import { fileSchema as oldFileSchema } from './fixtures/journal-schema-49a47ce.js';
import { Fixture, git } from './fixture.js';

const OLD_JOURNAL = join(import.meta.dirname, 'fixtures', 'update-journal-49a47ce.json');
const say = (i18n: I18nText, catalogue = coreFr) => renderText(i18n, catalogue, { locale: catalogue === coreFr ? 'fr' : 'en-US', timeZone: 'UTC' });
/** A sentence shown whole: no hole where a parameter was missing, nothing undefined. */
const whole = (text: string | null | undefined) => {
  expect(text).toBeTruthy();
  expect(text).not.toMatch(/undefined|null|\{\{|\[object/);
};

let fx: Fixture;
beforeEach(() => {
  fx = new Fixture();
});
afterEach(() => fx.cleanup());

it('the current version reads the old journal whole: every banner said in English and French, the old English error kept', async () => {
  copyFileSync(OLD_JOURNAL, join(fx.dataDir, JOURNAL_FILE));
  const entries = await new UpdateJournal(fx.dataDir).entries();
  expect(entries.map((e) => e.outcome)).toEqual(['rolled-back', 'failed', 'success', 'rolled-back', 'interrupted', 'running']);
  expect(readdirSync(fx.dataDir).filter((f) => f.includes('.corrupt-'))).toEqual([]);
  for (const e of entries.filter((x) => x.outcome !== 'running')) {
    const last = toLastUpdate(e, []);
    whole(last.message);
    if (e.outcome === 'success') continue;
    whole(say(last.i18n!.message, coreEn));
    expect(say(last.i18n!.message, coreEn)).toBe(last.message);
    const fr = say(last.i18n!.message);
    whole(fr);
    // The old journal has the error in English only: it stays, inside the French sentence.
    if (e.outcome !== 'interrupted') expect(fr).toContain(e.error);
  }
  expect(say(toLastUpdate(entries[0]!, []).i18n!.message)).toMatch(/l’étape « Recompilation »/);
});

it('the current boot recovers an update the old version was running when it was killed', async () => {
  // The old entry killed during the build, moved onto this fixture's commits: the checkout is at the new one.
  const v2 = fx.publish('Version 2', { 'version.txt': 'v2' });
  const old = JSON.parse(readFileSync(OLD_JOURNAL, 'utf8')) as { version: 1; entries: Array<Record<string, unknown>> };
  const killed = { ...old.entries.at(-1)!, from: fx.v1, to: v2, startedAt: new Date(Date.now() - 60_000).toISOString() };
  const journal = new UpdateJournal(fx.dataDir);
  writeFileSync(journal.file, JSON.stringify({ version: 1, entries: [...old.entries.slice(0, -1), killed] }));
  git(fx.checkout, 'fetch', '-q', 'origin');
  git(fx.checkout, 'reset', '-q', '--hard', v2);

  const report = await bootCheck({ appDir: fx.checkout, dataDir: fx.dataDir, commands: fx.commands });
  expect(report.outcome).toBe('interrupted');
  whole(report.message);
  expect(say(report.i18n!)).toMatch(/pendant l’étape « Recompilation »/);
  expect(fx.head()).toBe(fx.v1);
  const entries = await journal.entries();
  expect(entries).toHaveLength(6);
  const banner = toLastUpdate(entries.at(-1)!, []);
  expect(say(banner.i18n!.message)).toMatch(/interrompue pendant l’étape « Recompilation »/);
  // And the journal this version wrote stays readable by the old one (a later rollback onto it).
  expect(oldFileSchema.safeParse(JSON.parse(readFileSync(journal.file, 'utf8'))).success).toBe(true);
});

it('the old version reads the journal the current one writes: nothing refused, the English error beside each key', async () => {
  // A build that fails (rolled back), then a self-test that fails with a rollback that fails too.
  fx.publish('Version 2 (broken build)', { 'version.txt': 'v2', BREAK_BUILD: 'x' });
  expect((await runUpdate(fx.context())).outcome).toBe('rolled-back');
  fx.publish('Version 3 (broken self-test)', { 'version.txt': 'v3', BREAK_BUILD: null, BREAK_SELFTEST: 'x' });
  const ctx = fx.context();
  const refused = { ...ctx.config, restore: async () => Promise.reject(new Error('EACCES: permission denied, open settings.json')) };
  expect((await runUpdate({ ...ctx, config: refused })).outcome).toBe('failed');
  const journal = new UpdateJournal(fx.dataDir);

  const written = JSON.parse(readFileSync(journal.file, 'utf8')) as { entries: Array<{ error: string | null; errorI18n?: I18nText | null }> };
  expect(written.entries.filter((e) => e.errorI18n)).toHaveLength(2);
  const parsed = oldFileSchema.safeParse(written);
  expect(parsed.success).toBe(true);
  // Only the keys go: the rest of each entry reaches the old release as written.
  expect(parsed.data!.entries).toEqual(written.entries.map(({ errorI18n: _, ...rest }) => rest));
  // The old release shows `error`: the same sentence, in English.
  for (const e of written.entries) if (e.errorI18n) expect(say(e.errorI18n, coreEn)).toBe(e.error);
});

it('a later version’s error key this one cannot read or does not know costs only the translation', async () => {
  // This version is the old one the next release rolls back to. A parameter it cannot read (a list, a
  // flag, a null) must not set the whole journal aside, with the update its boot has to recover; a key
  // it does not know must leave the banner the journal's English error, not a key in place of a sentence.
  const old = JSON.parse(readFileSync(OLD_JOURNAL, 'utf8')) as { version: 1; entries: Array<Record<string, unknown>> };
  const later: Record<number, unknown> = {
    0: { key: 'update.someLaterSentence', params: { files: ['a', 'b'], partial: true, detail: null } },
    1: { key: 'update.someLaterSentence', params: {} },
    3: { key: 'update.errorThenRollback', params: { error: { key: 'update.someLaterSentence', params: {} }, rollbackError: 'x' } },
  };
  const journal = new UpdateJournal(fx.dataDir);
  writeFileSync(journal.file, JSON.stringify({ version: 1, entries: old.entries.map((e, i) => (i in later ? { ...e, errorI18n: later[i] } : e)) }));
  const entries = await journal.entries();
  expect(entries.map((e) => e.outcome)).toEqual(['rolled-back', 'failed', 'success', 'rolled-back', 'interrupted', 'running']);
  expect(readdirSync(fx.dataDir).filter((f) => f.includes('.corrupt-'))).toEqual([]);
  expect((await journal.pending())?.id).toBe(old.entries.at(-1)!.id);
  for (const i of [0, 1, 3]) {
    const banner = toLastUpdate(entries[i]!, []);
    expect(banner.message).toContain(entries[i]!.error);
    whole(say(banner.i18n!.message));
    expect(say(banner.i18n!.message)).toContain(entries[i]!.error);
  }
});

it('an entry a later version wrote with an outcome or step status this one does not know costs only that entry', async () => {
  // A next release may add an outcome or a step status. Its entry cannot be read here, but the journal
  // was set aside whole for it, with the update this version's boot has to recover.
  const old = JSON.parse(readFileSync(OLD_JOURNAL, 'utf8')) as { version: 1; entries: Array<Record<string, unknown>> };
  const entries = old.entries.map((e, i) =>
    i === 0 ? { ...e, outcome: 'superseded' } : i === 2 ? { ...e, steps: [{ step: 'fetch', status: 'reused', durationMs: 1 }] } : e,
  );
  const journal = new UpdateJournal(fx.dataDir);
  writeFileSync(journal.file, JSON.stringify({ version: 1, entries }));
  expect((await journal.entries()).map((e) => e.id)).toEqual(old.entries.slice(1).filter((_, i) => i !== 1).map((e) => e.id));
  expect(readdirSync(fx.dataDir).filter((f) => f.includes('.corrupt-'))).toEqual([]);
  expect((await journal.pending())?.id).toBe(old.entries.at(-1)!.id);
});
