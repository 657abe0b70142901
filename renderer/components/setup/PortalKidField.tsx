import { Button, Details, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyView } from '../../../shared/domain/setup';
import { useSetPortalKid } from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';

/**
 * The kid Samarbeidsportalen lists for a key. A key pasted there as PEM is listed under a kid the portal makes up,
 * and the grant must name that one; the user copies it here from the portal.
 */
export function PortalKidField({ keyView }: { keyView: KeyView }) {
  const { t } = useTranslation();
  const save = useSetPortalKid();
  const [value, setValue] = useState(keyView.portalKid ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ kid: keyView.kid, portalKid: value.trim() === '' ? null : value.trim() });
  };
  return (
    <Details data-testid="portal-kid">
      <Details.Summary>
        {keyView.portalKid ? t('setup.key.portalKidShown', { kid: keyView.portalKid }) : t('setup.key.portalKidAsk')}
      </Details.Summary>
      <Details.Content>
        <form onSubmit={submit} className="stack" noValidate>
          <Textfield
            label={t('setup.key.portalKid')}
            description={t('setup.key.portalKidHelp')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid="portal-kid-input"
          />
          <div className="row">
            <Button type="submit" data-size="sm" loading={save.isPending} data-testid="portal-kid-save">
              {value.trim() === '' ? t('setup.key.portalKidClear') : t('setup.key.portalKidSave')}
            </Button>
          </div>
        </form>
        {save.error && <ErrorMessage error={save.error} />}
      </Details.Content>
    </Details>
  );
}
