// A message's components as a viewer sees them on Discord, read-only: the panel is not the bot that
// receives the interaction, so buttons and menus cannot be used; link buttons open their URL.
// Layout components (IS_COMPONENTS_V2) carry the message's text, drawn as Markdown with its mentions; their
// media on the attachment CDN expire like attachments' and are drawn with fresh links.
import { useTranslation } from 'react-i18next';
import { componentLinks, relinkComponents } from '../../../../shared/media-links';
import { buttonClass, colourHex, galleryClass, selectClass, separatorClass } from '../../../../shared/message-parts';
import type { ChatComponent, ChatEmoji, ChatMessageView } from '../../../../shared/types';
import { stripBidiControls } from '../../lib/bidi';
import { safeUrl } from '../../lib/url';
import { FileRow } from './Attachments';
import { UnicodeEmoji } from './DiscordMarkdown';
import { MessageContent } from './MessageContent';
import { useFreshLinks } from './useFreshLinks';

type Refs = Pick<ChatMessageView, 'mentions' | 'emojis'>;

function Emoji({ emoji }: { emoji: ChatEmoji }) {
  const url = safeUrl(emoji.url);
  if (emoji.id) return url ? <img className="emoji" src={url} alt={`:${emoji.name}:`} loading="lazy" /> : <span>{`:${emoji.name}:`}</span>;
  return <UnicodeEmoji emoji={emoji.name} />;
}

function Button({ c }: { c: Extract<ChatComponent, { type: 'button' }> }) {
  const { t } = useTranslation();
  const cls = buttonClass(c.style, c.disabled);
  const face = (
    <>
      {c.emoji && <Emoji emoji={c.emoji} />}
      {c.label && <bdi className="dc-button__label">{stripBidiControls(c.label)}</bdi>}
    </>
  );
  const url = c.style === 5 && !c.disabled ? safeUrl(c.url) : undefined;
  if (url) {
    return (
      <a className={cls} href={url} target="_blank" rel="noopener noreferrer" title={t('messages.linkButton', { label: c.label ?? '', url })} data-testid="component-button">
        {face}
        <svg className="dc-button__external" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path fill="currentColor" d="M15 2a1 1 0 1 0 0 2h3.59l-7.3 7.3a1 1 0 0 0 1.42 1.4L20 5.42V9a1 1 0 1 0 2 0V3a1 1 0 0 0-1-1h-6ZM5 4a3 3 0 0 0-3 3v12a3 3 0 0 0 3 3h12a3 3 0 0 0 3-3v-6a1 1 0 1 0-2 0v6a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h6a1 1 0 1 0 0-2H5Z" />
        </svg>
      </a>
    );
  }
  return (
    <span className={cls} aria-disabled="true" data-testid="component-button">
      {face}
    </span>
  );
}

function Select({ c }: { c: Extract<ChatComponent, { type: 'select' }> }) {
  const { t } = useTranslation();
  const chosen = c.options.filter((o) => o.selected);
  return (
    <div className={selectClass(c.disabled)} aria-disabled="true" data-testid="component-select">
      <span className={chosen.length ? 'dc-select__value' : 'dc-select__placeholder'}>
        {chosen.length ? (
          chosen.map((o, i) => (
            <span key={i} className="dc-select__option">
              {o.emoji && <Emoji emoji={o.emoji} />} <bdi>{stripBidiControls(o.label)}</bdi>
            </span>
          ))
        ) : (
          <bdi>{stripBidiControls(c.placeholder ?? t('messages.selectPlaceholder'))}</bdi>
        )}
      </span>
      <svg className="dc-select__chevron" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path fill="currentColor" d="M5.3 9.3a1 1 0 0 1 1.4 0l5.3 5.29 5.3-5.3a1 1 0 1 1 1.4 1.42l-6 6a1 1 0 0 1-1.4 0l-6-6a1 1 0 0 1 0-1.42Z" />
      </svg>
    </div>
  );
}

function Part({ c, refs }: { c: ChatComponent; refs: Refs }) {
  switch (c.type) {
    case 'row':
      return (
        <div className="dc-row" data-testid="component-row">
          {c.components.map((x, i) => <Part key={i} c={x} refs={refs} />)}
        </div>
      );
    case 'button':
      return <Button c={c} />;
    case 'select':
      return <Select c={c} />;
    case 'text':
      return <div className="dc-text" data-testid="component-text"><MessageContent content={c.content} view={refs} /></div>;
    case 'section':
      return (
        <div className="dc-section" data-testid="component-section">
          <div className="dc-section__text">{c.components.map((x, i) => <Part key={i} c={x} refs={refs} />)}</div>
          {c.accessory && <div className="dc-section__accessory"><Part c={c.accessory} refs={refs} /></div>}
        </div>
      );
    case 'thumbnail': {
      const src = safeUrl(c.media.url);
      return src ? <img className="dc-thumbnail" src={src} alt={c.description ?? ''} loading="lazy" decoding="async" /> : null;
    }
    case 'gallery':
      return (
        <div className={galleryClass(c.items.length)} data-testid="component-gallery">
          {c.items.map((item, i) => {
            const src = safeUrl(item.media.url);
            return src ? <img key={i} src={src} alt={item.description ?? ''} loading="lazy" decoding="async" /> : null;
          })}
        </div>
      );
    case 'file':
      // Read-only like an attachment row; an attachment:// reference has no address to open.
      return (
        <div className="dc-file attachment attachment--file" data-testid="component-file">
          <FileRow name={stripBidiControls(c.name)} url={safeUrl(c.url)} size={c.size} />
        </div>
      );
    case 'separator':
      return <hr className={separatorClass(c)} data-testid="component-separator" />;
    case 'container':
      return (
        <div className="dc-container" data-testid="component-container" style={c.accentColor !== null ? { borderInlineStartColor: colourHex(c.accentColor) } : undefined}>
          {c.components.map((x, i) => <Part key={i} c={x} refs={refs} />)}
        </div>
      );
  }
}

/** `messageId`: the stored message they belong to, for fresh links when one expired. */
export function Components({ components, refs, messageId }: { components: ChatComponent[]; refs: Refs; messageId?: string }) {
  const { t } = useTranslation();
  const fresh = useFreshLinks(messageId, componentLinks(components));
  if (components.length === 0) return null;
  return (
    <div className="dc-components" role="group" aria-label={t('messages.components')}>
      {relinkComponents(components, fresh.url).map((c, i) => <Part key={i} c={c} refs={refs} />)}
    </div>
  );
}
