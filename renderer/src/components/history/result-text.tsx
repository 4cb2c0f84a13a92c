// A search result's text as the reader knows it: mentions by name (@Grace, @admins, #general), custom
// emoji by name, Unicode emoji drawn from Twemoji — not `<@1578…>`, `<:blobok:4177…>` and an empty box
// where the system has no emoji font (outside review). Markdown stays as typed: a result is one line
// inside a button, where links and spoilers cannot go.
import { Fragment, type ReactNode } from 'react';
import type { ChatMessage } from '../../../../shared/types';
import { EmojiText } from '../messages/DiscordMarkdown';

/** The content with `<@id>`, `<@&id>`, `<#id>` and `<:name:id>` in words; unknown ids as Discord shows them. */
export function resultText(m: Pick<ChatMessage, 'content' | 'view'>): string {
  const mentions = m.view?.mentions;
  const name = (list: { id: string; name: string }[] | undefined, id: string) => list?.find((x) => x.id === id)?.name;
  return m.content.replace(/<(@!?|@&|#|a?:([\w~-]{1,64}):)(\d{17,20})>/g, (whole, kind: string, emoji: string | undefined, id: string) => {
    if (emoji !== undefined) return `:${emoji}:`;
    if (kind === '@&') return `@${name(mentions?.roles, id) ?? 'deleted-role'}`;
    if (kind === '#') return `#${name(mentions?.channels, id) ?? 'unknown'}`;
    return `@${name(mentions?.users, id) ?? 'unknown-user'}`;
  });
}

/** Plain runs of a result with their Unicode emoji drawn; the searched words’ marks kept as they are. */
export function withEmoji(parts: ReactNode[]): ReactNode[] {
  return parts.map((part, i) => (typeof part === 'string' ? <EmojiText key={i} text={part} /> : <Fragment key={i}>{part}</Fragment>));
}

/** A searched run's text with its emoji drawn (a search for 🎉 marks the emoji itself). */
export const drawEmoji = (run: string): ReactNode => <EmojiText text={run} />;
