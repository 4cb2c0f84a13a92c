// The triple confirmation of "delete all messages": the typed phrase, the channel's exact name
// and the checkbox. Each missing one is named, so the panel can point at its field.
import type { z } from 'zod';
import { deleteAllInput } from '../../../../shared/archive-schemas.js';
import { DELETE_PHRASE } from '../../../../shared/archive.js';

export type DeleteAllInput = z.output<typeof deleteAllInput>;

export function confirmationProblems(input: DeleteAllInput, channelName: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.phrase !== DELETE_PHRASE) problems.phrase = `Type ${DELETE_PHRASE} exactly (capital letters).`;
  if (input.channelName !== channelName) problems.channelName = `Type the channel's exact name: ${channelName}.`;
  if (input.acknowledged !== true) problems.acknowledged = 'Tick the box to confirm that the messages cannot be recovered from Discord.';
  return problems;
}
