import { useId, type ReactNode, type Ref } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { xsdUsedBy, type CheckResult } from '../../../shared/reports/check-result';
import { xsdLabel } from '../../../shared/reports/xsd-versions';
import { AMeldingSummaryView } from './AMeldingSummaryView';
import { FindingsList } from './FindingsList';
import { Rf1086SummaryView } from './Rf1086SummaryView';
import { Verdict } from './Verdict';
import { formatMonth } from '../../../shared/format';
import { fileName } from './format';

export interface CheckResultViewProps {
  result: CheckResult;
  /** Replaces the heading made from the report's kind and period. */
  title?: string;
  /** Shown under the heading: where the file came from, when it was saved, … */
  notes?: ReactNode;
  /** Buttons under the verdict: save as draft, check again, … */
  actions?: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * One checked report: a heading, the verdict, then what to do. With errors, the findings (led by an error summary)
 * come before the buttons, since fixing comes first; without, the buttons come first. The summary is last.
 */
export function CheckResultView({ result, title, notes, actions, headingRef }: CheckResultViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const defaultTitle = useResultTitle(result);
  const actionRow = actions && <div className="row">{actions}</div>;
  return (
    <section className="stack reports-result" aria-labelledby={headingId} data-testid="check-result">
      <Heading level={2} data-size="md" id={headingId} ref={headingRef} tabIndex={-1}>
        {title ?? defaultTitle}
      </Heading>
      <Paragraph data-size="sm" className="reports-result__files">
        {result.files.map((f) => (
          <span key={f.path} title={f.path}>
            {fileName(f.path)}
          </span>
        ))}
      </Paragraph>
      {notes}
      <XsdUsedNote result={result} />
      <Verdict result={result} />
      {result.valid && actionRow}
      <FindingsList findings={result.findings} />
      {!result.valid && actionRow}
      {result.kind === 'amelding' && result.summary && <AMeldingSummaryView summary={result.summary} />}
      {result.kind === 'rf1086' && result.summary && <Rf1086SummaryView summary={result.summary} />}
      {result.kind !== 'unreadable' && !result.summary && <Paragraph>{t('reports.noSummary')}</Paragraph>}
    </section>
  );
}

/** Which XSD version(s) the structure was checked against, as the result records it. */
function XsdUsedNote({ result }: { result: CheckResult }) {
  const { t } = useTranslation();
  const used = xsdUsedBy(result);
  if (!used.length) return null;
  return (
    <Paragraph data-size="sm" data-testid="xsd-used">
      {t('reports.xsdUsed', { xsd: used.map(xsdLabel).join(', ') })}
    </Paragraph>
  );
}

/** "A-melding for januar 2026", "RF-1086 for 2025", or the file's name when it could not be read. */
export function useResultTitle(result: CheckResult): string {
  const { t, i18n } = useTranslation();
  if (result.kind === 'amelding' && result.summary) {
    return t('reports.titleAMelding', { period: formatMonth(result.summary.kalendermaaned, i18n.language) });
  }
  if (result.kind === 'rf1086' && result.summary?.inntektsaar) {
    return t('reports.titleRf1086', { year: result.summary.inntektsaar });
  }
  return `${t(`reports.kind.${result.kind}`)}: ${result.files.map((f) => fileName(f.path)).join(', ')}`;
}
