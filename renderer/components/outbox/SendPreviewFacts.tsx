import { useTranslation } from 'react-i18next';
import type { ReportSubstance } from '../../../shared/outbox/report-substance';
import type { SubmitPreview } from '../../../shared/outbox/outbox-views';
import { formatCount, formatKroner, formatMonth, formatOrgNumber } from '../../../shared/format';
import { localized } from '../../i18n';
import { FactList, type Fact } from '../reports/FactList';
import type { TFunction } from 'i18next';

/** The report in a bookkeeper's terms: which period and company, how many people or shareholders, what totals. */
export function substanceFacts(substance: ReportSubstance | null, t: TFunction, lang: string): Fact[] {
  if (!substance) return [];
  switch (substance.kind) {
    case 'amelding':
      return [
        [t('outbox.send.period'), formatMonth(substance.kalendermaaned, lang)],
        [t('outbox.send.recipients'), formatCount(substance.inntektsmottakere, lang)],
        [t('outbox.send.income'), formatKroner(substance.inntekt, lang)],
        [t('outbox.send.withholding'), formatKroner(substance.forskuddstrekk, lang)],
        [t('outbox.send.contribution'), formatKroner(substance.arbeidsgiveravgift, lang)],
      ];
    case 'rf1086':
      return [
        [
          t('outbox.send.company'),
          [
            substance.selskap.navn,
            substance.selskap.organisasjonsnummer && formatOrgNumber(substance.selskap.organisasjonsnummer),
          ]
            .filter(Boolean)
            .join(', ') || '–',
        ],
        [t('outbox.send.incomeYear'), substance.inntektsaar ?? '–'],
        [t('outbox.send.shareholders'), formatCount(substance.aksjonaerer, lang)],
        [t('outbox.send.shares'), formatCount(substance.aksjer, lang)],
        [t('outbox.send.dividend'), formatKroner(substance.utbytte, lang)],
      ];
    case 'tredjepart':
      return [
        [t('outbox.send.incomeYear'), substance.inntektsaar ?? '–'],
        [t('outbox.send.tasks'), formatCount(substance.antallOppgaver, lang)],
        ...substance.sums.map((s): Fact => [localized(s.label, lang), formatKroner(s.value, lang)]),
      ];
  }
}

/** The facts a bookkeeper checks first, then the organisation and the environment in words. */
export function SendPreviewFacts({ preview }: { preview: SubmitPreview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <FactList
      testId="send-preview"
      facts={[
        ...substanceFacts(preview.substance, t, lang),
        [
          t('outbox.send.organisation'),
          `${preview.profile.displayName} (${formatOrgNumber(preview.profile.orgNumber)})`,
        ],
        // An accounting firm sending for a client: whose report it is.
        ...(preview.client
          ? [
              [
                t('firm.sendClient'),
                `${preview.client.name} (${formatOrgNumber(preview.client.orgNumber)})`,
              ] satisfies Fact,
            ]
          : []),
        [t('outbox.send.environment'), t(`outbox.send.environmentIs.${preview.environment}`)],
      ]}
    />
  );
}

/** Bytes, hash, host and the message's own id: for support, under technical details. */
export function SendPreviewTechnical({ preview }: { preview: SubmitPreview }) {
  const { t, i18n } = useTranslation();
  const id = preview.target.service === 'a-melding' ? preview.target.meldingsId : undefined;
  return (
    <FactList
      testId="send-technical"
      facts={[
        [t('outbox.send.what'), preview.label],
        ...(id ? [[t('outbox.send.messageId'), <code key="m">{id}</code>] as Fact] : []),
        [t('outbox.send.destination'), <code key="d">{preview.destination}</code>],
        [
          t('outbox.send.size'),
          t('outbox.send.bytes', {
            count: preview.payloadBytes,
            bytes: formatCount(preview.payloadBytes, i18n.language),
          }),
        ],
        [t('outbox.send.sha256'), <code key="s">{preview.payloadSha256}</code>],
      ]}
    />
  );
}
