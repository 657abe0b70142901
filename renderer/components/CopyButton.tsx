import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useCopyToClipboard } from '../bridge/queries';

/**
 * "Kopier" beside a value a bookkeeper pastes into the bank or the payroll system. `value` is what is copied (the
 * bare digits, for a bank's input field); `label` names it for screen readers ("Kopier KID for forskuddstrekk").
 */
export function CopyButton({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  const copy = useCopyToClipboard();
  return (
    <Button variant="tertiary" data-size="sm" onClick={() => copy.mutate(value)} data-testid={testId}>
      {copy.isSuccess ? t('common.copied') : t('common.copy')}
      <span className="visually-hidden"> {label}</span>
    </Button>
  );
}
