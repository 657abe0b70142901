import { useState } from 'react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AltinnOnlyClient } from '../../../shared/domain/firm';
import { useAddClient } from '../../bridge/firm-queries';
import { ErrorMessage } from '../ErrorMessage';
import { formatOrgNumber } from '../../../shared/format';

/**
 * The clients Altinn has on the firm's agent systembruker that the firm's list lacks (as Altinn was last read): a
 * client typed with another company's valid number shows _Ikke lagt til_ above, and its real number is here to add,
 * through the same add as the form (main takes Altinn's name when the row has one).
 */
export function AltinnOnlyList({ clients }: { clients: readonly AltinnOnlyClient[] }) {
  const { t } = useTranslation();
  const add = useAddClient();
  const [added, setAdded] = useState<string | null>(null);
  if (clients.length === 0 && !added) return null;
  const label = (c: AltinnOnlyClient) => c.name ?? formatOrgNumber(c.orgNumber);
  return (
    <section className="stack" aria-labelledby="altinn-only-title" data-testid="altinn-only">
      <Heading level={2} data-size="sm" id="altinn-only-title">
        {t('firm.altinnOnlyTitle')}
      </Heading>
      {clients.length > 0 && (
        <>
          <Paragraph>{t('firm.altinnOnlyIntro')}</Paragraph>
          <Table data-testid="altinn-only-list">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('firm.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('firm.orgNumber')}</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {clients.map((c) => (
                <Table.Row key={c.orgNumber} data-org={c.orgNumber}>
                  <Table.Cell>{c.name ?? t('firm.altinnOnlyNoName')}</Table.Cell>
                  <Table.Cell>{formatOrgNumber(c.orgNumber)}</Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="secondary"
                      data-size="sm"
                      loading={add.isPending && add.variables?.orgNumber === c.orgNumber}
                      onClick={() => {
                        setAdded(null);
                        add.mutate(
                          { orgNumber: c.orgNumber, name: c.name ?? '' },
                          { onSuccess: () => setAdded(label(c)) },
                        );
                      }}
                    >
                      {t('firm.altinnOnlyAdd')}
                      <span className="visually-hidden">: {label(c)}</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
      {added && <Paragraph role="status">{t('firm.altinnOnlyAdded', { name: added })}</Paragraph>}
      {add.error && <ErrorMessage error={add.error} />}
    </section>
  );
}
