import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useExportAudit, useVerifyAudit } from '../../bridge/outbox-queries';
import { localized } from '../../i18n';
import { ErrorMessage } from '../ErrorMessage';

/** The audit log: check that nothing in it was changed, and export it for the accounting records. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const verify = useVerifyAudit();
  const exportLog = useExportAudit();
  const result = verify.data;
  return (
    <section className="stack" aria-labelledby="audit-title" data-testid="audit-section">
      <Heading level={2} data-size="md" id="audit-title">
        {t('outbox.audit.title')}
      </Heading>
      <Paragraph>{t('outbox.audit.intro')}</Paragraph>
      <div className="row">
        <Button
          variant="secondary"
          onClick={() => verify.mutate()}
          loading={verify.isPending}
          data-testid="audit-verify"
        >
          {t('outbox.audit.verify')}
        </Button>
        <Button variant="secondary" onClick={() => exportLog.mutate('csv')} disabled={exportLog.isPending}>
          {t('outbox.audit.exportCsv')}
        </Button>
        <Button variant="secondary" onClick={() => exportLog.mutate('json')} disabled={exportLog.isPending}>
          {t('outbox.audit.exportJson')}
        </Button>
      </div>
      <div aria-live="polite">
        {result?.ok === true && (
          <Alert data-color="success" data-testid="audit-result" data-ok="true">
            <Paragraph>{t('outbox.audit.ok', { count: result.entries })}</Paragraph>
            {result.notes.map((note) => (
              <Paragraph key={note.en} data-testid="audit-note">
                {localized(note, i18n.language)}
              </Paragraph>
            ))}
          </Alert>
        )}
        {result?.ok === false && (
          <Alert data-color="danger" data-testid="audit-result" data-ok="false">
            <Paragraph>{t('outbox.audit.broken', { count: result.findings.length })}</Paragraph>
            <ul>
              {result.findings.map((finding, index) => (
                <li key={index} data-testid="audit-finding" data-code={finding.code}>
                  {finding.line === null
                    ? t('outbox.audit.findingInFile', { reason: localized(finding.reason, i18n.language) })
                    : t('outbox.audit.findingAtLine', {
                        line: String(finding.line),
                        reason: localized(finding.reason, i18n.language),
                      })}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {exportLog.data && (
          <Paragraph data-testid="audit-exported">
            {exportLog.data.path
              ? t('outbox.audit.exported', { path: exportLog.data.path })
              : t('outbox.audit.exportCancelled')}
          </Paragraph>
        )}
      </div>
      {verify.error && <ErrorMessage error={verify.error} />}
      {exportLog.error && <ErrorMessage error={exportLog.error} />}
    </section>
  );
}
