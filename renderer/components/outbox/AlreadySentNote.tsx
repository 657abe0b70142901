import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { AlreadySent } from '../../../shared/outbox/duplicate-key';
import { formatDateTime } from '../../../shared/format';

/**
 * "Already sent on …, receipt …" (or "already in the outbox"): shown in place of "ready to submit" on a check
 * result and on the send confirmation when the profile's outbox already holds the report (duplicate-key.ts). It
 * stands on that very report, so the outbox's stored label (an ISO month, a raw meldingsId or org number, in bokmål
 * whatever the language) is left to the outbox's technical details.
 */
export function AlreadySentNote({ held, headingLevel = 3 }: { held: AlreadySent; headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const received = held.state === 'received';
  const receipt = held.receipt?.forsendelseId ?? held.receipt?.bestillingsreferanse ?? held.receipt?.dialogId ?? '';
  const values = {
    date: formatDateTime(held.at, i18n.language),
    receipt,
    state: t(`outbox.state.${held.state}`),
  };
  return (
    <Alert data-color={received ? 'info' : 'warning'} data-testid="already-sent" data-state={held.state}>
      <Heading level={headingLevel} data-size="xs">
        {t(received ? 'outbox.send.alreadyReceivedTitle' : 'outbox.send.alreadyOnItsWayTitle')}
      </Heading>
      <Paragraph>
        {t(received ? 'outbox.send.alreadyReceivedBody' : 'outbox.send.alreadyOnItsWayBody', values)}{' '}
        <RouterLink to="/outbox">{t('outbox.send.toOutbox')}</RouterLink>
      </Paragraph>
    </Alert>
  );
}
