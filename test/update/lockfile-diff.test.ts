// The lockfile summary parses files from the remote: any text must give a sentence, never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLockfiles, lockedVersions, lockfileChange, summarizeLockfileChange } from '../../electron/core/update/lockfile-diff.js';
import { coreEn, renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';

const lock = (packages: Record<string, string>) =>
  JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'app' }, ...Object.fromEntries(Object.entries(packages).map(([n, v]) => [`node_modules/${n}`, { version: v }])) } });

describe('summarizeLockfileChange', () => {
  it('names the first updated packages, then counts the rest', () => {
    const before = lock({ 'discord.js': '14.28.1', ws: '8.1.0', zod: '4.0.0', pino: '10.0.0', gone: '1.0.0' });
    const after = lock({ 'discord.js': '14.29.0', ws: '8.2.0', zod: '4.1.0', pino: '10.0.0', fresh: '2.0.0' });
    expect(summarizeLockfileChange(before, after)).toBe('discord.js 14.28.1 → 14.29.0, ws 8.1.0 → 8.2.0, 1 more updated, 1 added, 1 removed');
  });

  it('is a sentence by key, said in French in a French panel’s confirmation', () => {
    const before = lock({ 'discord.js': '14.28.1', ws: '8.1.0', zod: '4.0.0', pino: '10.0.0', gone: '1.0.0', old: '1.0.0' });
    const after = lock({ 'discord.js': '14.29.0', ws: '8.2.0', zod: '4.1.0', pino: '10.1.0', fresh: '2.0.0' });
    const said = lockfileChange(before, after);
    expect(renderText(said.i18n, coreEn, { locale: 'en-US' })).toBe(said.text);
    expect(said.text).toBe('discord.js 14.28.1 → 14.29.0, ws 8.1.0 → 8.2.0, 2 more updated, 1 added, 2 removed');
    expect(renderText(said.i18n, coreFr, { locale: 'fr' })).toBe('discord.js 14.28.1 → 14.29.0, ws 8.1.0 → 8.2.0, 2 autres mis à jour, 1 ajouté, 2 supprimés');
    expect(renderText(lockfileChange('{', lock({})).i18n, coreFr, { locale: 'fr' })).toBe('package-lock.json a changé');
    expect(renderText(lockfileChange(lock({ a: '1.0.0' }), lock({ a: '1.0.0' })).i18n, coreFr, { locale: 'fr' })).toBe('mêmes versions des paquets (seules les métadonnées du lockfile changent)');
  });

  it('ignores nested copies and the project entry; says when only metadata changed', () => {
    const before = JSON.stringify({ packages: { '': { version: '1.0.0' }, 'node_modules/a': { version: '1.0.0' }, 'node_modules/a/node_modules/b': { version: '1.0.0' } } });
    const after = JSON.stringify({ packages: { '': { version: '2.0.0' }, 'node_modules/a': { version: '1.0.0', hasInstallScript: true }, 'node_modules/a/node_modules/b': { version: '3.0.0' } } });
    expect(summarizeLockfileChange(before, after)).toBe('same package versions (lockfile metadata only)');
  });

  it('any text gives a sentence', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => typeof summarizeLockfileChange(a, b) === 'string'));
    fc.assert(fc.property(fc.json(), fc.json(), (a, b) => summarizeLockfileChange(a, b).length > 0));
    expect(summarizeLockfileChange('{', lock({}))).toBe('package-lock.json changed');
    expect(summarizeLockfileChange(JSON.stringify({ packages: [] }), lock({}))).toBe('package-lock.json changed');
  });

  it('diff counts are consistent with the two version maps', () => {
    const versions = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('1.0.0', '1.1.0', '2.0.0'));
    fc.assert(
      fc.property(versions, versions, (a, b) => {
        const before = lockedVersions(lock(a));
        const after = lockedVersions(lock(b));
        if (!before || !after) return false;
        const d = diffLockfiles(before, after);
        const common = [...after.keys()].filter((k) => before.has(k));
        expect(d.added.length + common.length).toBe(after.size);
        expect(d.removed.length + common.length).toBe(before.size);
        expect(d.changed.map((c) => c.name).sort()).toEqual(common.filter((k) => before.get(k) !== after.get(k)).sort());
        return true;
      }),
    );
  });
});
