import { Details, Heading, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Rf1086Summary } from '../../../shared/reports/rf1086/summary';
import { FactList } from './FactList';
import { TableScroll } from '../TableScroll';
import { formatCount, formatKroner, formatOrgNumber } from '../../../shared/format';
import { fileName } from './format';

type ShareClass = Rf1086Summary['aksjeklasser'][number];

/** What an aksjonærregisteroppgave reports: the company, its share classes, who holds them, and dividends. */
export function Rf1086SummaryView({ summary, headingLevel = 3 }: { summary: Rf1086Summary; headingLevel?: 3 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { selskap, totals } = summary;
  return (
    <div className="stack" data-testid="rf1086-summary">
      <Heading level={headingLevel} data-size="sm">
        {t('reports.summaryTitle')}
      </Heading>
      <FactList
        facts={[
          [
            t('reports.rf1086.company'),
            [selskap.navn, selskap.organisasjonsnummer && formatOrgNumber(selskap.organisasjonsnummer)]
              .filter(Boolean)
              .join(', ') || '–',
          ],
          [t('reports.rf1086.incomeYear'), summary.inntektsaar ?? '–'],
          [t('reports.rf1086.shareClasses'), formatCount(totals.aksjeklasser, lang)],
          [t('reports.rf1086.shareholders'), formatCount(totals.aksjonaerer, lang)],
          [t('reports.rf1086.forms'), formatCount(totals.underskjemaer, lang)],
          [t('reports.rf1086.dividend'), formatKroner(totals.utbytte, lang)],
        ]}
      />
      <TableScroll label={t('reports.rf1086.classesCaption')}>
        <Table data-size="sm" data-testid="share-class-table">
          <caption>{t('reports.rf1086.classesCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reports.rf1086.shareClass')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.rf1086.sharesStart')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.rf1086.sharesEnd')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.rf1086.shareholdersShares')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.rf1086.shareholders')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('reports.rf1086.dividend')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {summary.aksjeklasser.map((c, i) => (
              <Table.Row key={`${c.file}-${i}`}>
                <Table.Cell>{classLabel(c)}</Table.Cell>
                <Table.Cell className="num">{formatCount(c.antallAksjerFjoraret, lang)}</Table.Cell>
                <Table.Cell className="num">{formatCount(c.antallAksjer, lang)}</Table.Cell>
                <Table.Cell className="num">{formatCount(c.aksjonaerenesAksjer, lang)}</Table.Cell>
                <Table.Cell className="num">{formatCount(c.aksjonaerer.length, lang)}</Table.Cell>
                <Table.Cell className="num">{formatKroner(c.utbytte, lang)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      {summary.aksjeklasser.map((c, i) => (
        <ShareholderDetails key={`${c.file}-${i}`} shareClass={c} />
      ))}
    </div>
  );
}

function classLabel(c: ShareClass): string {
  return [c.aksjeType, c.isin].filter(Boolean).join(', ') || fileName(c.file);
}

/** Shareholders per class, folded away: a return can list hundreds. */
function ShareholderDetails({ shareClass }: { shareClass: ShareClass }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (shareClass.aksjonaerer.length === 0) return null;
  return (
    <Details>
      <Details.Summary>
        {t('reports.rf1086.shareholderList', {
          shareClass: classLabel(shareClass),
          count: shareClass.aksjonaerer.length,
        })}
      </Details.Summary>
      <Details.Content>
        <TableScroll
          label={t('reports.rf1086.shareholderList', {
            shareClass: classLabel(shareClass),
            count: shareClass.aksjonaerer.length,
          })}
        >
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('reports.rf1086.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('reports.rf1086.id')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('reports.rf1086.sharesStart')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('reports.rf1086.sharesEnd')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('reports.rf1086.dividend')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shareClass.aksjonaerer.map((s, i) => (
                <Table.Row key={`${s.file}-${i}`}>
                  <Table.Cell>{s.navn ?? '–'}</Table.Cell>
                  <Table.Cell>{s.identifikator ?? t('reports.rf1086.noId')}</Table.Cell>
                  <Table.Cell className="num">{formatCount(s.antallAksjerFjoraret, lang)}</Table.Cell>
                  <Table.Cell className="num">{formatCount(s.antallAksjer, lang)}</Table.Cell>
                  <Table.Cell className="num">{formatKroner(s.utbytte, lang)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      </Details.Content>
    </Details>
  );
}
