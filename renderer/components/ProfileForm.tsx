import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Fieldset, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useCreateProfile } from '../bridge/queries';
import { isValidOrgNumber, normaliseOrgNumber } from '../../shared/domain/org-number';
import { EnvironmentNameSchema, type EnvironmentName } from '../../shared/domain/profile';
import { ErrorMessage } from './ErrorMessage';
import { RegisterNote } from './RegisterNote';
import { useRegisterName } from '../bridge/register-queries';
import { CustomEnvironmentPicker, type CustomEnvironmentChoice } from './CustomEnvironmentPicker';
import { ProfileKindFields, profileKindInput, type ProfileKindChoice } from './firm/ProfileKindFields';

/** A synthetic organisation for trying the sandbox: valid MOD11, used in Skatteetaten's test data. */
export const PRACTICE_ORG_NUMBER = '314768949';

export interface ProfileFormProps {
  onCreated?: (name: string) => void;
  /** An organisation to set up, prefilled (files routed for it had no profile here); the field gets the focus. */
  initialOrgNumber?: string;
}

export function ProfileForm({ onCreated, initialOrgNumber }: ProfileFormProps) {
  const { t } = useTranslation();
  const create = useCreateProfile();
  const [orgNumber, setOrgNumber] = useState(initialOrgNumber ?? '');
  const orgField = useRef<HTMLInputElement>(null);
  // The form is last on Oppsett, under the wizard and the profile list: brought into view when it was asked for.
  useEffect(() => {
    if (initialOrgNumber) orgField.current?.focus();
  }, [initialOrgNumber]);
  const [displayName, setDisplayName] = useState('');
  const [environment, setEnvironment] = useState<EnvironmentName>('sandbox');
  const [custom, setCustom] = useState<CustomEnvironmentChoice | null>(null);
  const [touched, setTouched] = useState(false);
  const [kind, setKind] = useState<ProfileKindChoice>({ kind: 'business', reportsOrg: '' });
  const register = useRegisterName(orgNumber, displayName, setDisplayName, environment);

  const orgValid = isValidOrgNumber(normaliseOrgNumber(orgNumber));
  const nameValid = displayName.trim().length > 0;
  const customValid =
    environment !== 'custom' || (custom !== null && (custom.nonStandardHosts.length === 0 || custom.confirmed));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!orgValid || !nameValid || !customValid) return;
    create.mutate(
      {
        orgNumber,
        displayName,
        environment,
        ...profileKindInput(kind, environment),
        ...(environment === 'custom' && custom
          ? {
              customEnvironmentPick: custom.pickId,
              ...(custom.nonStandardHosts.length ? { confirmHosts: custom.nonStandardHosts } : {}),
            }
          : {}),
      },
      {
        onSuccess: (p) => {
          setOrgNumber('');
          setDisplayName('');
          setCustom(null);
          setKind({ kind: 'business', reportsOrg: '' });
          setTouched(false);
          onCreated?.(p.displayName);
        },
      },
    );
  };

  const tryDemo = () =>
    create.mutate(
      { orgNumber: PRACTICE_ORG_NUMBER, displayName: t('profile.demoName'), environment: 'sandbox' },
      { onSuccess: (p) => onCreated?.(p.displayName) },
    );

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="profile-form-title">
      <Heading level={2} data-size="sm" id="profile-form-title">
        {t('profile.addTitle')}
      </Heading>
      <Textfield
        label={t('profile.orgNumber')}
        description={t('profile.orgNumberHelp')}
        inputMode="numeric"
        autoComplete="off"
        value={orgNumber}
        onChange={(e) => setOrgNumber(e.target.value)}
        onBlur={() => setTouched(true)}
        error={touched && !orgValid ? t('profile.orgNumberInvalid') : undefined}
        data-testid="org-number"
        ref={orgField}
      />
      <RegisterNote lookup={register} />
      <Textfield
        label={t('profile.displayName')}
        description={t('profile.displayNameHelp')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={touched && !nameValid ? t('profile.displayNameMissing') : undefined}
        data-testid="display-name"
      />
      <Fieldset>
        <Field>
          <Label>{t('profile.environment')}</Label>
          <Field.Description>{t('profile.environmentHelp')}</Field.Description>
          <Select
            value={environment}
            onChange={(e) => setEnvironment(EnvironmentNameSchema.parse(e.target.value))}
            data-testid="environment"
          >
            {EnvironmentNameSchema.options.map((env) => (
              <Select.Option key={env} value={env}>
                {t(`env.${env}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {environment === 'custom' && (
          <CustomEnvironmentPicker choice={custom} onChange={setCustom} showMissing={touched} />
        )}
      </Fieldset>
      <ProfileKindFields value={kind} onChange={setKind} environment={environment} />
      {create.error && <ErrorMessage error={create.error} />}
      <div className="row">
        <Button type="submit" loading={create.isPending} data-testid="save-profile">
          {t('profile.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={tryDemo} disabled={create.isPending} data-testid="try-demo">
          {t('profile.tryDemo')}
        </Button>
      </div>
    </form>
  );
}
