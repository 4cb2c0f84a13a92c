// Files as links with their size; images also as a lazy thumbnail whose box is reserved from
// the known dimensions, so the list does not jump when it loads.
import { useTranslation } from 'react-i18next';
import type { ChatAttachment } from '../../../../shared/types';
import { stripBidiControls } from '../../lib/bidi';
import { formatSize } from '../../lib/format';
import { safeUrl } from '../../lib/url';
import { Icon } from '../Icon';

const MAX_W = 320;
const MAX_H = 240;

function thumbnailSize(a: ChatAttachment): { width: number; height: number } | undefined {
  if (!a.width || !a.height) return undefined;
  const scale = Math.min(1, MAX_W / a.width, MAX_H / a.height);
  return { width: Math.round(a.width * scale), height: Math.round(a.height * scale) };
}

export function Attachments({ attachments }: { attachments: ChatAttachment[] }) {
  const { t, i18n } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t('messages.attachments')}>
      {attachments.map((a) => {
        const url = safeUrl(a.url);
        // "invoice\u202Efdp.exe" would read "invoiceexe.pdf".
        const name = stripBidiControls(a.name);
        const image = url && a.contentType?.startsWith('image/');
        return (
          <li key={a.id} className="attachment">
            {image && (
              <a href={url} target="_blank" rel="noopener noreferrer" className="attachment__thumb" tabIndex={-1}>
                <img src={url} alt={name} loading="lazy" decoding="async" {...thumbnailSize(a)} />
              </a>
            )}
            <a href={url} target="_blank" rel="noopener noreferrer" className="attachment__link">
              <Icon name="file" size={16} />
              <span className="attachment__name">
                <bdi>{name}</bdi>
              </span>
            </a>
            <span className="attachment__size">{formatSize(a.size, t, i18n.language)}</span>
          </li>
        );
      })}
    </ul>
  );
}
