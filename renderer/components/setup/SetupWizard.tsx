import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSetupOverview } from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';
import { StepSection } from './StepSection';
import { KeyStep } from './KeyStep';
import { ClientStep } from './ClientStep';
import { ServicesStep } from './ServicesStep';
import { RequestStep } from './RequestStep';
import { TestStep } from './TestStep';
import type { ServiceId } from '../../../shared/domain/services-catalogue';
import './setup.css';

const STEPS = 5;

/**
 * The active profile's way from no key to a working systembruker token, as five steps with their status. All
 * state is in main (the profile's setup.json), so the wizard resumes wherever the user left it.
 */
export function SetupWizard() {
  const { t } = useTranslation();
  const setup = useSetupOverview();
  const overview = setup.data;
  const done = overview ? Object.values(overview.steps).filter((s) => s === 'done').length : 0;
  return (
    <section className="stack setup-wizard" aria-labelledby="setup-wizard-title" data-testid="setup-wizard">
      <Heading level={2} data-size="sm" id="setup-wizard-title">
        {t('setup.wizard.title', { name: overview?.displayName ?? '' })}
      </Heading>
      <Paragraph>{t('setup.wizard.intro')}</Paragraph>
      {setup.isPending && <Spinner aria-label={t('app.loading')} />}
      {setup.error && <ErrorMessage error={setup.error} />}
      {overview && (
        <>
          <Paragraph data-size="sm" data-testid="setup-progress">
            {t('setup.wizard.progress', { count: done })}
          </Paragraph>
          {done === STEPS && <NextStep services={overview.services} />}
          <ol className="setup-steps">
            <StepSection id="key" number={1} title={t('setup.key.title')} state={overview.steps.key}>
              <KeyStep overview={overview} />
            </StepSection>
            <StepSection id="client" number={2} title={t('setup.client.title')} state={overview.steps.client}>
              <ClientStep key={overview.profileId} overview={overview} />
            </StepSection>
            <StepSection id="system" number={3} title={t('setup.services.title')} state={overview.steps.system}>
              <ServicesStep key={overview.profileId} overview={overview} />
            </StepSection>
            <StepSection id="request" number={4} title={t('setup.request.title')} state={overview.steps.request}>
              <RequestStep key={overview.profileId} overview={overview} />
            </StepSection>
            <StepSection id="test" number={5} title={t('setup.test.title')} state={overview.steps.test}>
              <TestStep overview={overview} />
            </StepSection>
          </ol>
        </>
      )}
    </section>
  );
}

/** After the last step, the one thing to do next: the first report of the kind the business chose. */
function NextStep({ services }: { services: readonly ServiceId[] }) {
  const { t } = useTranslation();
  const first = services.includes('a-melding')
    ? { to: '/reports', label: t('setup.wizard.nextAmelding') }
    : services.includes('aksjonaerregisteroppgave')
      ? { to: '/reports', label: t('setup.wizard.nextRf1086') }
      : services.some((s) => s.startsWith('tredjepart-'))
        ? { to: '/tredjepart', label: t('setup.wizard.nextTredjepart') }
        : { to: '/skattekort', label: t('setup.wizard.nextSkattekort') };
  return (
    <Alert data-color="success" data-testid="setup-next-step">
      <Heading level={3} data-size="xs">
        {t('setup.wizard.allDoneTitle')}
      </Heading>
      <Paragraph>
        <RouterLink to={first.to} data-testid="setup-next-link">
          {first.label}
        </RouterLink>
      </Paragraph>
    </Alert>
  );
}
