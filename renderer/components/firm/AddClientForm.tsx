import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useAddClient } from '../../bridge/firm-queries';
import { ErrorMessage } from '../ErrorMessage';

/** Adds a client by org number and name; main checks the number and names the client in any refusal. */
export function AddClientForm() {
  const { t } = useTranslation();
  const add = useAddClient();
  const [orgNumber, setOrgNumber] = useState('');
  const [name, setName] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    add.mutate(
      { orgNumber, name },
      {
        onSuccess: () => {
          setAdded(name);
          setOrgNumber('');
          setName('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="add-client-title">
      <Heading level={2} data-size="sm" id="add-client-title">
        {t('firm.addTitle')}
      </Heading>
      <div className="row">
        <Textfield
          label={t('firm.orgNumber')}
          inputMode="numeric"
          autoComplete="off"
          value={orgNumber}
          onChange={(e) => setOrgNumber(e.target.value)}
          data-testid="client-org"
        />
        <Textfield
          label={t('firm.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="client-name"
        />
      </div>
      <div className="row">
        <Button type="submit" loading={add.isPending} data-testid="add-client">
          {t('firm.add')}
        </Button>
      </div>
      {added && <Paragraph role="status">{t('firm.added', { name: added })}</Paragraph>}
      {add.error && <ErrorMessage error={add.error} />}
    </form>
  );
}
