import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useExportAudit, useVerifyAudit } from '../../bridge/outbox-queries';
import { ErrorMessage } from '../ErrorMessage';

/** The audit log: check that nothing in it was changed, and export it for the accounting records. */
export function AuditSection() {
  const { t } = useTranslation();
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
            {t('outbox.audit.ok', { count: result.entries })}
          </Alert>
        )}
        {result?.ok === false && (
          <Alert data-color="danger" data-testid="audit-result" data-ok="false">
            {t('outbox.audit.broken', { line: String(result.line), reason: result.reason })}
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
