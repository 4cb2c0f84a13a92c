// The history side panel: search, jump to a date, statistics, backfill. Loaded on demand (code
// split from the first screen) the first time the user opens it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/history.css';
import { Icon } from '../Icon';
import { BackfillTab } from './BackfillTab';
import { JumpTab } from './JumpTab';
import { SearchTab } from './SearchTab';
import { StatsTab } from './StatsTab';

export type OpenMessage = (target: { around: string } | { at: number }) => void;

const TABS = ['search', 'jump', 'stats', 'backfill'] as const;
type Tab = (typeof TABS)[number];

export default function HistoryPanel({ onOpen, onClose }: { onOpen: OpenMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('search');
  return (
    <aside className="history" aria-label={t('history.title')} data-testid="history-panel">
      <header className="history__header">
        <div className="history__tabs" role="tablist">
          {TABS.map((name) => (
            <button key={name} type="button" role="tab" id={`history-tab-${name}`} aria-selected={tab === name} aria-controls="history-tabpanel" className="history__tab" onClick={() => setTab(name)}>
              {t(`history.tabs.${name}`)}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" aria-label={t('history.close')} title={t('history.close')} onClick={onClose}>
          <Icon name="close" size={18} />
        </button>
      </header>
      <div className="history__body" role="tabpanel" id="history-tabpanel" aria-labelledby={`history-tab-${tab}`}>
        {tab === 'search' && <SearchTab onOpen={onOpen} />}
        {tab === 'jump' && <JumpTab onOpen={onOpen} />}
        {tab === 'stats' && <StatsTab />}
        {tab === 'backfill' && <BackfillTab />}
      </div>
    </aside>
  );
}
