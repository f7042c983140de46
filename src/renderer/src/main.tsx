/** Renderer entry: mounts the app shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { hostToken } from './bridge/host-token.ts';
import './styles/base.css';
import './styles/shell.css';
import './styles/forms.css';
import './styles/pages.css';
import './styles/runs.css';
import './styles/sheet.css';
import './styles/checks.css';
import './styles/home.css';
import './styles/actions.css';
import './styles/mappings.css';

// In the browser host, take the access token out of the address before anything reads or changes the fragment.
if (!window.api) hostToken();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
