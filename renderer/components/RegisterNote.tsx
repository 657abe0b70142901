import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { useRegisterName } from '../bridge/register-queries';
import { BridgeError } from '../bridge/api';
import { localized } from '../i18n';

/**
 * What Enhetsregisteret said about the number in a form (name, form, founding date, and the date of the answer),
 * or why it gave no name; a register that cannot be reached is a note, never a blocked form.
 */
export function RegisterNote({ lookup }: { lookup: ReturnType<typeof useRegisterName> }) {
  const { t, i18n } = useTranslation();
  if (lookup.pending) return <Paragraph data-size="xs">{t('register.looking')}</Paragraph>;
  const message = lookup.named
    ? lookup.named.ok
      ? lookup.named.note
      : lookup.named.reason
    : lookup.error instanceof BridgeError
      ? lookup.error.shape.message
      : null;
  if (!message) return null;
  return (
    <Paragraph data-size="xs" role="status" data-testid="register-note">
      {localized(message, i18n.language)}
    </Paragraph>
  );
}
