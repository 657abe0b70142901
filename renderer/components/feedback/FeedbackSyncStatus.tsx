import { Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FeedbackStatus } from '../../../shared/feedback/feedback-overview';
import { localized } from '../../i18n';
import { FactList, type Fact } from '../reports/FactList';
import { formatDateTime } from '../../../shared/format';

type Ready = Extract<FeedbackStatus, { state: 'ready' }>;

/** How the fetching from Dialogporten goes: last and next poll, offline or paused, and "fetch now". */
export function FeedbackSyncStatus({
  status,
  onSyncNow,
  syncing,
}: {
  status: Ready;
  onSyncNow: () => void;
  syncing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { poller } = status;
  const busy = syncing || poller.state === 'syncing';
  return (
    <section
      className="feedback-sync"
      aria-labelledby="feedback-sync-heading"
      data-testid="feedback-sync"
      data-state={poller.state}
    >
      <Heading id="feedback-sync-heading" level={2} data-size="2xs">
        {t('feedback.syncTitle')}
      </Heading>
      <Paragraph data-size="sm" data-testid="feedback-sync-state" aria-live="polite">
        {t(`feedback.pollerState.${poller.state}`)}
      </Paragraph>
      <FactList
        facts={[
          [t('feedback.lastSync'), poller.lastSyncAt ? formatDateTime(poller.lastSyncAt, lang) : t('feedback.never')],
          [
            t('feedback.nextPoll'),
            poller.nextPollAt ? formatDateTime(poller.nextPollAt, lang) : t('feedback.notScheduled'),
          ],
          ...(status.source
            ? [
                [
                  t('feedback.source'),
                  <span key="source" data-testid="feedback-source" data-source={status.source.kind}>
                    {t(status.source.kind === 'events' ? 'feedback.sourceEvents' : 'feedback.sourceDialogporten')}
                  </span>,
                ] as Fact,
              ]
            : []),
        ]}
      />
      {status.source?.eventsRefused && (
        <Paragraph data-size="sm" data-testid="feedback-events-refused">
          {localized(status.source.eventsRefused, lang)}
        </Paragraph>
      )}
      {poller.lastError && (
        <Paragraph data-size="sm" className="feedback-sync__error" role="status">
          {localized(poller.lastError.message, lang)} <code>{poller.lastError.code}</code>
        </Paragraph>
      )}
      <Button variant="secondary" data-size="sm" onClick={onSyncNow} disabled={busy} data-testid="feedback-sync-now">
        {busy && <Spinner aria-hidden data-size="xs" />}
        {t('feedback.syncNow')}
      </Button>
    </section>
  );
}
