import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/altinn.css';
import './app/app.css';
import { App } from './app/App';
import { initI18n } from './i18n';
import { nb } from './i18n/nb';
import { followColorScheme } from './app/color-scheme';

// Light or dark as the OS is set, from the first paint.
followColorScheme();

const root = createRoot(document.getElementById('root') as HTMLElement);

if (!window.innsender) {
  root.render(<p role="alert">{nb.app.bridgeMissing}</p>);
} else {
  const api = window.innsender;
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  // The saved language decides the first paint, so the page never flashes in the wrong language.
  void api.settings.get().then((result) => {
    const i18n = initI18n(result.ok ? result.value.language : 'nb');
    document.documentElement.lang = i18n.language;
    i18n.on('languageChanged', (lng) => (document.documentElement.lang = lng));
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  });
}
