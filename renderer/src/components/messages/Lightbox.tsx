// An image attachment at full size in a modal dialog (Esc, a click outside or Close dismiss it).
import { useTranslation } from 'react-i18next';
import type { ChatAttachment } from '../../../../shared/types';
import { stripBidiControls } from '../../lib/bidi';
import { safeUrl } from '../../lib/url';
import { Modal } from '../Modal';

export function Lightbox({ attachment: a, onClose }: { attachment: ChatAttachment; onClose: () => void }) {
  const { t } = useTranslation();
  const url = safeUrl(a.url);
  const name = stripBidiControls(a.name);
  return (
    <Modal open onDismiss={onClose} className="dialog lightbox" aria-label={name}>
      <img className="lightbox__image" src={url} alt={name} {...(a.width && a.height ? { width: a.width, height: a.height } : {})} />
      <div className="lightbox__bar">
        <a href={url} target="_blank" rel="noopener noreferrer">{t('messages.openOriginal')}</a>
        <button type="button" onClick={onClose} data-initial-focus>
          {t('messages.close')}
        </button>
      </div>
    </Modal>
  );
}
