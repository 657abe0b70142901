import { Alert, Button, Card, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useAppInfo, useConfirmHosts, useEnvironment, useSettings, useUpdateSettings } from '../bridge/queries';
import { LanguageSchema } from '../../shared/domain/localized';
import { ErrorMessage } from '../components/ErrorMessage';
import { HostList } from '../components/HostList';
import { localized } from '../i18n';
import type { Endpoints } from '../../shared/domain/endpoints';
import { TechnicalDetails } from '../components/TechnicalDetails';
import type { TFunction } from 'i18next';

/** The addresses Innsender uses; the sandbox's own address first while it runs (support asks for it). */
function endpointRows(endpoints: Endpoints, sandboxBaseUrl: string | null, t: TFunction): [string, string][] {
  return [
    ...(sandboxBaseUrl ? [[t('settings.endpointSandbox'), sandboxBaseUrl] as [string, string]] : []),
    ['Maskinporten (issuer)', endpoints.maskinporten.issuer],
    ['Maskinporten (token)', endpoints.maskinporten.tokenEndpoint],
    [t('settings.endpointAltinnPlatform'), endpoints.altinn.platform],
    [t('settings.endpointAccessManagement'), endpoints.altinn.accessManagementUi],
    ['Dialogporten', endpoints.dialogporten.base],
    ['A-melding', endpoints.skatteetaten.amelding],
    [t('settings.endpointAksjonaerregister'), endpoints.skatteetaten.aksjonaerregister],
    [t('settings.endpointSkattekort'), endpoints.skatteetaten.skattekort],
    [t('settings.endpointTredjepart'), endpoints.skatteetaten.tredjepartTemplate],
    [t('settings.endpointSelfService'), endpoints.digdir.selfServicePortal],
  ];
}

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  const info = useAppInfo();
  const environment = useEnvironment();
  const env = environment.data;
  const confirmHosts = useConfirmHosts();

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('settings.title')}
      </Heading>
      <Field>
        <Label>{t('settings.language')}</Label>
        <Select
          value={settings.data?.language ?? 'nb'}
          onChange={(e) => {
            const language = LanguageSchema.parse(e.target.value);
            update.mutate({ language }, { onSuccess: () => void i18n.changeLanguage(language) });
          }}
          data-testid="language"
        >
          <Select.Option value="nb">{t('settings.languageNb')}</Select.Option>
          <Select.Option value="en">{t('settings.languageEn')}</Select.Option>
        </Select>
      </Field>
      {update.error && <ErrorMessage error={update.error} />}

      <section className="stack" aria-labelledby="env-title">
        <Heading level={2} data-size="sm" id="env-title">
          {t('settings.environmentTitle')}
        </Heading>
        {environment.error && <ErrorMessage error={environment.error} />}
        {env?.status === 'no-profile' && <Paragraph>{t('settings.environmentNone')}</Paragraph>}
        {env?.status === 'invalid' && <ErrorMessage error={{ message: localized(env.message, i18n.language) }} />}
        {env?.status === 'unconfirmed-hosts' && (
          <Alert data-color="warning" data-testid="env-unconfirmed-hosts">
            <Paragraph>{localized(env.message, i18n.language)}</Paragraph>
            <HostList hosts={env.hosts} />
            <Button
              type="button"
              onClick={() => confirmHosts.mutate(env.hosts)}
              loading={confirmHosts.isPending}
              data-testid="env-confirm-hosts"
            >
              {t('settings.hostsConfirm')}
            </Button>
            {confirmHosts.error && <ErrorMessage error={confirmHosts.error} />}
          </Alert>
        )}
        {env?.status === 'ready' && (
          <>
            {env.environment === 'sandbox' && (
              <Paragraph data-testid="sandbox-status">
                {env.sandbox.state === 'running' ? t('settings.sandboxRunning') : t('settings.sandboxStopped')}
              </Paragraph>
            )}
            {/* Every service's address (the sandbox's too): for support and for checking a custom file, not for the
                daily work, so folded away rather than the page's main text. */}
            <TechnicalDetails testId="endpoint-details">
              <Table data-testid="endpoint-table" data-size="sm">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('settings.service')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('settings.address')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {endpointRows(
                    env.endpoints,
                    env.environment === 'sandbox' && env.sandbox.state === 'running' ? env.sandbox.baseUrl : null,
                    t,
                  ).map(([name, url]) => (
                    <Table.Row key={name}>
                      <Table.Cell>{name}</Table.Cell>
                      <Table.Cell>
                        <code>{url}</code>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TechnicalDetails>
          </>
        )}
      </section>

      <Card data-color="neutral">
        <Heading level={2} data-size="sm">
          {t('settings.aboutTitle')}
        </Heading>
        <Paragraph>
          {t('settings.version')}: {info.data?.version}
        </Paragraph>
        <Paragraph>
          {t('settings.dataDir')}: <code>{info.data?.dataDir}</code>
        </Paragraph>
      </Card>
    </div>
  );
}
