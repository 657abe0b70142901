import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useProfiles } from '../bridge/queries';
import { useFirmClients, useOpenClientAdmin, useSyncDelegations } from '../bridge/firm-queries';
import { ErrorMessage } from '../components/ErrorMessage';
import { AddClientForm } from '../components/firm/AddClientForm';
import { AltinnOnlyList } from '../components/firm/AltinnOnlyList';
import { ClientList } from '../components/firm/ClientList';
import { localized } from '../i18n';

/**
 * An accounting firm's clients: add them here, have the klientadministrator attach them to the firm's systembruker
 * in Altinn (the button opens Altinn's page), and see which are attached. Sending for one that is not is refused.
 * The clients Altinn has that the list lacks are listed below it, each with an add (a mistyped number shows here).
 */
export function ClientsPage() {
  const { t, i18n } = useTranslation();
  const profiles = useProfiles();
  const active = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeProfileId);
  const isFirm = active?.kind === 'firm';
  const clients = useFirmClients(isFirm);
  const sync = useSyncDelegations();
  const open = useOpenClientAdmin();
  const view = clients.data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('firm.title')}
      </Heading>
      <Paragraph>{t('firm.intro')}</Paragraph>
      {active && !isFirm && <Alert data-color="info">{t('firm.notFirm')}</Alert>}
      {clients.isPending && isFirm && <Spinner aria-label={t('app.loading')} />}
      {clients.error && <ErrorMessage error={clients.error} />}
      {view && (
        <>
          {view.agentSystemUserId ? (
            <section className="stack">
              <Paragraph data-size="sm">{t('firm.openAdminHelp')}</Paragraph>
              <div className="row">
                <Button onClick={() => open.mutate()} loading={open.isPending} data-testid="open-client-admin">
                  {t('firm.openAdmin')}
                </Button>
                {view.delegationApi && (
                  <Button
                    variant="secondary"
                    onClick={() => sync.mutate(undefined)}
                    loading={sync.isPending}
                    data-testid="sync-delegations"
                  >
                    {t('firm.sync')}
                  </Button>
                )}
              </div>
            </section>
          ) : (
            <Alert data-color="warning">
              {t('firm.notApproved')} <RouterLink to="/setup">{t('firm.toSetup')}</RouterLink>
            </Alert>
          )}
          {view.lastSyncError && (
            <Alert data-color="warning">
              {t('firm.syncFailed', { message: localized(view.lastSyncError, i18n.language) })}
            </Alert>
          )}
          {(sync.error ?? open.error) && <ErrorMessage error={sync.error ?? open.error} />}
          <ClientList view={view} />
          <AltinnOnlyList clients={view.altinnOnly} />
          <AddClientForm />
        </>
      )}
    </div>
  );
}
