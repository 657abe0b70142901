import { useState, type FormEvent } from 'react';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useSetWarnDays } from '../../bridge/deadlines-queries';
import { ErrorMessage } from '../ErrorMessage';

/** How many days ahead a deadline not yet filed is "soon" and raises an OS notification. */
export function WarnDaysForm({ warnDays }: { warnDays: number }) {
  const { t } = useTranslation();
  const save = useSetWarnDays();
  const [value, setValue] = useState(String(warnDays));
  const days = Number(value);
  const valid = /^\d{1,2}$/.test(value.trim()) && days >= 0 && days <= 60;
  const [touched, setTouched] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (valid) save.mutate(days);
  };
  return (
    <form onSubmit={submit} className="stack deadline-warn" noValidate>
      <Textfield
        label={t('deadlines.warnDays')}
        description={t('deadlines.warnDaysHelp')}
        value={value}
        inputMode="numeric"
        onChange={(e) => setValue(e.target.value)}
        error={touched && !valid ? t('deadlines.warnDaysInvalid') : undefined}
        data-testid="warn-days"
      />
      <div className="row">
        <Button type="submit" variant="secondary" loading={save.isPending} data-testid="save-warn-days">
          {t('deadlines.warnSave')}
        </Button>
      </div>
      {save.isSuccess && (
        <Paragraph data-size="sm" role="status">
          {t('deadlines.warnSaved', { count: save.data.warnDays })}
        </Paragraph>
      )}
      {save.error && <ErrorMessage error={save.error} />}
    </form>
  );
}
