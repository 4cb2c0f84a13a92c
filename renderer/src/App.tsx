// The panel: status and controls on top, the channel's messages, a compact log, a footer; the
// self-update button, its confirmation, progress overlay and outcome banners.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Api } from '../../shared/api';
import { ApiProvider } from './api-context';
import { AccessTokenScreen } from './components/AccessTokenScreen';
import { ConnectionBanner } from './components/ConnectionBanner';
import { EventLog } from './components/EventLog';
import { NoticeBanners } from './components/NoticeBanner';
import { Icon } from './components/Icon';
import { ChannelView } from './components/messages/ChannelView';
import { KeywordsProvider } from './components/messages/keywords';
import { PrimaryAction } from './components/PrimaryAction';
import { SettingsDialog } from './components/settings/SettingsDialog';
import { StatusIndicator } from './components/StatusIndicator';
import { LastUpdateBanner } from './components/update/LastUpdateBanner';
import { RestartNotice } from './components/update/RestartNotice';
import { UpdateButton } from './components/update/UpdateButton';
import { UpdateConfirm } from './components/update/UpdateConfirm';
import { UpdateOverlay } from './components/update/UpdateOverlay';
import { useConnection, type ConnectionSource } from './hooks/useReconnect';
import { useBotStatus } from './hooks/useBotStatus';
import { useSavedLanguage } from './hooks/useSavedLanguage';
import { useSettings } from './hooks/useSettings';
import { useUpdate } from './hooks/useUpdate';
import { useUpdateOverlay } from './hooks/useUpdateOverlay';
import { isActive } from './lib/update';

const reloadPage = () => location.reload();
const NO_KEYWORDS: readonly string[] = [];
const ArchiveDialog = lazy(() => import('./components/archive/ArchiveDialog'));

export interface AppProps {
  api: Api;
  /** The WebSocket transport in a browser; null in Electron, where there is no socket to lose. */
  transport?: ConnectionSource | null;
  i18n: I18n;
  reload?: () => void;
}

export function App({ api, transport = null, i18n, reload }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={api}>
        <Panel transport={transport} reload={reload} />
      </ApiProvider>
    </I18nextProvider>
  );
}

function Panel({ transport, reload = reloadPage }: { transport: ConnectionSource | null; reload: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { status, apply } = useBotStatus();
  const { settings, setSettings, refresh } = useSettings();
  useSavedLanguage(settings?.language);
  const [historyOpen, setHistoryOpen] = useState(false);
  const closeHistory = useCallback(() => setHistoryOpen(false), []);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const connection = useConnection(transport, reload);
  const update = useUpdate();
  const overlay = useUpdateOverlay(update.view);
  const [confirmOpen, setConfirmOpen] = useState(false);
  // An update that starts (from here, the tray or another tab) replaces the confirmation.
  if (confirmOpen && isActive(update.view?.run)) setConfirmOpen(false);

  const openSettings = () => {
    refresh();
    setSettingsOpen(true);
  };

  // The state in the window title shows in the taskbar and the browser tab.
  useEffect(() => {
    document.title = status ? `${t(`state.${status.state}`)} · ${t('app.title')}` : t('app.title');
  }, [status, t]);

  // The server is up but refuses this page's token: nothing below could load, so only the token screen.
  if (transport && connection.kind === 'unauthorized') return <AccessTokenScreen authorize={(token) => transport.authorize(token)} onAccepted={reload} />;

  return (
    <div className="app">
      {transport && <ConnectionBanner phase={connection} reload={reload} />}
      <header className="topbar">
        <h1 className="topbar__title">{t('app.title')}</h1>
        <StatusIndicator status={status} />
        <div className="topbar__actions" role="group" aria-label={t('app.toolbar')}>
          <PrimaryAction status={status} onStatus={apply} onOpenSettings={openSettings} />
          <UpdateButton
            view={update.view}
            loadError={update.loadError}
            onCheck={update.check}
            onConfirm={() => setConfirmOpen(true)}
            onShowProgress={overlay.show}
          />
          <button
            type="button"
            className="icon-button"
            data-testid="history-button"
            aria-label={t('history.open')}
            title={t('history.open')}
            aria-expanded={historyOpen}
            onClick={() => setHistoryOpen((o) => !o)}
          >
            <Icon name="search" size={20} />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="archive-button"
            aria-label={t('archive.open')}
            title={t('archive.open')}
            aria-haspopup="dialog"
            onClick={() => setArchiveOpen(true)}
          >
            <Icon name="file" size={20} />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="settings-button"
            aria-label={t('actions.settings')}
            title={t('actions.settings')}
            aria-haspopup="dialog"
            onClick={openSettings}
          >
            <Icon name="gear" size={20} />
          </button>
        </div>
      </header>
      <NoticeBanners />
      {update.view?.restartNeeded && <RestartNotice />}
      <LastUpdateBanner last={update.view?.lastUpdate ?? null} />
      <KeywordsProvider keywords={settings?.highlightKeywords ?? NO_KEYWORDS}>
        <ChannelView
          configured={settings?.configured ?? status?.state !== 'not-configured'}
          historyOpen={historyOpen}
          onCloseHistory={closeHistory}
          below={<EventLog />}
        />
      </KeywordsProvider>
      <SettingsDialog open={settingsOpen} view={settings} onClose={() => setSettingsOpen(false)} onSaved={setSettings} />
      {archiveOpen && (
        <Suspense fallback={null}>
          <ArchiveDialog open settings={settings} onSettings={setSettings} onClose={() => setArchiveOpen(false)} />
        </Suspense>
      )}
      <UpdateConfirm open={confirmOpen} view={update.view} onClose={() => setConfirmOpen(false)} onRun={update.run} />
      <UpdateOverlay
        open={overlay.open}
        view={update.view}
        receivedAt={update.receivedAt}
        connection={connection}
        reload={reload}
        onClose={overlay.close}
      />
    </div>
  );
}
