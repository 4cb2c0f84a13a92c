// The settings in a modal dialog (see Modal: Esc, backdrop click, focus kept inside).
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../shared/types';
import { Icon } from '../Icon';
import { Modal } from '../Modal';
import { SettingsForm } from './SettingsForm';

interface Props {
  open: boolean;
  view: SettingsView | null;
  onClose: () => void;
  onSaved: (view: SettingsView) => void;
}

export function SettingsDialog({ open, view, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    // First field gets focus once the form is there (settings may still be loading at opening).
    <Modal open={open} onDismiss={onClose} focusKey={view !== null} data-testid="settings-dialog" aria-labelledby="settings-title">
      <div className="dialog__content">
        <header className="dialog__header">
          <h2 id="settings-title">{t('settings.title')}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('settings.close')}>
            <Icon name="close" />
          </button>
        </header>
        {view ? (
          <SettingsForm view={view} onSaved={onSaved} onDone={onClose} />
        ) : (
          <p className="dialog__loading" role="status">
            {t('settings.loading')}
          </p>
        )}
      </div>
    </Modal>
  );
}
