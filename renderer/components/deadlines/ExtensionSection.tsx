import { Button, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { DeadlinesOverview } from '../../../shared/deadlines/deadline-views';
import type { ServiceId } from '../../../shared/domain/services-catalogue';
import { useOpenExtensionForm } from '../../bridge/deadlines-queries';
import { localized } from '../../i18n';
import { ErrorMessage } from '../ErrorMessage';
import { serviceName } from './deadline-text';

/**
 * Søknad om utsatt frist, honestly: there is no API, the a-melding and RF-1086 have no extension, the third-party
 * schemes ask for contact, and RF-1113 (the skattemelding for clients) opens on skatteetaten.no.
 */
export function ExtensionSection({ overview }: { overview: DeadlinesOverview }) {
  const { t, i18n } = useTranslation();
  const open = useOpenExtensionForm();
  // One line per distinct rule among the listed services, not one per deadline.
  const perService = new Map<ServiceId, string>();
  for (const d of overview.deadlines) {
    if (!perService.has(d.service)) perService.set(d.service, localized(d.extension.why, i18n.language));
  }
  const form = overview.extensionForm;
  return (
    <section className="stack" aria-labelledby="deadline-extension-title" data-testid="deadline-extension">
      <Heading level={2} data-size="sm" id="deadline-extension-title">
        {t('deadlines.extensionTitle')}
      </Heading>
      <Paragraph>{t('deadlines.extensionIntro')}</Paragraph>
      <List.Unordered>
        {[...perService].map(([service, why]) => (
          <List.Item key={service}>
            <strong>{serviceName({ service }, i18n.language)}:</strong> {why}
          </List.Item>
        ))}
        <List.Item>
          <strong>{localized(form.name, i18n.language)}:</strong> {localized(form.why, i18n.language)}
        </List.Item>
      </List.Unordered>
      <div className="row">
        <Button
          variant="secondary"
          onClick={() => open.mutate()}
          loading={open.isPending}
          data-testid="open-extension-form"
        >
          {t('deadlines.extensionOpen', { form: form.form })}
        </Button>
      </div>
      {open.isSuccess && (
        <Paragraph data-size="sm" role="status">
          {t('deadlines.extensionOpened')}
        </Paragraph>
      )}
      {open.error && <ErrorMessage error={open.error} />}
    </section>
  );
}
