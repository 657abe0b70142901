import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PersonList, PersonStatus } from '../../../shared/skattekort/persons';
import { localized } from '../../i18n';
import { formatMonth } from '../../../shared/format';

const COLOR: Record<PersonStatus, 'success' | 'danger' | 'warning' | 'neutral'> = {
  ok: 'success',
  invalid: 'danger',
  synthetic: 'warning',
  duplicate: 'neutral',
};

/** The employees an order would name, each id's check, and why a flagged one is left out. */
export function PersonTable({ list }: { list: PersonList }) {
  const { t, i18n } = useTranslation();
  const { source } = list;
  const from =
    source.kind === 'csv'
      ? source.fileName
      : source.kalendermaaned
        ? t('skattekort.persons.fromAMelding', { period: formatMonth(source.kalendermaaned, i18n.language) })
        : source.label;
  const flagged = list.persons.filter((p) => p.status === 'invalid' || p.status === 'synthetic').length;
  return (
    <section className="stack" aria-labelledby="skattekort-persons-title" data-testid="person-list">
      <Heading level={3} data-size="xs" id="skattekort-persons-title">
        {t('skattekort.persons.title', { from })}
      </Heading>
      <Paragraph data-size="sm" data-testid="person-summary">
        {t('skattekort.persons.summary', {
          orderable: String(list.orderable.length),
          total: String(list.persons.length),
        })}
        {flagged > 0 && ` ${t('skattekort.persons.flagged', { count: flagged })}`}
      </Paragraph>
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('skattekort.persons.id')}</Table.HeaderCell>
            <Table.HeaderCell>{t('skattekort.persons.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('skattekort.persons.check')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {list.persons.map((p, i) => (
            <Table.Row key={`${p.id}-${i}`} data-testid="person-row" data-status={p.status}>
              <Table.Cell>
                <code>{p.id}</code>
                {p.line && (
                  <span className="outbox-muted"> · {t('skattekort.persons.line', { line: String(p.line) })}</span>
                )}
              </Table.Cell>
              <Table.Cell>{p.name ?? ''}</Table.Cell>
              <Table.Cell>
                <Tag data-color={COLOR[p.status]} data-size="sm">
                  {t(`skattekort.persons.status.${p.status}`)}
                </Tag>
                {p.problem && <span> {localized(p.problem, i18n.language)}</span>}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}
