import { lazy, Suspense, useCallback } from 'react';
import { HashRouter, NavLink, Navigate, Route, Routes, useNavigate } from 'react-router';
import { Alert, Heading, Paragraph, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useProfiles } from '../bridge/queries';
import { ProfileSwitcher } from '../components/ProfileSwitcher';
import { EnvironmentBanner } from '../components/EnvironmentBanner';
import { ErrorMessage } from '../components/ErrorMessage';
import { localized } from '../i18n';
// Each page is its own chunk, loaded when first opened: the shell paints without the pages' code.
const SetupPage = lazy(() => import('../routes/SetupPage').then((m) => ({ default: m.SetupPage })));
const ReportsPage = lazy(() => import('../routes/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const OutboxPage = lazy(() => import('../routes/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const FeedbackPage = lazy(() => import('../routes/FeedbackPage').then((m) => ({ default: m.FeedbackPage })));
const SettingsPage = lazy(() => import('../routes/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const TredjepartPage = lazy(() => import('../routes/TredjepartPage').then((m) => ({ default: m.TredjepartPage })));
const DeadlinesPage = lazy(() => import('../routes/DeadlinesPage').then((m) => ({ default: m.DeadlinesPage })));
const ClientsPage = lazy(() => import('../routes/ClientsPage').then((m) => ({ default: m.ClientsPage })));
const SkattekortPage = lazy(() => import('../routes/SkattekortPage').then((m) => ({ default: m.SkattekortPage })));
const AvstemmingPage = lazy(() => import('../routes/AvstemmingPage').then((m) => ({ default: m.AvstemmingPage })));
import { FeedbackNavBadge } from '../components/feedback/FeedbackNavBadge';
import { useFeedbackEvents, useFeedbackOpen } from '../bridge/feedback-queries';
import { useDeadlineOpen } from '../bridge/deadlines-queries';
import { OPEN_EVENT_ROUTES } from '../../shared/ipc/open-routes';

/** The app's routes, in menu order. Hash routing: the app is served from files, so there is no server to fall back on. */
export const ROUTES = [
  { path: '/setup', label: 'nav.setup', element: <SetupPage /> },
  { path: '/clients', label: 'firm.nav', element: <ClientsPage />, firmOnly: true },
  { path: '/reports', label: 'nav.reports', element: <ReportsPage /> },
  { path: '/tredjepart', label: 'nav.tredjepart', element: <TredjepartPage /> },
  { path: '/skattekort', label: 'nav.skattekort', element: <SkattekortPage /> },
  { path: '/avstemming', label: 'nav.avstemming', element: <AvstemmingPage /> },
  { path: '/outbox', label: 'nav.outbox', element: <OutboxPage /> },
  { path: '/feedback', label: 'nav.feedback', element: <FeedbackPage /> },
  { path: '/deadlines', label: 'nav.deadlines', element: <DeadlinesPage /> },
  { path: '/settings', label: 'nav.settings', element: <SettingsPage /> },
] as const;

function Shell() {
  const { t, i18n } = useTranslation();
  const profiles = useProfiles();
  const active = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeProfileId);
  const navigate = useNavigate();
  useFeedbackEvents();
  // A clicked feedback notification opens that item; a clicked deadline warning opens Frister at that deadline.
  useFeedbackOpen(
    useCallback((dialogId: string) => void navigate(OPEN_EVENT_ROUTES['feedback.open']({ dialogId })), [navigate]),
  );
  useDeadlineOpen(
    useCallback((deadlineId: string) => void navigate(OPEN_EVENT_ROUTES['deadlines.open']({ deadlineId })), [navigate]),
  );
  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="app-header__brand">
          <Heading level={1} data-size="sm" className="app-header__name">
            {t('app.name')}
          </Heading>
          <Paragraph data-size="sm" className="app-header__tagline">
            {t('app.tagline')}
          </Paragraph>
        </div>
        <ProfileSwitcher />
      </header>
      <nav aria-label={t('nav.label')} className="app-nav">
        <ul>
          {ROUTES.filter((r) => !('firmOnly' in r) || active?.kind === 'firm').map((r) => (
            <li key={r.path}>
              <NavLink to={r.path}>
                {t(r.label)}
                {r.path === '/feedback' && <FeedbackNavBadge />}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        {active && <EnvironmentBanner environment={active.environment} />}
        {profiles.data?.notices.map((n) => (
          <Alert key={n.code} data-color="warning" role="alert">
            {localized(n.message, i18n.language)}
          </Alert>
        ))}
        {profiles.isPending && <Spinner aria-label={t('app.loading')} />}
        {profiles.error && <ErrorMessage error={profiles.error} />}
        <Routes>
          {ROUTES.map((r) => (
            <Route
              key={r.path}
              path={r.path}
              element={<Suspense fallback={<Spinner aria-label={t('app.loading')} />}>{r.element}</Suspense>}
            />
          ))}
          {/* A fresh install starts at setup; once there is a profile, at reports. */}
          <Route
            path="*"
            element={profiles.isSuccess ? <Navigate to={active ? '/reports' : '/setup'} replace /> : null}
          />
        </Routes>
      </main>
    </>
  );
}

export function App() {
  return (
    <HashRouter>
      <Shell />
    </HashRouter>
  );
}
