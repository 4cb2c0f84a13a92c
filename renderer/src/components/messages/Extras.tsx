// Smaller parts of a message: stickers, a poll with its results, the thread started from it.
import { useTranslation } from 'react-i18next';
import type { ChatEmbed, ChatMessageView, ChatPoll } from '../../../../shared/types';
import { pollOutcome } from '../../lib/discord/poll-result';
import { stripBidiControls } from '../../lib/bidi';
import { safeUrl } from '../../lib/url';
import { DiscordTimestamp } from './DiscordTimestamp';
import { EmojiText, UnicodeEmoji } from './DiscordMarkdown';
import { LottieSticker } from './LottieSticker';
import { MediaImage } from './MediaImage';

/** Discord's sticker format_type 3: a Lottie animation (JSON), not an image. */
const LOTTIE = 3;

export function Stickers({ stickers }: { stickers: ChatMessageView['stickers'] }) {
  const { t } = useTranslation();
  if (stickers.length === 0) return null;
  return (
    <div className="stickers">
      {stickers.map((s) => {
        const label = t('messages.sticker', { name: stripBidiControls(s.name) });
        // Stored before the format was kept: a Lottie sticker had no URL and shows by name.
        if (s.format === LOTTIE && s.url) return <LottieSticker key={s.id} id={s.id} label={label} />;
        const url = s.format === LOTTIE ? undefined : safeUrl(s.url);
        return url ? (
          <MediaImage key={s.id} className="sticker" src={url} alt={label} name={label} title={label} width={160} height={160} loading="lazy" />
        ) : (
          <span key={s.id} className="sticker sticker--text" title={label}>{label}</span>
        );
      })}
    </div>
  );
}

export function Poll({ poll }: { poll: ChatPoll }) {
  const { t, i18n } = useTranslation();
  const total = poll.answers.reduce((n, a) => n + a.votes, 0);
  const closed = poll.finalized || (poll.expiresAt !== null && poll.expiresAt <= Date.now());
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  return (
    <section className="poll" data-testid="poll" aria-label={t('messages.poll')}>
      <p className="poll__question"><bdi><EmojiText text={poll.question} /></bdi></p>
      {poll.multiselect !== undefined && <p className="poll__hint">{t(poll.multiselect ? 'messages.pollSelectMany' : 'messages.pollSelectOne')}</p>}
      <ul className="poll__answers">
        {poll.answers.map((a) => {
          const share = total ? a.votes / total : 0;
          return (
            <li key={a.id} className="poll__answer">
              <span className="poll__bar" style={{ inlineSize: `${Math.round(share * 100)}%` }} aria-hidden="true" />
              <span className="poll__text">
                {a.emojiUrl && safeUrl(a.emojiUrl) ? <img className="emoji" src={safeUrl(a.emojiUrl)} alt={`:${a.emoji ?? ''}:`} loading="lazy" /> : a.emoji && <UnicodeEmoji emoji={a.emoji} />} <bdi><EmojiText text={a.text} /></bdi>
              </span>
              <span className="poll__votes">{t('messages.pollVotes', { count: a.votes })} · {pct.format(share)}</span>
            </li>
          );
        })}
      </ul>
      <p className="poll__meta">
        {t('messages.pollVotes', { count: total })} ·{' '}
        {closed ? t('messages.pollClosed') : poll.expiresAt !== null ? <>{t('messages.pollEnds')} <DiscordTimestamp seconds={poll.expiresAt / 1000} style="R" /></> : null}
      </p>
    </section>
  );
}

export function ThreadInfo({ thread }: { thread: NonNullable<ChatMessageView['thread']> }) {
  const { t } = useTranslation();
  return (
    <p className="thread-info" data-testid="thread">
      <span className="thread-info__name"><bdi><EmojiText text={stripBidiControls(thread.name)} /></bdi></span>
      {thread.messageCount !== null && <span className="thread-info__count">{t('messages.threadMessages', { count: thread.messageCount })}</span>}
    </p>
  );
}

/** A closed poll's card (the "poll_result" embed of a type 46 message): the winning answer and its share. */
export function PollResult({ embed }: { embed: ChatEmbed }) {
  const { t, i18n } = useTranslation();
  const outcome = pollOutcome([embed]);
  if (!outcome) return null;
  const { winner, total } = outcome;
  const share = winner && total ? new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(winner.votes / total) : '';
  return (
    <div className="poll-result" data-testid="poll-result">
      {winner ? (
        <>
          <span className="poll-result__answer">
            {winner.emoji && <UnicodeEmoji emoji={winner.emoji} />} <bdi><EmojiText text={winner.text} /></bdi>
          </span>
          <span className="poll-result__meta">{t('messages.pollWinner', { share })}</span>
        </>
      ) : (
        <span className="poll-result__meta">{t('messages.pollNoWinner')}</span>
      )}
    </div>
  );
}
