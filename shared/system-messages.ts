// Discord's system messages (docs/resources/message.mdx, "Message Types") and the i18n key of the
// sentence Discord's client shows for each; types not listed here render like a normal message.
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
