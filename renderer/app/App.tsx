import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { HashRouter, NavLink, Navigate, Route, Routes, useNavigate } from 'react-router';
import { Alert, Button, Heading, Paragraph, SkipLink, Spinner } from '@digdir/designsystemet-react';
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
const OverviewPage = lazy(() => import('../routes/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const ClientPage = lazy(() => import('../routes/ClientPage').then((m) => ({ default: m.ClientPage })));
const ClientsPage = lazy(() => import('../routes/ClientsPage').then((m) => ({ default: m.ClientsPage })));
const SkattekortPage = lazy(() => import('../routes/SkattekortPage').then((m) => ({ default: m.SkattekortPage })));
const AvstemmingPage = lazy(() => import('../routes/AvstemmingPage').then((m) => ({ default: m.AvstemmingPage })));
import { FeedbackNavBadge } from '../components/feedback/FeedbackNavBadge';
import { useFeedbackEvents, useFeedbackOpen } from '../bridge/feedback-queries';
import { useDeadlineOpen } from '../bridge/deadlines-queries';
import { useOverviewOpen } from '../bridge/firm-queries';
import type { EventPayload } from '../../shared/ipc/contract';
import { OPEN_EVENT_ROUTES } from '../../shared/ipc/open-routes';
import { APP_PAGES, isForEveryProfile, type AppPageId } from '../../shared/app/app-pages';
import { useWindowTitle } from './use-window-title';
import { useAppNavigation } from './use-app-events';

const PAGE_ELEMENTS: Record<AppPageId, ReactNode> = {
  overview: <OverviewPage />,
  setup: <SetupPage />,
  clients: <ClientsPage />,
  reports: <ReportsPage />,
  tredjepart: <TredjepartPage />,
  skattekort: <SkattekortPage />,
  avstemming: <AvstemmingPage />,
  outbox: <OutboxPage />,
  feedback: <FeedbackPage />,
  deadlines: <DeadlinesPage />,
  settings: <SettingsPage />,
};

/** The app's routes, in menu order. Hash routing: the app is served from files, so there is no server to fall back on. */
export const ROUTES = APP_PAGES.map((page) => ({
  path: page.path,
  label: `nav.${page.id}` as const,
  element: PAGE_ELEMENTS[page.id],
  forEveryProfile: isForEveryProfile(page),
}));

function Shell() {
  const { t, i18n } = useTranslation();
  const profiles = useProfiles();
  const active = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeProfileId);
  const navigate = useNavigate();
  // Below about 1,000 px the side menu folds away behind a menu button; choosing a page folds it again.
  const [navOpen, setNavOpen] = useState(false);
  useWindowTitle(active?.displayName ?? null);
  useAppNavigation();
  useFeedbackEvents();
  // A clicked feedback notification opens that item; a clicked deadline warning opens Frister at that deadline.
  useFeedbackOpen(
    useCallback((dialogId: string) => void navigate(OPEN_EVENT_ROUTES['feedback.open']({ dialogId })), [navigate]),
  );
  useDeadlineOpen(
    useCallback((deadlineId: string) => void navigate(OPEN_EVENT_ROUTES['deadlines.open']({ deadlineId })), [navigate]),
  );
  // A firm's deadline warning opens the overview at its clients with a deadline soon.
  useOverviewOpen(
    useCallback(
      (payload: EventPayload<'overview.open'>) => void navigate(OPEN_EVENT_ROUTES['overview.open'](payload)),
      [navigate],
    ),
  );
  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="app-header">
        <Button
          variant="secondary"
          data-size="sm"
          className="app-header__menu"
          aria-expanded={navOpen}
          aria-controls="app-nav"
          onClick={() => setNavOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span> {t('nav.menuButton')}
        </Button>
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
      <nav
        id="app-nav"
        aria-label={t('nav.label')}
        className="app-nav"
        data-open={navOpen}
        onKeyDown={(e) => e.key === 'Escape' && setNavOpen(false)}
      >
        <ul>
          {ROUTES.filter(
            (r) =>
              r.forEveryProfile ||
              active?.kind === 'firm' ||
              (r.path === '/overview' && (profiles.data?.profiles.length ?? 0) > 1),
          ).map((r) => (
            <li key={r.path}>
              <NavLink to={r.path} onClick={() => setNavOpen(false)}>
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
          <Route
            path="/overview/:org"
            element={
              <Suspense fallback={<Spinner aria-label={t('app.loading')} />}>
                <ClientPage />
              </Suspense>
            }
          />
          {/* A fresh install starts at setup; a firm at its overview; any other profile at reports. */}
          <Route
            path="*"
            element={
              profiles.isSuccess ? (
                <Navigate to={!active ? '/setup' : active.kind === 'firm' ? '/overview' : '/reports'} replace />
              ) : null
            }
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
