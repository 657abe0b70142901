import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvstemmingPeriod } from '../../shared/avstemming/avstemmingsrapport';
import type { Reconciliation, ReconcileStatus } from '../../shared/avstemming/reconcile';
import { useExportAvstemming, useFetchAvstemming } from '../bridge/avstemming-queries';
import { ErrorMessage } from '../components/ErrorMessage';
import { TableScroll } from '../components/TableScroll';
import { formatKroner, formatMonth } from '../../shared/format';

const STATUS_COLOR: Record<ReconcileStatus, 'success' | 'warning' | 'danger' | 'info'> = {
  same: 'success',
  differs: 'danger',
  'only-skatteetaten': 'warning',
  'only-innsender': 'warning',
};

/** Kroner with the user's digit grouping; the exact decimal text stays in the exports. */
const kroner = (value: string | undefined, language: string) =>
  value === undefined ? '–' : formatKroner(value, language);

/** A month as "januar 2026", a whole year as "2026", any other range from month to month. */
function periodText(view: Reconciliation, language: string): string {
  if (view.fra === view.til) return formatMonth(view.fra, language);
  const year = view.fra.slice(0, 4);
  if (view.fra === `${year}-01` && view.til === `${year}-12`) return year;
  return `${formatMonth(view.fra, language)} – ${formatMonth(view.til, language)}`;
}

/**
 * The a-melding avstemmingsrapport (the old A07): Skatteetaten's figures for a month or a year beside what
 * Innsender sent, per income recipient and in total, in plain words; saved as CSV or PDF.
 */
export function AvstemmingPage() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<AvstemmingPeriod['kind']>('month');
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const fetchReport = useFetchAvstemming();
  const exportReport = useExportAvstemming();
  const view = fetchReport.data;
  const period: AvstemmingPeriod | null =
    kind === 'month'
      ? /^\d{4}-(0[1-9]|1[0-2])$/.test(month)
        ? { kind, kalendermaaned: month }
        : null
      : /^\d{4}$/.test(year)
        ? { kind, aar: year }
        : null;

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('avstemming.title')}
      </Heading>
      <Paragraph>{t('avstemming.intro')}</Paragraph>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (period) fetchReport.mutate(period);
        }}
      >
        <Field>
          <Label>{t('avstemming.kind')}</Label>
          <Select
            value={kind}
            onChange={(e) => setKind(e.target.value as AvstemmingPeriod['kind'])}
            data-testid="avstemming-kind"
          >
            <Select.Option value="month">{t('avstemming.month')}</Select.Option>
            <Select.Option value="year">{t('avstemming.year')}</Select.Option>
          </Select>
        </Field>
        {/* No placeholder: a grey "2026-11" in an empty field read as a month already filled in (beside a disabled
            button), and a fixed example goes stale; the label gives the format, the error message an example. */}
        {kind === 'month' ? (
          <Textfield
            label={t('avstemming.monthLabel')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            data-testid="avstemming-month"
            {...(month && !period ? { error: t('avstemming.monthInvalid') } : {})}
          />
        ) : (
          <Textfield
            label={t('avstemming.yearLabel')}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            data-testid="avstemming-year"
            {...(year && !period ? { error: t('avstemming.yearInvalid') } : {})}
          />
        )}
        <div>
          <Button type="submit" disabled={!period || fetchReport.isPending} data-testid="avstemming-fetch">
            {t('avstemming.fetch')}
          </Button>
        </div>
      </form>
      <Alert data-color="info" data-testid="avstemming-unconfirmed">
        {t('avstemming.unconfirmed')}
      </Alert>
      {fetchReport.error && <ErrorMessage error={fetchReport.error} />}
      {view && <ReconciliationView view={view} language={i18n.language} />}
      {view && (
        <div className="row">
          <Button
            variant="secondary"
            data-testid="avstemming-export-csv"
            onClick={() => exportReport.mutate({ fra: view.fra, til: view.til, format: 'csv' })}
          >
            {t('avstemming.exportCsv')}
          </Button>
          <Button
            variant="secondary"
            data-testid="avstemming-export-pdf"
            onClick={() => exportReport.mutate({ fra: view.fra, til: view.til, format: 'pdf' })}
          >
            {t('avstemming.exportPdf')}
          </Button>
        </div>
      )}
      {exportReport.error && <ErrorMessage error={exportReport.error} />}
      {exportReport.data?.path && (
        <Paragraph data-testid="avstemming-exported">
          {t('avstemming.exported', { path: exportReport.data.path })}
        </Paragraph>
      )}
    </div>
  );
}

/** Where an a-melding of the period is: at Skatteetaten and sent from here, or on one side only. */
function meldingState(m: Reconciliation['meldinger'][number]): 'both' | 'skatteetaten' | 'innsender' {
  return m.atSkatteetaten && m.sentByInnsender ? 'both' : m.atSkatteetaten ? 'skatteetaten' : 'innsender';
}

function ReconciliationView({ view, language }: { view: Reconciliation; language: string }) {
  const { t } = useTranslation();
  const period = periodText(view, language);
  const differing = view.recipients.filter((r) => r.status !== 'same').length;
  const unsent = view.meldinger.filter((m) => !m.sentByInnsender).length;
  return (
    <section className="stack" data-testid="avstemming-report" data-status={view.totals.status}>
      <Heading level={2} data-size="sm">
        {t('avstemming.reportTitle', { period })}
      </Heading>
      <Alert data-color={view.totals.status === 'same' ? 'success' : 'warning'} data-testid="avstemming-verdict">
        {view.totals.status === 'same'
          ? t('avstemming.verdictSame', { count: view.recipients.length })
          : t('avstemming.verdictDiffers', { count: differing })}
        {unsent > 0 && <Paragraph data-size="sm">{t('avstemming.otherMeldinger', { count: unsent })}</Paragraph>}
      </Alert>
      <TableScroll label={t('avstemming.reportTitle', { period })}>
        <Table data-size="sm" data-testid="avstemming-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('avstemming.recipient')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('avstemming.incomeSkatteetaten')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('avstemming.incomeSent')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('avstemming.withheldSkatteetaten')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('avstemming.withheldSent')}</Table.HeaderCell>
              <Table.HeaderCell>{t('avstemming.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {view.recipients.map((r) => (
              <Table.Row key={r.identifikator} data-testid="avstemming-row" data-status={r.status}>
                <Table.Cell>{r.navn ? `${r.navn} (${r.identifikator})` : r.identifikator}</Table.Cell>
                <Table.Cell className="num">{kroner(r.skatteetaten?.inntekt, language)}</Table.Cell>
                <Table.Cell className="num">{kroner(r.innsender?.inntekt, language)}</Table.Cell>
                <Table.Cell className="num">{kroner(r.skatteetaten?.forskuddstrekk, language)}</Table.Cell>
                <Table.Cell className="num">{kroner(r.innsender?.forskuddstrekk, language)}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={STATUS_COLOR[r.status]}>{t(`avstemming.statusText.${r.status}`)}</Tag>
                </Table.Cell>
              </Table.Row>
            ))}
            <Table.Row data-testid="avstemming-total">
              <Table.HeaderCell>{t('avstemming.total')}</Table.HeaderCell>
              <Table.Cell className="num">{kroner(view.totals.skatteetaten.inntekt, language)}</Table.Cell>
              <Table.Cell className="num">{kroner(view.totals.innsender.inntekt, language)}</Table.Cell>
              <Table.Cell className="num">{kroner(view.totals.skatteetaten.forskuddstrekk, language)}</Table.Cell>
              <Table.Cell className="num">{kroner(view.totals.innsender.forskuddstrekk, language)}</Table.Cell>
              <Table.Cell>
                <Tag data-color={STATUS_COLOR[view.totals.status]}>
                  {t(`avstemming.statusText.${view.totals.status}`)}
                </Tag>
              </Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </TableScroll>
      <Heading level={3} data-size="xs">
        {t('avstemming.meldingerTitle')}
      </Heading>
      <ul data-testid="avstemming-meldinger">
        {view.meldinger.map((m) => (
          <li key={m.meldingsId} data-testid="avstemming-melding" data-state={meldingState(m)}>
            {t(`avstemming.meldingState.${meldingState(m)}`, {
              id: m.meldingsId,
              month: formatMonth(m.kalendermaaned, language),
            })}
          </li>
        ))}
      </ul>
      <Paragraph data-size="sm">
        {t('avstemming.aga', { amount: kroner(view.totals.skatteetaten.arbeidsgiveravgift, language) })}
      </Paragraph>
    </section>
  );
}
