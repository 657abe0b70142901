import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pageOfRoute } from '../../shared/app/app-pages';
import { windowTitle } from '../../shared/app/window-title';
import { bridge } from '../bridge/api';

/**
 * Names the page and the active company in the title bar and the task switcher ("Rapporter — Fjellstue AS —
 * Innsender"): main sets the window's title through `window.setTitle`; the document's title says the same for
 * assistive technology.
 */
export function useWindowTitle(company: string | null) {
  const { pathname } = useLocation();
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nb';
  useEffect(() => {
    const page = pageOfRoute(pathname);
    if (!page) return;
    const input = { page: page.label[language], company };
    document.title = windowTitle(input);
    void bridge().window.setTitle(input);
  }, [pathname, company, language]);
}
