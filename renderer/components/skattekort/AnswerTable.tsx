import { Table, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { trekkodeText, type EmployeeCard, type Trekk } from '../../../shared/skattekort/answer';
import { localized } from '../../i18n';
import { formatDate, formatDecimal, formatKroner, formatPercent } from '../../../shared/format';

/** Skatteetaten's answer per employee: the result, each deduction, the issue date and what to withhold. */
export function AnswerTable({ cards }: { cards: EmployeeCard[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table data-size="sm" zebra data-testid="answer-table">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('skattekort.answer.employee')}</Table.HeaderCell>
          <Table.HeaderCell>{t('skattekort.answer.result')}</Table.HeaderCell>
          <Table.HeaderCell>{t('skattekort.answer.deductions')}</Table.HeaderCell>
          <Table.HeaderCell>{t('skattekort.answer.issued')}</Table.HeaderCell>
          <Table.HeaderCell>{t('skattekort.answer.withhold')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {cards.map((card) => (
          <Table.Row
            key={card.arbeidstakeridentifikator}
            data-testid="answer-row"
            data-result={card.resultatForSkattekort}
          >
            <Table.Cell>
              <code>{card.arbeidstakeridentifikator}</code>
            </Table.Cell>
            <Table.Cell>
              <Tag
                data-size="sm"
                data-color={card.resultatForSkattekort === 'skattekortopplysningerOK' ? 'success' : 'warning'}
              >
                {localized(card.result, lang)}
              </Tag>
            </Table.Cell>
            <Table.Cell>
              <ul className="skattekort-trekk">
                {card.trekk.map((tr, i) => (
                  <li key={i}>
                    {localized(trekkodeText(tr.trekkode), lang)}: {deduction(tr, t, lang)}
                  </li>
                ))}
                {card.notes.map((n, i) => (
                  <li key={`n${i}`}>{localized(n, lang)}</li>
                ))}
              </ul>
            </Table.Cell>
            <Table.Cell>{card.utstedtDato ? formatDate(card.utstedtDato, lang) : ''}</Table.Cell>
            <Table.Cell>{localized(card.withhold, lang)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

// i18next's own type: deriving it from useTranslation's return type exceeds tsc's instantiation depth.
type T = TFunction;

function deduction(tr: Trekk, t: T, lang: string): string {
  // Decimal comma in Norwegian ("10,5 måneder"), as the withholding text beside it writes it.
  const n = (v: number) => formatDecimal(v, lang);
  const months =
    tr.antallMaanederForTrekk !== undefined
      ? ` · ${t('skattekort.answer.months', { count: tr.antallMaanederForTrekk, months: n(tr.antallMaanederForTrekk) })}`
      : '';
  switch (tr.kind) {
    case 'trekktabell':
      return `${t('skattekort.answer.table', { table: tr.tabellnummer ?? '?' })}${tr.prosentsats !== undefined ? ` · ${formatPercent(tr.prosentsats, lang)}` : ''}${months}`;
    case 'trekkprosent':
      return `${tr.prosentsats !== undefined ? formatPercent(tr.prosentsats, lang) : '?'}${months}`;
    case 'frikort':
      return tr.frikortbeloep !== undefined
        ? t('skattekort.answer.frikort', { amount: formatKroner(tr.frikortbeloep, lang) })
        : t('skattekort.answer.frikortUnlimited');
    case 'unknown':
      return t('skattekort.answer.unknown');
  }
}
