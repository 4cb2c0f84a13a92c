// Rich embeds and link previews as Discord lays them out: colour bar, provider, author, title,
// description (Markdown), fields (inline ones side by side, up to three a row), thumbnail, image,
// video preview, footer with timestamp. Media URLs were checked against Discord's hosts by the core; one
// showing a file of the attachment CDN expires like an attachment's and is drawn with its fresh link.
import { useTranslation } from 'react-i18next';
import { embedLinks, relinkEmbeds } from '../../../../shared/media-links';
import { colourHex, isVideoEmbed, scaledSize } from '../../../../shared/message-parts';
import type { ChatEmbed, ChatEmbedMedia } from '../../../../shared/types';
import { useReducedMotion } from '../../lib/discord/motion';
import { stripBidiControls } from '../../lib/bidi';
import { parseDiscordMarkdown } from '../../../../shared/discord-markdown';
import { formatFullDate } from '../../lib/format';
import { safeUrl } from '../../lib/url';
import { DiscordMarkdown } from './DiscordMarkdown';
import { PollResult } from './Extras';
import { MediaImage } from './MediaImage';
import { useFreshLinks } from './useFreshLinks';

function Media({ media, className, max }: { media: ChatEmbedMedia; className: string; max: number }) {
  const src = safeUrl(media.url);
  if (!src) return null;
  return <MediaImage className={className} src={src} alt="" loading="lazy" decoding="async" {...scaledSize(media.width, media.height, max)} />;
}

function Md({ text }: { text: string }) {
  return <DiscordMarkdown nodes={parseDiscordMarkdown(text)} />;
}

/** A link to an image or a GIF: Discord shows the media alone, no card (a gifv plays like a GIF: looping, muted). */
function MediaEmbed({ embed: e }: { embed: ChatEmbed }) {
  const reduced = useReducedMotion();
  const video = e.type === 'gifv' ? safeUrl(e.video?.url) : undefined;
  const still = e.image ?? e.thumbnail;
  const poster = safeUrl(e.thumbnail?.url);
  return (
    <div className="embed-media" data-testid="embed">
      {video ? (
        // Reduced motion: the first frame (or the poster) until the reader presses play.
        <video src={video} autoPlay={!reduced} controls={reduced} loop muted playsInline preload="metadata" {...(poster ? { poster } : {})} {...(e.video?.width && e.video.height ? { width: Math.min(400, e.video.width) } : {})} />
      ) : (
        still && <Media media={still} className="embed__image" max={400} />
      )}
    </div>
  );
}

/**
 * A video on Discord's hosts plays in place. A provider's video (YouTube…) is its thumbnail with a play
 * button that opens the page in the browser: Discord frames the provider's player, which would need a
 * frame-src for third-party sites in the CSP and break the panel's "nothing but Discord's CDN" promise.
 */
function EmbedVideo({ embed: e }: { embed: ChatEmbed }) {
  const { t } = useTranslation();
  if (!isVideoEmbed(e)) return null;
  const own = safeUrl(e.video?.url);
  const poster = safeUrl(e.thumbnail?.url);
  if (own) return <video className="embed__video" src={own} controls preload="metadata" {...(poster ? { poster } : {})} {...(e.video?.width ? { width: Math.min(400, e.video.width) } : {})} />;
  const page = safeUrl(e.url) ?? safeUrl(e.player?.url);
  if (!page || !e.thumbnail) return null;
  const label = t('messages.playVideo', { title: e.title ?? t('messages.video'), site: e.provider?.name ?? new URL(page).hostname });
  return (
    <a className="embed__play" href={page} target="_blank" rel="noopener noreferrer" title={label} aria-label={label} data-testid="embed-play">
      <Media media={e.thumbnail} className="embed__image" max={400} />
      <span className="embed__play-button" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" d="M8 5.14v13.72a1 1 0 0 0 1.52.85l11.02-6.86a1 1 0 0 0 0-1.7L9.52 4.29A1 1 0 0 0 8 5.14Z" /></svg>
      </span>
    </a>
  );
}

export function Embed({ embed: e }: { embed: ChatEmbed }) {
  const { i18n } = useTranslation();
  if ((e.type === 'image' || e.type === 'gifv') && (e.image || e.thumbnail || e.video)) return <MediaEmbed embed={e} />;
  if (e.type === 'poll_result') return <PollResult embed={e} />;
  const url = safeUrl(e.url);
  const footer = [e.footer?.text, e.timestamp !== null ? formatFullDate(e.timestamp, i18n.language) : null].filter(Boolean).join(' • ');
  return (
    <article className="embed" data-testid="embed" style={e.color !== null ? { borderInlineStartColor: colourHex(e.color) } : undefined}>
      <div className="embed__main">
        {e.provider && <div className="embed__provider">{stripBidiControls(e.provider.name)}</div>}
        {e.author && (
          <div className="embed__author">
            {e.author.iconUrl && safeUrl(e.author.iconUrl) && <img className="embed__author-icon" src={safeUrl(e.author.iconUrl)} alt="" width={24} height={24} />}
            {safeUrl(e.author.url) ? (
              <a href={safeUrl(e.author.url)} target="_blank" rel="noopener noreferrer"><bdi>{stripBidiControls(e.author.name)}</bdi></a>
            ) : (
              <bdi>{stripBidiControls(e.author.name)}</bdi>
            )}
          </div>
        )}
        {e.title && (
          <div className="embed__title">
            {url ? <a href={url} target="_blank" rel="noopener noreferrer"><Md text={e.title} /></a> : <Md text={e.title} />}
          </div>
        )}
        {e.description && <div className="embed__description"><Md text={e.description} /></div>}
        {e.fields.length > 0 && (
          <dl className="embed__fields">
            {e.fields.map((f, i) => (
              <div key={i} className={f.inline ? 'embed__field embed__field--inline' : 'embed__field'}>
                <dt><Md text={f.name} /></dt>
                <dd><Md text={f.value} /></dd>
              </div>
            ))}
          </dl>
        )}
        {e.image && <Media media={e.image} className="embed__image" max={400} />}
        {!e.image && <EmbedVideo embed={e} />}
        {footer && (
          <div className="embed__footer">
            {e.footer?.iconUrl && safeUrl(e.footer.iconUrl) && <img className="embed__footer-icon" src={safeUrl(e.footer.iconUrl)} alt="" width={20} height={20} />}
            <span>{footer}</span>
          </div>
        )}
      </div>
      {e.thumbnail && !isVideoEmbed(e) && <Media media={e.thumbnail} className="embed__thumbnail" max={80} />}
    </article>
  );
}

/** `messageId`: the stored message they belong to (a forward's: the forward), for fresh links when one expired. */
export function Embeds({ embeds, messageId }: { embeds: ChatEmbed[]; messageId?: string }) {
  const fresh = useFreshLinks(messageId, embedLinks(embeds));
  if (embeds.length === 0) return null;
  return (
    <div className="embeds">
      {relinkEmbeds(embeds, fresh.url).map((e, i) => (
        <Embed key={i} embed={e} />
      ))}
    </div>
  );
}
