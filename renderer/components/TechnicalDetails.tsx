import type { ReactNode } from 'react';
import { Details } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/**
 * Ids, scopes, keys, URLs, hashes and codes: what support asks for, not what the owner reads. Every page keeps them
 * here, closed, under the same label, so the page itself can speak plainly.
 */
export function TechnicalDetails({ children, testId }: { children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Details data-testid={testId}>
      <Details.Summary>{t('common.technicalDetails')}</Details.Summary>
      <Details.Content>{children}</Details.Content>
    </Details>
  );
}
