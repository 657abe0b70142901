import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bridge, unwrap } from '../../bridge/api';
import { ErrorMessage } from '../ErrorMessage';

/**
 * A received submission's receipt, printed or saved as PDF. Main makes the receipt from its own record, so the
 * page only names the submission; `label` tells a screen reader which submission's receipt each button is for.
 */
export function ReceiptActions({ submissionId, label }: { submissionId: string; label: string }) {
  const { t } = useTranslation();
  const save = useMutation({ mutationFn: () => unwrap(bridge().receipt.savePdf({ id: submissionId })) });
  const print = useMutation({ mutationFn: () => unwrap(bridge().receipt.print({ id: submissionId })) });
  return (
    <div className="stack" data-testid="receipt-actions">
      <div className="row">
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => save.mutate()}
          loading={save.isPending}
          data-testid="receipt-pdf"
        >
          {t('receipt.savePdf')}
          <span className="visually-hidden">: {label}</span>
        </Button>
        <Button
          variant="tertiary"
          data-size="sm"
          onClick={() => print.mutate()}
          loading={print.isPending}
          data-testid="receipt-print"
        >
          {t('receipt.print')}
          <span className="visually-hidden">: {label}</span>
        </Button>
      </div>
      {save.data?.path && (
        <Paragraph data-size="sm" role="status" data-testid="receipt-saved">
          {t('receipt.saved', { path: save.data.path })}
        </Paragraph>
      )}
      {print.data?.printed && (
        <Paragraph data-size="sm" role="status">
          {t('receipt.printed')}
        </Paragraph>
      )}
      {save.error && <ErrorMessage error={save.error} />}
      {print.error && <ErrorMessage error={print.error} />}
    </div>
  );
}
