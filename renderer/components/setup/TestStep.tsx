import { Alert, Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SetupOverview } from '../../../shared/domain/setup';
import { useTestConnection } from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime, formatOrgNumber } from '../../../shared/format';
import { TechnicalDetails } from '../TechnicalDetails';

/** Step 5: a real systembruker token, shown only by its non-secret claims. */
export function TestStep({ overview }: { overview: SetupOverview }) {
  const { t, i18n } = useTranslation();
  const test = useTestConnection();
  const last = overview.lastTest;
  const rows: [string, string][] = last
    ? [
        [t('setup.test.at'), formatDateTime(last.at, i18n.language)],
        [t('setup.test.expiresAt'), formatDateTime(last.expiresAt, i18n.language)],
        [t('setup.test.scopes'), last.scopes.join(' ')],
        [t('setup.test.systemUserOrg'), last.systemUserOrg ?? '–'],
        [t('setup.test.systemUserId'), last.systemUserIds.join(', ') || '–'],
        [t('setup.test.systemId'), last.systemId ?? '–'],
        [t('setup.test.clientId'), last.clientId ?? '–'],
        [t('setup.test.kid'), last.kid],
      ]
    : [];
  return (
    <div className="stack">
      <Paragraph>{t('setup.test.intro')}</Paragraph>
      <div className="row">
        <Button onClick={() => test.mutate(undefined)} loading={test.isPending} data-testid="test-connection">
          {t('setup.test.run')}
        </Button>
      </div>
      {test.error && <ErrorMessage error={test.error} />}
      {last && !test.error && (
        <>
          <Alert data-color="success" role="status" data-testid="test-ok">
            {t('setup.test.ok', { org: formatOrgNumber(last.systemUserOrg ?? overview.orgNumber) })}
          </Alert>
          <TechnicalDetails testId="token-details">
            <Table data-size="sm" data-testid="token-claims">
              <caption className="visually-hidden">{t('setup.test.claimsCaption')}</caption>
              <Table.Body>
                {rows.map(([label, value]) => (
                  <Table.Row key={label}>
                    <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
                    <Table.Cell>
                      <code>{value}</code>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TechnicalDetails>
        </>
      )}
    </div>
  );
}
