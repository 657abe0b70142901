import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftOverview } from '../../../shared/reports/report-views';
import { formatDateTime, formatMonth, formatOrgNumber } from '../../../shared/format';
import { fileName } from './format';
import { TableScroll } from '../TableScroll';

export interface DraftListProps {
  drafts: readonly DraftOverview[];
  openId?: string | null;
  onOpen(id: string): void;
  onDelete(draft: DraftOverview): void;
  busy?: boolean;
}

/** The profile's drafts, newest first: what each is, when it was checked, whether it can be sent, and its source. */
export function DraftList({ drafts, openId, onOpen, onDelete, busy }: DraftListProps) {
  const { t, i18n } = useTranslation();
  if (drafts.length === 0) return <Paragraph>{t('reports.draftsEmpty')}</Paragraph>;
  return (
    <TableScroll label={t('reports.draftsTableLabel')}>
      <Table data-testid="draft-table" data-size="sm">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('reports.table.report')}</Table.HeaderCell>
            <Table.HeaderCell>{t('reports.table.file')}</Table.HeaderCell>
            <Table.HeaderCell>{t('reports.table.checked')}</Table.HeaderCell>
            <Table.HeaderCell>{t('reports.table.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('reports.table.source')}</Table.HeaderCell>
            <Table.HeaderCell>
              <span className="visually-hidden">{t('reports.table.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {drafts.map((d) => {
            const label = draftLabel(d, t, i18n.language);
            return (
              <Table.Row key={d.id} data-testid="draft-row" aria-current={d.id === openId ? 'true' : undefined}>
                <Table.Cell>
                  {draftLabelParts(d, t, i18n.language).map((part, i) => (
                    <Fragment key={part}>
                      {i > 0 && ' · '}
                      {/* The kind may wrap at its words; a month or an org number is one thing. */}
                      {i === 0 ? part : <span className="nowrap">{part}</span>}
                    </Fragment>
                  ))}
                </Table.Cell>
                <Table.Cell>
                  {d.files.map((f) => (
                    <div key={f.name} title={f.name}>
                      {fileName(f.name)}
                    </div>
                  ))}
                </Table.Cell>
                <Table.Cell>{formatDateTime(d.checkedAt, i18n.language)}</Table.Cell>
                <Table.Cell>
                  {d.valid ? (
                    <Tag data-color="success" data-size="sm">
                      {t('reports.status.ready')}
                    </Tag>
                  ) : (
                    <Tag data-color="danger" data-size="sm">
                      {t('reports.status.errors', { count: d.errorCount })}
                    </Tag>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <SourceTag status={d.sourceStatus} />
                </Table.Cell>
                <Table.Cell>
                  <div className="row reports-draft-actions">
                    <Button variant="secondary" data-size="sm" onClick={() => onOpen(d.id)} disabled={busy}>
                      {t('reports.open')}
                      <span className="visually-hidden">: {label}</span>
                    </Button>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      data-color="danger"
                      onClick={() => onDelete(d)}
                      disabled={busy}
                    >
                      {t('reports.delete')}
                      <span className="visually-hidden">: {label}</span>
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export function SourceTag({ status }: { status: DraftOverview['sourceStatus'] }) {
  const { t } = useTranslation();
  if (status === 'unchanged') return <span>{t('reports.source.unchanged')}</span>;
  if (status === 'not-tracked') return <span className="reports-muted">{t('reports.source.notTracked')}</span>;
  return (
    <Tag data-color="warning" data-size="sm" data-testid="source-changed">
      {t(status === 'changed' ? 'reports.source.changed' : 'reports.source.missing')}
    </Tag>
  );
}

// i18next's own type: deriving it from useTranslation's return type exceeds tsc's instantiation depth.
type T = TFunction;

export function draftLabel(d: DraftOverview, t: T, language: string): string {
  return draftLabelParts(d, t, language).join(' · ');
}

/** What a draft is, when and whose: its label's parts, each kept on one line in the table ("211 785 462" whole). */
function draftLabelParts(d: DraftOverview, t: T, language: string): string[] {
  const kind = t(`reports.kind.${d.kind}`);
  const period = d.period ? (d.kind === 'amelding' ? formatMonth(d.period, language) : d.period) : undefined;
  const org = d.organisationName ?? (d.organisationNumber ? formatOrgNumber(d.organisationNumber) : undefined);
  return [kind, period, org].filter((part): part is string => Boolean(part));
}
