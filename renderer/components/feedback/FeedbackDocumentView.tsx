import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type {
  AMeldingFeedbackView,
  Deviation,
  DeviationGroup,
  FeedbackView,
  Rf1086FeedbackView,
  Totals,
  TredjepartFeedbackView,
} from '../../../shared/feedback/feedback-view';
import { localized } from '../../i18n';
import { FactList, type Fact } from '../reports/FactList';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatKroner,
  formatMonth,
  formatOrgNumber,
} from '../../../shared/format';

/** One feedback document in plain words: the a-melding tilbakemelding, RF-1086's outcome, or "download it". */
export function FeedbackDocumentView({ view }: { view: FeedbackView }) {
  const { t, i18n } = useTranslation();
  if (view.kind === 'unknown') {
    return (
      <div className="feedback-view" data-testid="feedback-view" data-kind="unknown">
        <Paragraph>{localized(view.headline, i18n.language)}</Paragraph>
        <Paragraph>{t('feedback.unknownView')}</Paragraph>
      </div>
    );
  }
  return (
    <div className="feedback-view" data-testid="feedback-view" data-kind={view.kind} data-outcome={view.outcome}>
      <Paragraph data-size="lg" className="feedback-view__headline">
        <strong>{localized(view.headline, i18n.language)}</strong>
      </Paragraph>
      {view.kind === 'a-melding' ? <AMeldingDetails view={view} /> : <Rf1086Details view={view} />}
      <Deviations groups={view.deviationGroups} />
    </div>
  );
}

function AMeldingDetails({ view }: { view: AMeldingFeedbackView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      {view.months.map((month, index) => (
        <section key={`${month.kalendermaaned ?? ''}-${index}`} className="feedback-view__month">
          <Heading level={4} data-size="xs">
            {month.kalendermaaned ? formatMonth(month.kalendermaaned, lang) : t('feedback.months')}
            {month.opplysningspliktig ? ` · ${formatOrgNumber(month.opplysningspliktig)}` : ''}
          </Heading>
          {month.deliveries.map((d, i) => (
            <FactList
              key={d.meldingsId ?? i}
              testId="feedback-delivery"
              facts={[
                [t('feedback.delivery', { id: d.meldingsId ?? d.altinnReferanse ?? String(i + 1) }), d.status ?? '–'],
                ...(d.incomeRecipients !== null
                  ? [[t('feedback.incomeRecipients'), formatCount(d.incomeRecipients, lang)] as Fact]
                  : []),
                ...totalsFacts(t('feedback.deliveryTotals'), d.totals, t, lang),
              ]}
            />
          ))}
          {month.periodTotals && (
            <>
              <Heading level={5} data-size="2xs">
                {t('feedback.amountsTitle')}
              </Heading>
              <FactList
                testId="feedback-period-totals"
                facts={totalsFacts(t('feedback.periodTotals'), month.periodTotals, t, lang)}
              />
            </>
          )}
          {month.payment && (
            <>
              <Heading level={5} data-size="2xs">
                {t('feedback.paymentTitle')}
              </Heading>
              <FactList
                testId="feedback-payment"
                facts={(
                  [
                    [t('feedback.kontonummer'), month.payment.kontonummer],
                    [t('feedback.kidArbeidsgiveravgift'), month.payment.kidArbeidsgiveravgift],
                    [t('feedback.kidForskuddstrekk'), month.payment.kidForskuddstrekk],
                    [t('feedback.kidFinansskatt'), month.payment.kidFinansskatt],
                    [
                      t('feedback.forfallsdato'),
                      month.payment.forfallsdato ? formatDate(month.payment.forfallsdato, lang) : null,
                    ],
                  ] as [string, string | null][]
                ).filter((f): f is [string, string] => f[1] !== null)}
              />
            </>
          )}
        </section>
      ))}
    </>
  );
}

function totalsFacts(prefix: string, totals: Totals | null, t: TFunction, lang: string): Fact[] {
  if (!totals) return [];
  const rows: [string, number | null][] = [
    [t('feedback.arbeidsgiveravgift'), totals.arbeidsgiveravgift],
    [t('feedback.forskuddstrekk'), totals.forskuddstrekk],
    [t('feedback.finansskatt'), totals.finansskatt],
  ];
  return rows
    .filter((r): r is [string, number] => r[1] !== null)
    .map(([label, value]) => [`${prefix}: ${label.toLowerCase()}`, formatKroner(value, lang)]);
}

function Rf1086Details({ view }: { view: Rf1086FeedbackView | TredjepartFeedbackView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      {view.processedAt && <FactList facts={[[t('feedback.processedAt'), formatDateTime(view.processedAt, lang)]]} />}
      {view.deliveries.map((d, i) => (
        <FactList
          key={d.reference ?? i}
          testId="feedback-delivery"
          facts={(
            [
              [t('feedback.deliveryStatus'), d.status],
              [t('feedback.reference'), d.reference ?? d.ownReference],
              [t('feedback.incomeYear'), d.inntektsaar],
              [t('feedback.tasks'), d.tasks === null ? null : formatCount(d.tasks, lang)],
              [t('feedback.rejectedTasks'), d.rejectedTasks === null ? null : formatCount(d.rejectedTasks, lang)],
              [
                t('feedback.tasksWithWarnings'),
                d.tasksWithWarnings === null ? null : formatCount(d.tasksWithWarnings, lang),
              ],
            ] as [string, string | null][]
          ).filter((f): f is [string, string] => f[1] !== null)}
        />
      ))}
    </>
  );
}

const SEVERITY_COLOR = {
  rejection: 'danger',
  immediate: 'danger',
  guideline: 'warning',
  warning: 'warning',
  unknown: 'neutral',
} as const;

function Deviations({ groups }: { groups: DeviationGroup[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="feedback-view__deviations" data-testid="feedback-deviations">
      <Heading level={4} data-size="xs">
        {t('feedback.deviationsTitle')}
      </Heading>
      {groups.length === 0 && <Paragraph>{t('feedback.noDeviations')}</Paragraph>}
      {groups.map((group) => (
        <section key={group.severity} data-testid="deviation-group" data-severity={group.severity}>
          <Heading level={5} data-size="2xs" className="feedback-view__group-heading">
            <Tag data-color={SEVERITY_COLOR[group.severity]}>{localized(group.label, i18n.language)}</Tag>
            <span>{t('feedback.deviationCount', { count: group.deviations.length })}</span>
          </Heading>
          <ul className="feedback-view__deviation-list">
            {group.deviations.map((d) => (
              <DeviationItem key={d.path} deviation={d} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function DeviationItem({ deviation: d }: { deviation: Deviation }) {
  const { t, i18n } = useTranslation();
  const w = d.where;
  const person = [
    w.personName,
    w.personId,
    w.employeeNumber ? t('feedback.employeeNumber', { value: w.employeeNumber }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const facts: Fact[] = (
    [
      [t('feedback.person'), person || null],
      [t('feedback.employment'), w.employmentId],
      [t('feedback.income'), w.income],
      [t('feedback.virksomhet'), w.virksomhet ? formatOrgNumber(w.virksomhet) : null],
      [t('feedback.months'), w.kalendermaaned ? formatMonth(w.kalendermaaned, i18n.language) : null],
      [t('feedback.guidance'), d.guidance],
    ] as [string, string | null][]
  ).filter((f): f is [string, string] => f[1] !== null);
  return (
    <li className="feedback-view__deviation" data-testid="deviation">
      <Paragraph>
        {d.code && <code className="feedback-view__code">{d.code}</code>} {d.text ?? ''}
      </Paragraph>
      {facts.length > 0 && <FactList facts={facts} />}
    </li>
  );
}
