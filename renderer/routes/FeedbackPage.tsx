import { useEffect } from 'react';
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  useFeedbackItem,
  useFeedbackList,
  useFeedbackStatus,
  useMarkFeedbackRead,
  useSyncFeedback,
} from '../bridge/feedback-queries';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { FeedbackDetail } from '../components/feedback/FeedbackDetail';
import { FeedbackList } from '../components/feedback/FeedbackList';
import { FeedbackSyncStatus } from '../components/feedback/FeedbackSyncStatus';
import { localized } from '../i18n';
import '../components/feedback/feedback.css';

/** Skatteetaten's feedback for the active profile: the list, one opened item (`?item=<dialog id>`), the polling. */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const dialogId = params.get('item');
  const status = useFeedbackStatus();
  const ready = status.data?.state === 'ready' ? status.data : null;
  const list = useFeedbackList(ready !== null);
  const item = useFeedbackItem(ready ? dialogId : null);
  const sync = useSyncFeedback();
  const markRead = useMarkFeedbackRead();

  // Opening an item is reading it: the badge goes down.
  const opened = item.data?.summary;
  const { mutate: markAsRead } = markRead;
  useEffect(() => {
    if (opened?.unread) markAsRead(opened.dialogId);
  }, [opened?.dialogId, opened?.unread, markAsRead]);

  const open = (id: string) => setParams({ item: id });
  const back = () => setParams({});

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('feedback.title')}
      </Heading>
      {status.isPending && <Spinner aria-label={t('app.loading')} />}
      {status.error && <ErrorMessage error={status.error} />}
      {status.data?.state === 'not-ready' && (
        <Alert data-color="info" data-testid="feedback-not-ready">
          <Heading level={2} data-size="xs">
            {t('feedback.notReadyTitle')}
          </Heading>
          <Paragraph>{localized(status.data.message, i18n.language)}</Paragraph>
          {status.data.reason === 'setup-incomplete' && (
            <Button variant="secondary" data-size="sm" onClick={() => void navigate('/setup')}>
              {t('feedback.openSetup')}
            </Button>
          )}
        </Alert>
      )}
      {ready && (
        <div className="feedback-layout">
          <div className="stack">
            {sync.error && <ErrorMessage error={sync.error} />}
            {dialogId ? (
              <>
                {item.isPending && <Spinner aria-label={t('app.loading')} />}
                {item.error && <ErrorMessage error={item.error} />}
                {item.data && <FeedbackDetail item={item.data} onBack={back} />}
              </>
            ) : (
              <>
                {list.isPending && <Spinner aria-label={t('app.loading')} />}
                {list.error && <ErrorMessage error={list.error} />}
                {list.data && list.data.items.length === 0 && (
                  <EmptyState title={t('feedback.emptyTitle')}>{t('feedback.emptyBody')}</EmptyState>
                )}
                {list.data && list.data.items.length > 0 && (
                  <>
                    <Heading level={2} data-size="sm">
                      {t('feedback.listTitle')}
                    </Heading>
                    <FeedbackList items={list.data.items} onOpen={open} />
                  </>
                )}
              </>
            )}
          </div>
          <FeedbackSyncStatus status={ready} onSyncNow={() => sync.mutate()} syncing={sync.isPending} />
        </div>
      )}
    </div>
  );
}
