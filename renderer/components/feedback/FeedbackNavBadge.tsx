import { Badge } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFeedbackStatus } from '../../bridge/feedback-queries';
import './feedback.css';

/** The unread count on the "Tilbakemeldinger" menu item; read out as words, shown as a number. */
export function FeedbackNavBadge() {
  const { t } = useTranslation();
  const status = useFeedbackStatus();
  const unread = status.data?.state === 'ready' ? status.data.unread : 0;
  if (unread === 0) return null;
  return (
    <span className="nav-badge" data-testid="feedback-badge" data-count={unread}>
      <Badge count={unread} maxCount={99} data-color="danger" aria-hidden="true" />
      <span className="visually-hidden">{t('feedback.navUnread', { count: unread })}</span>
    </span>
  );
}
