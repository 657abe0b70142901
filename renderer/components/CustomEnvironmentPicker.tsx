import {
  Alert,
  Button,
  Checkbox,
  Field,
  Heading,
  Label,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { usePickCustomEnvironment } from '../bridge/queries';
import { ErrorMessage } from './ErrorMessage';
import { HostList } from './HostList';

/** What the form sends for a custom environment: main's pick id, and the hosts the user ticked to confirm. */
export interface CustomEnvironmentChoice {
  pickId: string;
  fileName: string;
  nonStandardHosts: string[];
  confirmed: boolean;
}

/**
 * The custom environment's file, chosen in main's native dialog (the page never sees or sends a path). Hosts
 * outside Altinn, Digdir, Maskinporten and Skatteetaten are listed and need an explicit tick.
 */
export function CustomEnvironmentPicker({
  choice,
  onChange,
  showMissing,
}: {
  choice: CustomEnvironmentChoice | null;
  onChange: (choice: CustomEnvironmentChoice | null) => void;
  showMissing: boolean;
}) {
  const { t } = useTranslation();
  const pick = usePickCustomEnvironment();
  const choose = () =>
    pick.mutate(undefined, {
      onSuccess: (picked) => {
        if (!picked.cancelled) onChange({ ...picked, confirmed: false });
      },
    });

  return (
    <Field>
      <Label>{t('profile.customFile')}</Label>
      <Field.Description>{t('profile.customFileHelp')}</Field.Description>
      <div className="row">
        <Button type="button" variant="secondary" onClick={choose} loading={pick.isPending} data-testid="pick-env-file">
          {t('profile.customFilePick')}
        </Button>
        {choice && (
          <Paragraph data-testid="env-file-name">{t('profile.customFileChosen', { name: choice.fileName })}</Paragraph>
        )}
      </div>
      {pick.error && <ErrorMessage error={pick.error} />}
      {showMissing && !choice && <ValidationMessage>{t('profile.customFileMissing')}</ValidationMessage>}
      {choice && choice.nonStandardHosts.length > 0 && (
        <Alert data-color="warning" data-testid="env-hosts">
          <Heading level={3} data-size="xs">
            {t('profile.customHostsTitle')}
          </Heading>
          <Paragraph>{t('profile.customHostsBody')}</Paragraph>
          <HostList hosts={choice.nonStandardHosts} />
          <Checkbox
            label={t('profile.customHostsConfirm')}
            checked={choice.confirmed}
            onChange={(e) => onChange({ ...choice, confirmed: e.target.checked })}
            data-testid="env-hosts-confirm"
          />
          {showMissing && !choice.confirmed && <ValidationMessage>{t('profile.customHostsMissing')}</ValidationMessage>}
        </Alert>
      )}
    </Field>
  );
}
