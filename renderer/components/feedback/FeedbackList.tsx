import { Button, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FeedbackListItem, FeedbackOutcome } from '../../../shared/feedback/feedback-overview';
import { formatDateTime, formatMonth } from '../../../shared/format';
import { feedbackTitle, serviceLabel } from './service-label';

export const OUTCOME_COLOR: Record<FeedbackOutcome, 'success' | 'warning' | 'danger' | 'neutral' | 'info'> = {
  waiting: 'neutral',
  'document-pending': 'info',
  received: 'success',
  'received-with-deviations': 'warning',
  rejected: 'danger',
  approved: 'success',
  'approved-with-warnings': 'warning',
  unknown: 'neutral',
};

/** Every dialog with feedback, newest first: when, which service and period, how it went, and where it came from. */
export function FeedbackList({ items, onOpen }: { items: FeedbackListItem[]; onOpen: (dialogId: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table className="feedback-list" data-testid="feedback-list" zebra>
      <caption className="feedback-list__caption">{t('feedback.listCaption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('feedback.column.received')}</Table.HeaderCell>
          <Table.HeaderCell>{t('feedback.column.service')}</Table.HeaderCell>
          <Table.HeaderCell>{t('feedback.column.period')}</Table.HeaderCell>
          <Table.HeaderCell>{t('feedback.column.status')}</Table.HeaderCell>
          <Table.HeaderCell>{t('feedback.column.origin')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {items.map((item) => {
          const what = feedbackTitle(item, lang);
          return (
            <Table.Row
              key={item.dialogId}
              data-testid="feedback-row"
              data-dialog-id={item.dialogId}
              data-unread={item.unread}
            >
              <Table.Cell>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => onOpen(item.dialogId)}
                  aria-label={t('feedback.open', { what })}
                  className="feedback-list__open"
                >
                  {formatDateTime(item.receivedAt, lang)}
                </Button>
                {item.unread && (
                  <Tag data-color="accent" data-size="sm" data-testid="feedback-unread">
                    {t('feedback.unread')}
                  </Tag>
                )}
              </Table.Cell>
              <Table.Cell>{serviceLabel(item, lang)}</Table.Cell>
              <Table.Cell>{item.period ? formatMonth(item.period, lang) : '–'}</Table.Cell>
              <Table.Cell>
                <Tag
                  data-color={OUTCOME_COLOR[item.outcome]}
                  data-size="sm"
                  data-testid="feedback-outcome"
                  data-outcome={item.outcome}
                >
                  {t(`feedback.outcome.${item.outcome}`)}
                </Tag>
                {item.deviations > 0 && (
                  <span className="feedback-list__count">
                    {' '}
                    {t('feedback.deviationCount', { count: item.deviations })}
                  </span>
                )}
              </Table.Cell>
              <Table.Cell data-testid="feedback-origin">
                {item.link.kind === 'linked' ? t('feedback.linked') : t('feedback.madeElsewhere')}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
