// The notes the core puts under a settings field (and the sentence around them) carry keys, so a French
// panel says them in French: a value set by the environment, a token needed again for another API URL.
import { expect, it } from 'vitest';
import { CommandError } from '../../electron/core/errors.js';
import { connectionTarget } from '../../electron/core/handlers/test-connection.js';
import { checkApiUrlChange } from '../../electron/core/handlers/token-destination.js';
import { renderText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';

const fr = { locale: 'fr' };
const effective = { token: 'saved.token.0123456789-abcdefghij', guildId: '123456789012345678', channelId: '234567890123456789', apiUrl: 'https://discord.com/api' };
const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof CommandError) return err.toBody();
    throw err;
  }
  throw new Error('not thrown');
};

it('testing a value the environment sets: "Non testé", naming the field and the variable, in French', () => {
  const body = thrown(() => connectionTarget({ channelId: '345678901234567890' }, effective as never, { channelId: 'CHANNEL_ID' }));
  expect(body.code).toBe('overridden');
  const said = renderText(body.i18n!, coreFr, fr)!;
  expect(said).toMatch(/^Non testé : ID du salon : est défini par CHANNEL_ID/);
  expect(said).not.toMatch(/channelId|is set by/);
  expect(renderText(body.fieldsI18n!.channelId!, coreFr, fr)).toMatch(/est défini par CHANNEL_ID/);
  expect(body.fields?.channelId).toMatch(/is set by CHANNEL_ID/);
});

it('another API URL with the token from the environment: the note under the URL is French', () => {
  const body = thrown(() => checkApiUrlChange({ apiUrl: 'https://discord.example.org/api' }, effective as never, { token: 'DISCORD_TOKEN' }));
  expect(renderText(body.fieldsI18n!.apiUrl!, coreFr, fr)).toMatch(/^ne peut pas changer tant que le token vient de DISCORD_TOKEN/);
});
