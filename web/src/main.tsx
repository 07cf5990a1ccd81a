import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles/global.css';
import { i18nReady } from './lib/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createAppRouter } from './app/router';
import { startResumingSession } from './features/accounts/lib/resume-session';

// Note: three things start at once rather than one after another: the active language's texts, the first page's code
// (the router fetches the matched route's chunk as soon as it exists) and, for a returning user, resuming the session.
startResumingSession();
const router = createAppRouter();

// Note: the first paint waits for the active language's texts (one small chunk), so no key ever flashes.
void i18nReady.finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  );
});
