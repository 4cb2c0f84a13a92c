// Attachments as Discord shows them: images as previews that open in a lightbox, video and audio
// in players, anything else as a file row with name, size and a download link. Image boxes are
// reserved from the known dimensions, so the list does not jump when they load.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scaledSize } from '../../../../shared/message-parts';
import type { ChatAttachment } from '../../../../shared/types';
import { stripBidiControls } from '../../lib/bidi';
import { formatSize } from '../../lib/format';
import { safeUrl } from '../../lib/url';
import { Icon } from '../Icon';
import { Lightbox } from './Lightbox';
import { MediaImage } from './MediaImage';
import { useFreshLinks } from './useFreshLinks';

const MAX_W = 320;
const MAX_H = 240;

const previewSize = (a: ChatAttachment) => scaledSize(a.width, a.height, MAX_W, MAX_H) ?? undefined;

const PLAYABLE = new Set(['image', 'video', 'audio']);
const kind = (a: ChatAttachment) => {
  const type = a.contentType?.split('/')[0] ?? '';
  return PLAYABLE.has(type) ? type : 'file';
};

/** A file's row: icon, name (a link when it has a URL), size when known, download button. Also a File component's. */
export function FileRow({ name, url, size }: { name: string; url: string | undefined; size: number | null }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="attachment__row">
      <Icon name="file" size={16} />
      <a href={url} target="_blank" rel="noopener noreferrer" className="attachment__link">
        <span className="attachment__name">
          <bdi>{name}</bdi>
        </span>
      </a>
      {size !== null && <span className="attachment__size">{formatSize(size, t, i18n.language)}</span>}
      {url && (
        <a href={url} download={name} className="attachment__download" aria-label={t('messages.download', { name })}>
          <Icon name="down" size={16} />
        </a>
      )}
    </span>
  );
}

/** `messageId`: the stored message they belong to (a forward's: the forward), for fresh links when one expired. */
export function Attachments({ attachments, messageId }: { attachments: ChatAttachment[]; messageId?: string }) {
  const { t } = useTranslation();
  const fresh = useFreshLinks(messageId, attachments.map((a) => a.url));
  const [open, setOpen] = useState<ChatAttachment | null>(null);
  // Discord hides a file uploaded as a spoiler (its name starts with SPOILER_) until clicked.
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  if (attachments.length === 0) return null;
  return (
    <>
      <ul className="attachments" aria-label={t('messages.attachments')}>
        {attachments.map((a) => {
          const url = safeUrl(fresh.url(a.url));
          // "invoice\u202Efdp.exe" would read "invoiceexe.pdf".
          const name = stripBidiControls(a.name);
          const type = url ? kind(a) : 'file';
          const hidden = a.name.startsWith('SPOILER_') && !revealed.has(a.id) && type !== 'file';
          return (
            <li key={a.id} className={`attachment attachment--${type}${hidden ? ' attachment--hidden' : ''}`} data-testid="attachment">
              {hidden && (
                <button type="button" className="attachment__spoiler" onClick={() => setRevealed(new Set(revealed).add(a.id))}>
                  {t('messages.spoiler')}
                </button>
              )}
              {!hidden && type === 'image' && url && (
                <div className="attachment__media">
                  <MediaImage
                    src={url}
                    alt={name}
                    name={name}
                    loading="lazy"
                    decoding="async"
                    {...previewSize(a)}
                    open={{ className: 'attachment__thumb', label: t('messages.openImage', { name }), onClick: () => setOpen(a) }}
                    onBroken={() => fresh.broken(a.url)}
                  />
                </div>
              )}
              {!hidden && type === 'video' && <video className="attachment__player" src={url} controls preload="metadata" {...previewSize(a)} aria-label={name} onError={() => fresh.broken(a.url)} />}
              {!hidden && type === 'audio' && <audio className="attachment__player" src={url} controls preload="none" aria-label={name} onError={() => fresh.broken(a.url)} />}
              <FileRow name={name} url={url} size={a.size} />
            </li>
          );
        })}
      </ul>
      {open && <Lightbox attachment={{ ...open, url: fresh.url(open.url) }} onClose={() => setOpen(null)} />}
    </>
  );
}
