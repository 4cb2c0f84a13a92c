// Every sentence the core can emit has an English and a French entry with the same placeholders, and
// the one formatter both sides use fills them in the reader's locale.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreEn, coreText, placeholders, renderText, type CoreEntry } from '../../shared/core-text';
import { coreFr } from '../../shared/core-text-fr.js';
import { botErrors } from '../../electron/core/bot/errors';

const EN: Record<string, CoreEntry> = coreEn;
const FR: Record<string, CoreEntry> = coreFr;
const fr = { locale: 'fr-FR', timeZone: 'UTC' };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('core sentence catalogue', () => {
  it('has a French entry of the same shape and placeholders for every English key, and no other', () => {
    expect(Object.keys(FR).sort()).toEqual(Object.keys(EN).sort());
    for (const key of Object.keys(EN)) {
      const en = EN[key] as CoreEntry;
      const frEntry = FR[key] as CoreEntry;
      expect(typeof frEntry, key).toBe(typeof en);
      expect(placeholders(frEntry), key).toEqual(placeholders(en));
    }
  });

  it('knows every key the core and headless code name (no cast slips one past the type)', () => {
    const used = new Set<string>();
    for (const file of [...sources('electron/core'), ...sources('electron/headless')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/coreText\(\s*'([^']+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(Object.hasOwn(EN, key), key).toBe(true);
  });

  it('formats numbers, plurals, dates and nested sentences in the reader’s language', () => {
    const error = coreText('error.network', { detail: 'ECONNREFUSED' });
    const status = coreText('status.errorRetrying', { error: error.i18n, seconds: 4, attempt: 2 });
    expect(status.text).toBe('Discord could not be reached (ECONNREFUSED). Retrying in 4 s (attempt 2).');
    expect(renderText(status.i18n, coreFr, fr)).toBe('Discord est injoignable (ECONNREFUSED). Nouvel essai dans 4 s (tentative 2).');
    expect(coreText('log.caughtUp', { count: 2500 }).text).toBe('Caught up 2,500 messages posted while disconnected.');
    expect(coreText('log.caughtUp', { count: 1 }).text).toBe('Caught up 1 message posted while disconnected.');
    // French groups with a narrow no-break space and says "0 message" in the singular.
    expect(renderText(coreText('log.caughtUp', { count: 2500 }).i18n, coreFr, fr)).toBe('2\u202f500 messages publiés pendant la déconnexion ont été rattrapés.');
    expect(renderText(coreText('log.caughtUp', { count: 0 }).i18n, coreFr, fr)).toContain('0 message publié');
    const limit = coreText('error.sessionLimit', { count: 3, resetsAt: Date.UTC(2026, 11, 1, 17, 5) });
    expect(limit.text).toContain('until Dec 1, 2026, 05:05 PM UTC');
    expect(renderText(limit.i18n, coreFr, fr)).toContain('jusqu’au 1 déc. 2026, 17:05 UTC');
  });

  it('answers null for a key it does not know, even nested, so the panel shows the English', () => {
    expect(renderText({ key: 'no.such', params: {} }, coreFr, fr)).toBeNull();
    expect(renderText({ key: 'status.errorRetrying', params: { error: { key: 'no.such', params: {} }, seconds: 1, attempt: 1 } }, coreFr, fr)).toBeNull();
    expect(renderText({ key: 'constructor', params: {} }, coreFr, fr)).toBeNull();
  });

  it('puts any parameter text in verbatim, whatever it contains', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (channel, guild) => {
        const s = coreText('log.monitoring', { channel, guild });
        expect(s.text).toBe(`Monitoring #${channel} on ${guild}.`);
        expect(renderText(s.i18n, coreFr, fr)).toBe(`Surveillance de #${channel} sur ${guild}.`);
      }),
    );
  });

  it('names a channel type in the reader’s language, and an unknown one as Discord does', () => {
    const voice = botErrors.channelNotText('Lounge', 'voice');
    expect(voice.message).toBe('#Lounge is a voice channel, not a text channel.');
    expect(renderText(voice.i18n!.message, coreFr, fr)).toBe('#Lounge est un salon de type vocal, pas un salon textuel.');
    expect(renderText(botErrors.channelNotText('Rules', 'category').i18n!.message, coreFr, fr)).toBe('#Rules est un salon de type catégorie, pas un salon textuel.');
    const odd = botErrors.channelNotText('X', 'hologram');
    expect(odd.message).toBe('#X is a hologram channel, not a text channel.');
    expect(renderText(odd.i18n!.message, coreFr, fr)).toBe('#X est un salon de type hologram, pas un salon textuel.');
  });

  it('fills every placeholder of every entry, in both languages, whatever the values', () => {
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -1e9, max: 1e12 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    for (const key of Object.keys(EN)) {
      const names = placeholders(EN[key] as CoreEntry);
      fc.assert(
        fc.property(fc.tuple(...names.map(() => value)), (values) => {
          const params = Object.fromEntries(names.map((n, i) => [n, n === 'count' ? Math.abs(Math.round(Number(values[i]) || 0)) : values[i]!]));
          for (const [catalogue, options] of [[EN, { locale: 'en-US', timeZone: 'UTC' }], [FR, fr]] as const) {
            const text = renderText({ key, params }, catalogue, options);
            expect(text, key).not.toBeNull();
            // No placeholder left (unless a value itself holds braces).
            if (!names.some((n) => String(params[n]).includes('{{'))) expect(text, key).not.toMatch(/\{\{\w+/);
          }
        }),
        { numRuns: 20 },
      );
    }
  });
});
