// Live reaction counts from the gateway's MESSAGE_REACTION_* events (docs/events/gateway-events).
// Counts are kept by applying each event to the stored list, so a message discord.js no longer
// caches still updates; catch-up and reconcile bring the full list back from REST.
import type { ChatReaction } from '../../../shared/types.js';

export const REACTION_EVENTS = new Set(['MESSAGE_REACTION_ADD', 'MESSAGE_REACTION_REMOVE', 'MESSAGE_REACTION_REMOVE_ALL', 'MESSAGE_REACTION_REMOVE_EMOJI']);
const MAX_REACTIONS = 40;

export interface ReactionEvent {
  channel_id?: unknown;
  message_id?: unknown;
  emoji?: { id?: unknown; name?: unknown; animated?: unknown };
}

const sameEmoji = (r: ChatReaction, id: string | null, name: string) => (id !== null ? r.emoji.id === id : r.emoji.id === null && r.emoji.name === name);

/** The reactions after one event; `url` builds a custom emoji's image address. Unknown shapes change nothing. */
export function applyReaction(current: ChatReaction[], t: string, d: ReactionEvent, url: (id: string, animated: boolean) => string): ChatReaction[] {
  if (t === 'MESSAGE_REACTION_REMOVE_ALL') return [];
  const id = typeof d.emoji?.id === 'string' ? d.emoji.id : null;
  const name = typeof d.emoji?.name === 'string' ? d.emoji.name : null;
  if (id === null && name === null) return current;
  const shown = name ?? '?';
  if (t === 'MESSAGE_REACTION_REMOVE_EMOJI') return current.filter((r) => !sameEmoji(r, id, shown));
  const existing = current.find((r) => sameEmoji(r, id, shown));
  if (t === 'MESSAGE_REACTION_ADD') {
    if (existing) return current.map((r) => (r === existing ? { ...r, count: r.count + 1 } : r));
    if (current.length >= MAX_REACTIONS) return current;
    const animated = d.emoji?.animated === true;
    return [...current, { emoji: { id, name: shown, animated, url: id ? url(id, animated) : null }, count: 1 }];
  }
  if (t === 'MESSAGE_REACTION_REMOVE' && existing) {
    return existing.count <= 1 ? current.filter((r) => r !== existing) : current.map((r) => (r === existing ? { ...r, count: r.count - 1 } : r));
  }
  return current;
}
