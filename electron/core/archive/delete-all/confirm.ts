// The triple confirmation of "delete all messages": the typed phrase, the channel's exact name
// and the checkbox. Each missing one is named, so the panel can point at its field.
import type { z } from 'zod';
import { deleteAllInput } from '../../../../shared/archive-schemas.js';
import { DELETE_PHRASE } from '../../../../shared/archive.js';
import { coreText, type CoreSentence } from '../../../../shared/core-text.js';

export type DeleteAllInput = z.output<typeof deleteAllInput>;

export function confirmationProblems(input: DeleteAllInput, channelName: string): Record<string, CoreSentence> {
  const problems: Record<string, CoreSentence> = {};
  if (input.phrase !== DELETE_PHRASE) problems.phrase = coreText('archive.deleteConfirmPhrase', { phrase: DELETE_PHRASE });
  if (input.channelName !== channelName) problems.channelName = coreText('archive.deleteConfirmChannel', { channel: channelName });
  if (input.acknowledged !== true) problems.acknowledged = coreText('archive.deleteConfirmBox');
  return problems;
}
