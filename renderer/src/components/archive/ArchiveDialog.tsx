// The Archive dialog (loaded on demand): export, automatic backups and the guarded delete-all.
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../shared/types';
import { Icon } from '../Icon';
import { Modal } from '../Modal';
import { BackupSection } from './BackupSection';
import { DeleteAllSection } from './DeleteAllSection';
import { ExportSection } from './ExportSection';
import '../../styles/archive.css';

interface Props {
  open: boolean;
  settings: SettingsView | null;
  onSettings: (view: SettingsView) => void;
  onClose: () => void;
}

export default function ArchiveDialog({ open, settings, onSettings, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onDismiss={onClose} data-testid="archive-dialog" aria-labelledby="archive-title">
      <div className="dialog__content archive-dialog">
        <header className="dialog__header">
          <h2 id="archive-title">{t('archive.title')}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('archive.close')} data-initial-focus>
            <Icon name="close" />
          </button>
        </header>
        <ExportSection />
        {settings && <BackupSection settings={settings} onSettings={onSettings} />}
        {settings && <DeleteAllSection settings={settings} onSettings={onSettings} />}
      </div>
    </Modal>
  );
}
