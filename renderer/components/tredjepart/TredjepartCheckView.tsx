import type { ReactNode, Ref } from 'react';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { TredjepartCheckResult } from '../../../shared/tredjepart/check-result';
import { schemeById } from '../../../shared/tredjepart/schemes';
import { localized } from '../../i18n';
import { AlreadySentNote } from '../outbox/AlreadySentNote';
import { FactList, type Fact } from '../reports/FactList';
import { FindingsList } from '../reports/FindingsList';
import { formatCount, formatKroner, formatOrgNumber } from '../../../shared/format';
import { fileName } from '../reports/format';

/** One checked tredjepart file: the verdict first, then what it holds, then every finding with its path. */
export function TredjepartCheckView({
  result,
  actions,
  headingRef,
}: {
  result: TredjepartCheckResult;
  actions?: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const scheme = schemeById(result.scheme);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const summary = result.summary;
  const facts: Fact[] = summary
    ? (
        [
          [t('tredjepart.fact.scheme'), localized(scheme.title, lang)],
          [t('tredjepart.fact.format'), t(`tredjepart.format.${result.format}`)],
          [t('tredjepart.fact.inntektsaar'), summary.inntektsaar],
          [t('tredjepart.fact.oppgavegiver'), summary.oppgavegiver ? formatOrgNumber(summary.oppgavegiver) : null],
          [t('tredjepart.fact.kontakt'), summary.kontakt],
          [t('tredjepart.fact.referanse'), summary.oppgavegiversLeveranseReferanse],
          [t('tredjepart.fact.leveranser'), formatCount(summary.leveranser, lang)],
          [t('tredjepart.fact.oppgaver'), formatCount(summary.antallOppgaver, lang)],
          ...summary.sums.map((s) => [localized(s.label, lang), formatKroner(s.value, lang)] as [string, string]),
        ] as [string, string | null][]
      ).filter((f): f is [string, string] => f[1] !== null)
    : [];
  return (
    <section className="stack reports-result" data-testid="tredjepart-result" data-valid={result.valid}>
      <Heading level={2} data-size="sm" tabIndex={-1} ref={headingRef}>
        {t('tredjepart.resultTitle', {
          scheme: localized(scheme.title, lang),
          file: result.files.map((f) => fileName(f.path)).join(', '),
        })}
      </Heading>
      {result.alreadySent ? (
        // Already sent (or on its way): nothing to send, whatever else the check says.
        <AlreadySentNote held={result.alreadySent} />
      ) : (
        <Alert data-color={result.valid ? 'success' : 'danger'} data-testid="tredjepart-verdict">
          <Heading level={3} data-size="xs">
            {t(result.valid ? 'reports.verdict.ready' : 'reports.verdict.errors')}
          </Heading>
          <Paragraph>{t(result.valid ? 'reports.verdict.readyBody' : 'tredjepart.errorsBody')}</Paragraph>
          <Paragraph data-size="sm">
            {t('reports.verdict.counts', { errors: String(errors), warnings: String(warnings) })}
          </Paragraph>
        </Alert>
      )}
      {/* As on Rapporter: what to fix comes first, then what to do, then what the file holds. */}
      <FindingsList findings={result.findings} />
      {actions}
      {facts.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('tredjepart.summaryTitle')}
          </Heading>
          <FactList testId="tredjepart-summary" facts={facts} />
        </>
      )}
      {scheme.unconfirmed && (
        <Paragraph data-size="sm" className="reports-muted">
          {t('tredjepart.unconfirmed')}
        </Paragraph>
      )}
    </section>
  );
}
