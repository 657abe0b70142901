import { useState } from 'react';
import {
  Alert,
  Button,
  Details,
  Fieldset,
  Paragraph,
  Radio,
  Spinner,
  Textarea,
  Textfield,
  Field,
  Label,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SetupOverview } from '../../../shared/domain/setup';
import { useGenerateKey, useImportKeyFile, useImportKeyText, useKeychainCheck } from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';
import { localized } from '../../i18n';
import { KeyTable } from './KeyTable';

/** Step 1: the keychain works, then a key is generated or imported; its public half is copied or saved. */
export function KeyStep({ overview }: { overview: SetupOverview }) {
  const { t, i18n } = useTranslation();
  const keychain = useKeychainCheck();
  const generate = useGenerateKey();
  const live = overview.keys.filter((k) => k.status !== 'retired');
  return (
    <div className="stack">
      <Paragraph>{t('setup.key.intro')}</Paragraph>
      {keychain.isPending && <Spinner aria-label={t('setup.key.checkingKeychain')} data-size="sm" />}
      {keychain.isSuccess && (
        <Paragraph data-size="sm" data-testid="keychain-ok">
          ✓ {t('setup.key.keychainOk')}
        </Paragraph>
      )}
      {keychain.error && <ErrorMessage error={keychain.error} />}
      {overview.keyWarnings.map((w) => (
        <Alert key={`${w.kind}-${w.kid ?? ''}`} data-color="warning">
          {localized(w.message, i18n.language)}
        </Alert>
      ))}
      {live.length > 0 && <KeyTable overview={overview} />}
      <div className="row">
        <Button
          variant={live.length === 0 ? 'primary' : 'secondary'}
          onClick={() => generate.mutate(undefined)}
          loading={generate.isPending}
          disabled={!keychain.isSuccess}
          data-testid="generate-key"
        >
          {live.length === 0 ? t('setup.key.generate') : t('setup.key.generateAnother')}
        </Button>
      </div>
      {live.length > 0 && <Paragraph data-size="sm">{t('setup.key.rotationHelp')}</Paragraph>}
      {generate.error && <ErrorMessage error={generate.error} />}
      <ImportKey disabled={!keychain.isSuccess} />
    </div>
  );
}

function ImportKey({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'key' | 'certificate' | 'pkcs12'>('key');
  const [text, setText] = useState('');
  const [chain, setChain] = useState('');
  const [certKey, setCertKey] = useState('');
  const [password, setPassword] = useState('');
  const importText = useImportKeyText();
  const importFile = useImportKeyFile();
  const error = importText.error ?? importFile.error;
  const submit = () => {
    if (kind === 'pkcs12') return;
    importText.mutate(kind === 'key' ? { kind, text } : { kind, chainPem: chain, keyPem: certKey }, {
      // The pasted private key leaves the page's memory as soon as main has it.
      onSuccess: () => {
        setText('');
        setCertKey('');
      },
    });
  };
  // The password goes to main with the file choice, once, and is forgotten here whatever the outcome.
  const pickFile = () =>
    importFile.mutate(kind === 'pkcs12' ? { kind, password } : { kind }, {
      onSettled: () => setPassword(''),
    });
  const ready = kind === 'key' ? text.trim() !== '' : chain.trim() !== '' && certKey.trim() !== '';
  return (
    <Details>
      <Details.Summary>{t('setup.key.importTitle')}</Details.Summary>
      <Details.Content>
        <div className="stack">
          <Fieldset>
            <Fieldset.Legend>{t('setup.key.importKind')}</Fieldset.Legend>
            <Radio
              label={t('setup.key.importKey')}
              name="import-kind"
              value="key"
              checked={kind === 'key'}
              onChange={() => setKind('key')}
            />
            <Radio
              label={t('setup.key.importCertificate')}
              name="import-kind"
              value="certificate"
              checked={kind === 'certificate'}
              onChange={() => setKind('certificate')}
            />
            <Radio
              label={t('setup.key.importPkcs12')}
              name="import-kind"
              value="pkcs12"
              checked={kind === 'pkcs12'}
              onChange={() => setKind('pkcs12')}
            />
          </Fieldset>
          {kind === 'pkcs12' ? (
            <Textfield
              label={t('setup.key.pkcs12Password')}
              description={t('setup.key.pkcs12PasswordHelp')}
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="pkcs12-password"
            />
          ) : kind === 'key' ? (
            <Field>
              <Label>{t('setup.key.pasteKey')}</Label>
              <Field.Description>{t('setup.key.pasteKeyHelp')}</Field.Description>
              <Textarea
                rows={5}
                value={text}
                onChange={(e) => setText(e.target.value)}
                spellCheck={false}
                autoComplete="off"
              />
            </Field>
          ) : (
            <>
              <Field>
                <Label>{t('setup.key.pasteChain')}</Label>
                <Field.Description>{t('setup.key.pasteChainHelp')}</Field.Description>
                <Textarea rows={4} value={chain} onChange={(e) => setChain(e.target.value)} spellCheck={false} />
              </Field>
              <Field>
                <Label>{t('setup.key.pasteCertKey')}</Label>
                <Textarea
                  rows={4}
                  value={certKey}
                  onChange={(e) => setCertKey(e.target.value)}
                  spellCheck={false}
                  autoComplete="off"
                />
              </Field>
              <Paragraph data-size="sm">{t('setup.key.pkcs12Help')}</Paragraph>
            </>
          )}
          <div className="row">
            {kind !== 'pkcs12' && (
              <Button
                onClick={submit}
                disabled={disabled || !ready}
                loading={importText.isPending}
                data-testid="import-pasted"
              >
                {t('setup.key.importPasted')}
              </Button>
            )}
            <Button
              variant={kind === 'pkcs12' ? 'primary' : 'secondary'}
              onClick={pickFile}
              disabled={disabled || (kind === 'pkcs12' && password === '')}
              loading={importFile.isPending}
              data-testid="import-file"
            >
              {kind === 'pkcs12' ? t('setup.key.importPkcs12File') : t('setup.key.importFile')}
            </Button>
          </div>
          {error && <ErrorMessage error={error} />}
        </div>
      </Details.Content>
    </Details>
  );
}
