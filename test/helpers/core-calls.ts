// Commands sent to a real core as a panel sends them, failing the test with the core's error.
import type { Core } from '../../electron/core/app-core.js';
import { renderText, type I18nText } from '../../shared/core-text.js';
import { coreFr } from '../../shared/core-text-fr.js';
import type { ChatMessage } from '../../shared/types.js';

export async function call<T>(c: Core, command: string, arg?: unknown): Promise<T> {
  const answer = (await c.dispatch(command, arg)) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!answer.ok) throw new Error(`${command} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** Every stored message id of the channel, oldest first, read back page by page as the panel does. */
export async function storedIds(c: Core): Promise<string[]> {
  const ids: string[] = [];
  let page = await call<ChatMessage[]>(c, 'messages.list', { limit: 500 });
  while (page.length) {
    ids.unshift(...page.map((m) => m.id));
    page = await call<ChatMessage[]>(c, 'messages.list', { limit: 500, before: page[0]!.id });
  }
  return ids;
}

/** A core sentence as a French panel shows it (dates in UTC). */
export function inFrench(i18n: I18nText | undefined): string | null {
  if (!i18n) throw new Error('no sentence by key to say in French');
  return renderText(i18n, coreFr, { locale: 'fr', timeZone: 'UTC' });
}
