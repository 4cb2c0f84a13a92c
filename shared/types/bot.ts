// The bot's connection state and its errors, as the panel shows them.
import type { I18nText } from '../core-text.js';

export const BOT_STATES = ['not-configured', 'ready', 'connecting', 'connected', 'error'] as const;
export type BotState = (typeof BOT_STATES)[number];

export type BotErrorCode =
  | 'invalid-token'
  | 'missing-intent'
  | 'guild-not-found'
  | 'channel-not-found'
  | 'channel-not-text'
  | 'network'
  | 'session-limit'
  | 'session-elsewhere'
  | 'unknown';

export interface BotError {
  code: BotErrorCode;
  /** What happened, in one sentence. */
  message: string;
  /** What the user can do about it. */
  hint: string;
  /** Optional link that helps fixing it (invite URL, developer portal). */
  link?: string;
  /** `message` and `hint` by key, for the panel's language (the English stays the fallback). */
  i18n?: { message: I18nText; hint: I18nText };
}

export interface BotStatus {
  state: BotState;
  /** Human sentence describing the state. */
  sentence: string;
  /** `sentence` by key, for the panel's language. */
  i18n?: I18nText;
  /** Epoch ms of the last state change. */
  since: number;
  bot?: { id: string; username: string };
  guild?: { id: string; name: string };
  channel?: { id: string; name: string };
  error?: BotError;
  /** Reconnection attempt number while retrying after a network failure. */
  attempt?: number;
  /** Epoch ms of the next retry, when one is scheduled. */
  nextRetryAt?: number;
}

export type TestConnectionResult =
  | {
      ok: true;
      bot: { id: string; username: string };
      guild: { id: string; name: string };
      channel: { id: string; name: string };
    }
  | { ok: false; error: BotError };
