import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  BestillingstypeSchema,
  KontaktinformasjonSchema,
  VarslingstypeSchema,
  type Bestillingstype,
  type Varslingstype,
} from '../../../shared/skattekort/order';
import type { OrderInput } from '../../../shared/skattekort/skattekort-views';
import { ErrorMessage } from '../ErrorMessage';
import { formatOrgNumber } from '../../../shared/format';

interface OrderFormProps {
  /** The checked ids that can be ordered. */
  arbeidstakere: string[];
  employer: { displayName: string; orgNumber: string };
  pending: boolean;
  error: unknown;
  onOrder(input: OrderInput): void;
}

/** Income year, kind of order, notices and contact; then a confirmation that says exactly what is sent. */
export function OrderForm({ arbeidstakere, employer, pending, error, onOrder }: OrderFormProps) {
  const { t } = useTranslation();
  const [inntektsaar, setYear] = useState(String(new Date().getFullYear()));
  const [bestillingstype, setType] = useState<Bestillingstype>('HENT_ALLE_OPPGITTE');
  const [varslingstype, setNotice] = useState<Varslingstype>('VARSEL_VED_FOERSTE_ENDRING');
  const [epostadresse, setEmail] = useState('');
  const [mobil, setMobile] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const yearValid = /^20\d{2}$/.test(inntektsaar);
  const contact = KontaktinformasjonSchema.safeParse({
    epostadresse: epostadresse.trim(),
    ...(mobil.trim() ? { mobiltelefonummer: mobil.replace(/\s/g, '') } : {}),
  });
  const emailValid = KontaktinformasjonSchema.shape.epostadresse.safeParse(epostadresse.trim()).success;
  const persons = bestillingstype === 'HENT_KUN_ENDRING' ? [] : arbeidstakere;
  const nobody = bestillingstype === 'HENT_ALLE_OPPGITTE' && arbeidstakere.length === 0;
  const valid = yearValid && contact.success && !nobody;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (valid) setConfirming(true);
  };
  const input = (): OrderInput => ({
    inntektsaar,
    bestillingstype,
    varslingstype,
    kontaktinformasjon: contact.success ? contact.data : { epostadresse },
    arbeidstakere: persons,
  });

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="skattekort-order-title">
      <Heading level={2} data-size="sm" id="skattekort-order-title">
        {t('skattekort.order.title')}
      </Heading>
      <Fieldset>
        <Textfield
          label={t('skattekort.order.year')}
          inputMode="numeric"
          value={inntektsaar}
          onChange={(e) => setYear(e.target.value.trim())}
          error={touched && !yearValid ? t('skattekort.order.yearInvalid') : undefined}
          data-testid="order-year"
        />
        <Field>
          <Label>{t('skattekort.order.type')}</Label>
          <Select
            value={bestillingstype}
            onChange={(e) => setType(BestillingstypeSchema.parse(e.target.value))}
            data-testid="order-type"
          >
            {BestillingstypeSchema.options.map((o) => (
              <Select.Option key={o} value={o}>
                {t(`skattekort.order.types.${o}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('skattekort.order.notice')}</Label>
          <Select
            value={varslingstype}
            onChange={(e) => setNotice(VarslingstypeSchema.parse(e.target.value))}
            data-testid="order-notice"
          >
            {VarslingstypeSchema.options.map((o) => (
              <Select.Option key={o} value={o}>
                {t(`skattekort.order.notices.${o}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t('skattekort.order.email')}
          type="email"
          autoComplete="email"
          value={epostadresse}
          onChange={(e) => setEmail(e.target.value)}
          error={touched && !emailValid ? t('skattekort.order.emailInvalid') : undefined}
          data-testid="order-email"
        />
        <Textfield
          label={t('skattekort.order.mobile')}
          description={t('skattekort.order.mobileHelp')}
          type="tel"
          autoComplete="tel"
          value={mobil}
          onChange={(e) => setMobile(e.target.value)}
          error={touched && emailValid && !contact.success ? t('skattekort.order.mobileInvalid') : undefined}
          data-testid="order-mobile"
        />
      </Fieldset>
      {touched && nobody && <Alert data-color="warning">{t('skattekort.order.nobody')}</Alert>}
      {!confirming && (
        <div className="row">
          <Button type="submit" data-testid="order-review">
            {t('skattekort.order.review')}
          </Button>
        </div>
      )}
      {confirming && valid && (
        <Alert data-color="info" data-testid="order-confirm">
          <Heading level={3} data-size="xs">
            {t('skattekort.order.confirmTitle')}
          </Heading>
          <Paragraph>
            {bestillingstype === 'HENT_KUN_ENDRING'
              ? t('skattekort.order.confirmChanges', {
                  year: inntektsaar,
                  org: employer.displayName,
                  orgNumber: formatOrgNumber(employer.orgNumber),
                })
              : t('skattekort.order.confirmBody', {
                  count: persons.length,
                  year: inntektsaar,
                  org: employer.displayName,
                  orgNumber: formatOrgNumber(employer.orgNumber),
                })}
          </Paragraph>
          <div className="row">
            <Button type="button" loading={pending} onClick={() => onOrder(input())} data-testid="order-confirm-button">
              {t('skattekort.order.confirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {t('skattekort.order.back')}
            </Button>
          </div>
        </Alert>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}
