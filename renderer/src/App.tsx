// The panel: status and controls on top, the channel's messages, a compact log, a footer.
import { useEffect, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Api } from '../../shared/api';
import { ApiProvider } from './api-context';
import { ConnectionBanner } from './components/ConnectionBanner';
import { EventLog } from './components/EventLog';
import { Footer } from './components/Footer';
import { Icon } from './components/Icon';
import { MessageList } from './components/messages/MessageList';
import { PrimaryAction } from './components/PrimaryAction';
import { SettingsDialog } from './components/settings/SettingsDialog';
import { StatusIndicator } from './components/StatusIndicator';
import type { ConnectionSource } from './hooks/useReconnect';
import { useBotStatus } from './hooks/useBotStatus';
import { useMessages } from './hooks/useMessages';
import { useSettings } from './hooks/useSettings';

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

function Panel({ transport, reload }: { transport: ConnectionSource | null; reload: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { status, apply } = useBotStatus();
  const { settings, setSettings, refresh } = useSettings();
  const messages = useMessages();
  const [settingsOpen, setSettingsOpen] = useState(false);

  const openSettings = () => {
    refresh();
    setSettingsOpen(true);
  };

  // The state in the window title shows in the taskbar and the browser tab.
  useEffect(() => {
    document.title = status ? `${t(`state.${status.state}`)} · ${t('app.title')}` : t('app.title');
  }, [status, t]);

  return (
    <div className="app">
      {transport && <ConnectionBanner transport={transport} reload={reload} />}
      <header className="topbar">
        <h1 className="topbar__title">{t('app.title')}</h1>
        <StatusIndicator status={status} />
        <div className="topbar__actions" role="group" aria-label={t('app.toolbar')}>
          <PrimaryAction status={status} onStatus={apply} onOpenSettings={openSettings} />
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
      <main className="main">
        <MessageList
          messages={messages.items}
          received={messages.received}
          loaded={messages.loaded}
          loadError={messages.loadError}
          configured={settings?.configured ?? status?.state !== 'not-configured'}
        />
        <EventLog />
      </main>
      <Footer received={messages.received} />
      <SettingsDialog open={settingsOpen} view={settings} onClose={() => setSettingsOpen(false)} onSaved={setSettings} />
    </div>
  );
}
