// Entry of the panel: picks the transport (Electron preload or WebSocket) and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectApi } from './bridge';
import { createI18n } from './i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const { api, transport } = connectApi();
createRoot(root).render(
  <StrictMode>
    <App api={api} transport={transport} i18n={createI18n()} />
  </StrictMode>,
);
