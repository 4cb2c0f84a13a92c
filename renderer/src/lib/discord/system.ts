// The system message types live in shared/system-messages.ts: the HTML export reads them too.
export { systemKey } from '../../../../shared/system-messages';

/** Discord varies its join greeting (13 sentences) between messages; one is picked from the timestamp, stable per message. */
export const JOIN_VARIANTS = 13;
export function joinVariant(createdAt: number): number {
  return Math.abs(Math.floor(createdAt)) % JOIN_VARIANTS;
}
