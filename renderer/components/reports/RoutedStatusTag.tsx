import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/reports/finding';
import type { Submission } from '../../../shared/outbox/submission';

export interface RoutedStatus {
  /** Null while a tredjepart file waits for the user to choose its scheme. */
  findings: readonly Finding[] | null;
  valid: boolean;
  saved: boolean;
  /** Once sent: where its submission has got to in its profile's outbox. */
  sent?: Submission['state']['kind'] | undefined;
}

/** One routed file's status: to choose, its errors, ready, saved, then its submission's state as it goes. */
export function RoutedStatusTag({ findings, valid, saved, sent }: RoutedStatus) {
  const { t } = useTranslation();
  if (sent) {
    const color = sent === 'received' ? 'success' : sent === 'rejected' || sent === 'failed' ? 'danger' : 'info';
    // Queued reads as on the Reports page ("in the outbox"); from there on, as the Utboks says it.
    const label = sent === 'queued' ? t('reports.routing.status.queued') : t(`outbox.state.${sent}`);
    return <Tag data-color={color}>{label}</Tag>;
  }
  if (!findings) return <Tag data-color="warning">{t('reports.routing.status.choose')}</Tag>;
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (!valid) return <Tag data-color="danger">{t('reports.routing.status.errors', { count: errors })}</Tag>;
  return (
    <Tag data-color={saved ? 'info' : 'success'}>
      {t(saved ? 'reports.routing.status.saved' : 'reports.routing.status.ready')}
    </Tag>
  );
}
