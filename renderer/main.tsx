import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createVeilClient } from './api/api';
import { App } from './app/app';
import { createI18n, resolveLanguage } from './i18n/i18n';
import './styles/base.css';
import './styles/shell.css';
import './styles/import.css';
import './styles/grid.css';
import './styles/viewer.css';
import './styles/video-controls.css';
import './styles/exposure.css';
import './styles/wellbeing.css';
import './styles/team.css';
import './styles/items.css';
import './styles/forms.css';
import './styles/review.css';
import './styles/decisions.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const systemLanguage = navigator.language;
const i18n = createI18n(resolveLanguage('system', systemLanguage));
document.documentElement.lang = i18n.language;
const choice = createVeilClient(window);
const root = createRoot(container);

if (choice.ok) {
  root.render(
    <StrictMode>
      <App client={choice.client} i18n={i18n} systemLanguage={systemLanguage} />
    </StrictMode>,
  );
} else {
  root.render(
    <div className="app-status">
      <p role="alert" className="status-card">
        {i18n.t('app.missingAccess')}
      </p>
    </div>,
  );
}
