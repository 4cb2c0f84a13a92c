// The poll result's fields live in shared/poll-result.ts: the HTML export reads them too.
export { pollOutcome, type PollOutcome } from '../../../../shared/poll-result';
