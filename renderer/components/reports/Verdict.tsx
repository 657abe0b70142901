import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../shared/reports/check-result';
import { AlreadySentNote } from '../outbox/AlreadySentNote';

/** The answer the accountant came for, first and in words: can this be sent, or what must happen first. */
export function Verdict({ result, headingLevel = 3 }: { result: CheckResult; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  // A report the outbox already holds has nothing to send: that is the answer, not "ready to submit".
  if (result.alreadySent && result.kind !== 'unreadable') {
    return (
      <div className="stack" data-testid="verdict" data-valid={result.valid}>
        <AlreadySentNote held={result.alreadySent} headingLevel={headingLevel} />
        {errors > 0 && (
          <Paragraph data-size="sm">
            {t('reports.verdict.counts', { errors: String(errors), warnings: String(warnings) })}
          </Paragraph>
        )}
      </div>
    );
  }
  const [color, title, body] =
    result.kind === 'unreadable'
      ? (['danger', 'reports.verdict.unreadable', 'reports.verdict.unreadableBody'] as const)
      : result.valid
        ? (['success', 'reports.verdict.ready', 'reports.verdict.readyBody'] as const)
        : (['danger', 'reports.verdict.errors', 'reports.verdict.errorsBody'] as const);
  return (
    <Alert data-color={color} data-testid="verdict" data-valid={result.valid}>
      <Heading level={headingLevel} data-size="xs">
        {t(title)}
      </Heading>
      <Paragraph>{t(body)}</Paragraph>
      <Paragraph data-size="sm">
        {t('reports.verdict.counts', { errors: String(errors), warnings: String(warnings) })}
      </Paragraph>
    </Alert>
  );
}
