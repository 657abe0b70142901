import { Heading, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AMeldingSummary } from '../../../shared/reports/amelding/summary';
import { FactList, type Fact } from './FactList';
import { formatCount, formatDate, formatKroner, formatMonth, formatOrgNumber } from '../../../shared/format';

/** What an a-melding reports: the month, who reports, for how many people, and the totals per zone. */
export function AMeldingSummaryView({ summary, headingLevel = 3 }: { summary: AMeldingSummary; headingLevel?: 3 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { totals } = summary;
  const kr = (v: string | number) => formatKroner(v, lang);
  return (
    <div className="stack" data-testid="amelding-summary">
      <Heading level={headingLevel} data-size="sm">
        {t('reports.summaryTitle')}
      </Heading>
      <FactList
        facts={[
          [
            t('reports.amelding.period'),
            <>
              {formatMonth(summary.kalendermaaned, lang)}
              {summary.frist && ` (${t('reports.amelding.deadline', { date: formatDate(summary.frist, lang) })})`}
            </>,
          ],
          [t('reports.amelding.reportingEntity'), formatOrgNumber(summary.opplysningspliktig)],
          [t('reports.amelding.subUnitCount'), formatCount(summary.virksomheter.length, lang)],
          [t('reports.amelding.recipients'), formatCount(summary.inntektsmottakere, lang)],
          [t('reports.amelding.income'), kr(totals.inntekt)],
          [
            t('reports.amelding.withholding'),
            <StatedBeside key="w" computed={kr(totals.forskuddstrekk)} stated={totals.oppgittSumForskuddstrekk} />,
          ],
          [
            t('reports.amelding.contribution'),
            <StatedBeside
              key="c"
              computed={kr(totals.arbeidsgiveravgift)}
              stated={totals.oppgittSumArbeidsgiveravgift}
            />,
          ],
          [t('reports.amelding.messageId'), <code key="m">{summary.meldingsId}</code>],
          ...(summary.erstatterMeldingsId
            ? [[t('reports.amelding.replaces'), <code key="r">{summary.erstatterMeldingsId}</code>] as Fact]
            : []),
          [
            t('reports.amelding.version'),
            `${summary.version} (${summary.format.toUpperCase()}), ${summary.kildesystem}`,
          ],
        ]}
      />

      {totals.arbeidsgiveravgiftPerSone.length > 0 && (
        <Table data-size="sm" data-testid="zone-table">
          <caption>{t('reports.amelding.zonesCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reports.amelding.zone')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.amelding.base')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.amelding.contribution')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {totals.arbeidsgiveravgiftPerSone.map((zone) => (
              <Table.Row key={zone.sone}>
                <Table.Cell>{zone.sone}</Table.Cell>
                <Table.Cell className="num">{kr(zone.grunnlag)}</Table.Cell>
                <Table.Cell className="num">{kr(zone.arbeidsgiveravgift)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}

      {summary.virksomheter.length > 0 && (
        <Table data-size="sm" data-testid="subunit-table">
          <caption>{t('reports.amelding.subUnitsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reports.amelding.orgNumber')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.amelding.recipients')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.amelding.income')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.amelding.withholding')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {summary.virksomheter.map((v, i) => (
              <Table.Row key={`${v.organisasjonsnummer}-${i}`}>
                <Table.Cell>{formatOrgNumber(v.organisasjonsnummer)}</Table.Cell>
                <Table.Cell className="num">{formatCount(v.inntektsmottakere, lang)}</Table.Cell>
                <Table.Cell className="num">{kr(v.inntekt)}</Table.Cell>
                <Table.Cell className="num">{kr(v.forskuddstrekk)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}

/** The sum computed from the report, with the sum the report states beside it when they differ. */
function StatedBeside({ computed, stated }: { computed: string; stated: number | undefined }) {
  const { t, i18n } = useTranslation();
  const statedText = stated === undefined ? undefined : formatKroner(stated, i18n.language);
  if (statedText === undefined || statedText === computed) return <>{computed}</>;
  return (
    <>
      {computed} <span className="reports-stated">({t('reports.amelding.stated', { amount: statedText })})</span>
    </>
  );
}
