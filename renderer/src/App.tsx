// The panel: status and controls on top, the channel's messages, a compact log, a footer; the
// self-update button, its confirmation, progress overlay and outcome banners.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Api } from '../../shared/api';
import { ApiProvider } from './api-context';
import { AccessTokenScreen } from './components/AccessTokenScreen';
import { ConnectionBanner } from './components/ConnectionBanner';
import { EventLog } from './components/EventLog';
import { Footer } from './components/Footer';
import { NoticeBanners } from './components/NoticeBanner';
import { Icon } from './components/Icon';
import { MessageList } from './components/messages/MessageList';
import { KeywordsProvider } from './components/messages/keywords';
import { JUMP_EVENT } from './components/messages/ReplyPreview';
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
import { useMessages } from './hooks/useMessages';
import { useSavedLanguage } from './hooks/useSavedLanguage';
import { useSettings } from './hooks/useSettings';
import { useUpdate } from './hooks/useUpdate';
import { useUpdateOverlay } from './hooks/useUpdateOverlay';
import { isActive } from './lib/update';

const reloadPage = () => location.reload();
const NO_KEYWORDS: readonly string[] = [];
// Search, jump to date, statistics and backfill load on first use, not with the first screen.
const HistoryPanel = lazy(() => import('./components/history/HistoryPanel'));
/** The history panel is 440 px wide: at this width or less it hides most of the messages. */
const HISTORY_COVERS_LIST = '(max-width: 880px)';
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
  const messages = useMessages();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [focus, setFocus] = useState<{ id: string; seq: number } | null>(null);
  const openInContext = (target: { around: string } | { at: number }) => {
    void messages.jump(target).then((id) => id && setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 })));
  };
  // Where the history panel covers most of the list (a phone, a narrow window), it steps aside once a
  // result or a date is opened: the message was highlighted behind it and nothing seemed to happen.
  const openFromHistory = (target: { around: string } | { at: number }) => {
    openInContext(target);
    if (typeof window.matchMedia === 'function' && window.matchMedia(HISTORY_COVERS_LIST).matches) setHistoryOpen(false);
  };
  // A reply's quote whose original is not in the list asks for it (ReplyPreview): open it in context.
  const { jump } = messages;
  useEffect(() => {
    const onJump = (e: Event) => {
      const id = (e as CustomEvent<{ id?: unknown }>).detail?.id;
      if (typeof id === 'string') void jump({ around: id }).then((found) => found && setFocus((f) => ({ id: found, seq: (f?.seq ?? 0) + 1 })));
    };
    window.addEventListener(JUMP_EVENT, onJump);
    return () => window.removeEventListener(JUMP_EVENT, onJump);
  }, [jump]);
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
        <main className="main">
          <MessageList
            messages={messages.items}
            received={messages.received}
            loaded={messages.loaded}
            loadError={messages.loadError}
            configured={settings?.configured ?? status?.state !== 'not-configured'}
            hasOlder={messages.hasOlder}
            atLatest={messages.atLatest}
            onLoadOlder={() => void messages.loadOlder()}
            onLoadNewer={() => void messages.loadNewer()}
            onFollowing={messages.setFollowing}
            onJumpToPresent={messages.jumpToPresent}
            focus={focus}
          />
          {historyOpen && (
            <Suspense fallback={null}>
              <HistoryPanel onOpen={openFromHistory} onClose={() => setHistoryOpen(false)} />
            </Suspense>
          )}
          <EventLog />
        </main>
      </KeywordsProvider>
      <Footer received={messages.received} />
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
