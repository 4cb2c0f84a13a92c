// A command whose dispatch threw (the WebSocket bridge's last resort) answered a French panel in English
// only, without naming the command; it carries dispatch's own key now (command.internal).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreEn, renderText, type I18nText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import type { Envelope } from '../../shared/api.js';
import { connectWs, invoke, startTestPanel, type TestPanel } from './panel-fixture.js';

let t: TestPanel;
beforeAll(async () => {
  t = await startTestPanel();
});
afterAll(() => t?.close());

const fr = (i18n: I18nText | undefined) => (i18n ? renderText(i18n, coreFr, { locale: 'fr' }) : null);

describe('answers a French panel read in English', () => {
  it('a command whose dispatch threw: the reply names it, by key', async () => {
    const original = t.core.dispatch.bind(t.core);
    t.core.dispatch = (async () => {
      throw new Error('boom');
    }) as typeof t.core.dispatch;
    const ws = await connectWs(t.panel.port);
    let reply: Envelope;
    try {
      reply = await invoke(ws, 1, 'app.info');
    } finally {
      t.core.dispatch = original;
      ws.close();
    }
    expect(reply.ok).toBe(false);
    const error = !reply.ok ? reply.error : null;
    expect(error?.code).toBe('internal');
    expect(error?.message).toBe('app.info failed unexpectedly; see the log for details.');
    expect(renderText(error!.i18n!, coreEn, { locale: 'en-US' })).toBe(error?.message);
    expect(fr(error?.i18n)).toBe('app.info a échoué de façon inattendue ; voir le journal pour les détails.');
  });

});
