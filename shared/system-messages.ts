// Discord's system messages (docs/resources/message.mdx, "Message Types") and the key of the sentence
// Discord's client shows for each (shared/system-sentences.ts); types not listed here render like a normal message.
import { pollOutcome } from './poll-result.js';
import type { SystemSentenceKey } from './system-sentences.js';
import type { ChatMessage } from './types.js';
const SYSTEM_KEYS: ReadonlyMap<number, string> = new Map([
  [1, 'recipientAdd'],
  [2, 'recipientRemove'],
  [4, 'channelNameChange'],
  [6, 'pinned'],
  [7, 'join'],
  [8, 'boost'],
  [9, 'boostTier1'],
  [10, 'boostTier2'],
  [11, 'boostTier3'],
  [12, 'followAdd'],
  [18, 'threadCreated'],
  [46, 'pollResult'],
  [3, 'call'],
  [5, 'channelIconChange'],
  [14, 'discoveryDisqualified'],
  [15, 'discoveryRequalified'],
  [16, 'discoveryGraceInitial'],
  [17, 'discoveryGraceFinal'],
  [22, 'inviteReminder'],
  [27, 'stageStart'],
  [28, 'stageEnd'],
  [29, 'stageSpeaker'],
  [31, 'stageTopic'],
  [36, 'incidentAlertOn'],
  [37, 'incidentAlertOff'],
  [38, 'incidentRaid'],
  [39, 'incidentFalseAlarm'],
]);
// Left as normal messages on purpose: 19 reply, 20/23 commands, 21 thread starter (they have content),
// 24 AutoMod (its embed says what was blocked), 25/26/32/44 purchases and upsells (data the bot is not given).

/** The `messages.system.*` key for a message type, or null for a message people wrote (0, 19, 20, 21…). */
export function systemKey(type: number | undefined): string | null {
  return type === undefined ? null : (SYSTEM_KEYS.get(type) ?? null);
}

/** Discord varies its join greeting (13 sentences) between messages; one is picked from the timestamp, stable per message. */
export const JOIN_VARIANTS = 13;
export function joinVariant(createdAt: number): number {
  return Math.abs(Math.floor(createdAt)) % JOIN_VARIANTS;
}

/** A system message's sentence and what fills it, but the author's name (the panel's and the export's words). */
export function systemLine(m: ChatMessage, sentenceKey: string): { key: SystemSentenceKey; content: string; times: number } {
  // Several boosts at once: Discord sends how many as the content ("3"), and says it.
  const times = sentenceKey.startsWith('boost') && /^\d{1,6}$/.test(m.content) ? Number(m.content) : 1;
  const key = sentenceKey === 'join' ? `join${joinVariant(m.createdAt)}` : times > 1 ? `${sentenceKey}Times` : sentenceKey;
  // A closed poll names its question, which Discord sends in the result embed, not the content.
  const content = sentenceKey === 'pollResult' ? (pollOutcome(m.view?.embeds)?.question ?? '') : m.content;
  return { key: key as SystemSentenceKey, content, times };
}
