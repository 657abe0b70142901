import type { ReactNode, Ref } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { DraftDetail } from '../../../shared/reports/report-views';
import { CheckResultView, useResultTitle } from './CheckResultView';
import { formatDateTime } from '../../../shared/format';

export interface DraftViewProps {
  draft: DraftDetail;
  onRecheck(): void;
  onCheckSource(): void;
  onClose(): void;
  busy: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
  /** "Send" for an error-free draft (the outbox's), first among the actions. */
  sendAction?: ReactNode;
}

/** An opened draft: its saved check, whether the file it came from has moved on, and what can be done. */
export function DraftView({ draft, onRecheck, onCheckSource, onClose, busy, headingRef, sendAction }: DraftViewProps) {
  const { t, i18n } = useTranslation();
  const title = t('reports.draftTitle', { title: useResultTitle(draft.result) });
  const changed = draft.sourceStatus === 'changed' || draft.sourceStatus === 'missing';
  return (
    <CheckResultView
      result={draft.result}
      title={title}
      {...(headingRef ? { headingRef } : {})}
      notes={
        <>
          <Paragraph data-size="sm">
            {t('reports.draftDates', {
              saved: formatDateTime(draft.savedAt, i18n.language),
              checked: formatDateTime(draft.checkedAt, i18n.language),
            })}
          </Paragraph>
          {changed && (
            <Alert data-color="warning" data-testid="draft-source-alert">
              <Paragraph>
                {t(draft.sourceStatus === 'changed' ? 'reports.sourceChangedAlert' : 'reports.sourceMissingAlert')}
              </Paragraph>
            </Alert>
          )}
          {draft.sourceStatus === 'not-tracked' && <Paragraph data-size="sm">{t('reports.notTrackedNote')}</Paragraph>}
        </>
      }
      actions={
        <>
          {sendAction}
          {/* A draft with errors has no send button: checking again after the fix is the next step. */}
          <Button
            variant={draft.result.valid ? 'secondary' : 'primary'}
            onClick={onRecheck}
            disabled={busy}
            data-testid="recheck-draft"
          >
            {t('reports.recheck')}
          </Button>
          {draft.sourceStatus === 'changed' && (
            <Button variant="secondary" onClick={onCheckSource} disabled={busy} data-testid="check-source">
              {t('reports.checkSource')}
            </Button>
          )}
          <Button variant="tertiary" onClick={onClose}>
            {t('reports.close')}
          </Button>
        </>
      }
    />
  );
}
