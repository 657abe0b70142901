import type { ReactNode } from 'react';
import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
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
  formatAccountNumber,
  formatCount,
  formatDate,
  formatDateTime,
  formatKroner,
  formatMonth,
  formatOrgNumber,
  maskPersonalNumber,
} from '../../../shared/format';
import { statusInWords } from '../../../shared/feedback/status-words';
import { CopyButton } from '../CopyButton';
import { TechnicalDetails } from '../TechnicalDetails';

/**
 * One feedback document as a letter: the outcome in one sentence, then what to pay (each value with a copy button),
 * then the deviations grouped by what to do, then the deliveries; ids and raw statuses under technical details.
 */
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
      {view.kind === 'a-melding' &&
        view.months.map((month, i) => <PaymentCard key={`${month.kalendermaaned ?? ''}-${i}`} month={month} />)}
      <Deviations groups={view.deviationGroups} />
      {view.kind === 'a-melding' ? <AMeldingDetails view={view} /> : <Rf1086Details view={view} />}
    </div>
  );
}

type Month = AMeldingFeedbackView['months'][number];

/** What to pay for a month, to which account, with which KID, by when: the first thing a bookkeeper needs. */
function PaymentCard({ month }: { month: Month }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pay = month.payment;
  const totals = month.periodTotals;
  if (!pay && !totals) return null;
  const lines: { label: string; amount: number | null; kid: string | null; kidLabel: string }[] = [
    {
      label: t('feedback.forskuddstrekk'),
      amount: totals?.forskuddstrekk ?? null,
      kid: pay?.kidForskuddstrekk ?? null,
      kidLabel: t('feedback.kidForskuddstrekk'),
    },
    {
      label: t('feedback.arbeidsgiveravgift'),
      amount: totals?.arbeidsgiveravgift ?? null,
      kid: pay?.kidArbeidsgiveravgift ?? null,
      kidLabel: t('feedback.kidArbeidsgiveravgift'),
    },
    {
      label: t('feedback.finansskatt'),
      amount: totals?.finansskatt ?? null,
      kid: pay?.kidFinansskatt ?? null,
      kidLabel: t('feedback.kidFinansskatt'),
    },
  ].filter((l) => l.amount !== null || l.kid !== null);
  return (
    <Card data-color="accent" className="feedback-payment" data-testid="feedback-payment">
      <Heading level={4} data-size="xs">
        {month.kalendermaaned
          ? t('feedback.payTitleMonth', { month: formatMonth(month.kalendermaaned, lang) })
          : t('feedback.payTitle')}
      </Heading>
      <dl className="feedback-payment__list">
        {lines.map((l) => (
          <div key={l.label} className="feedback-payment__row" data-testid="feedback-pay-line">
            <dt>{l.label}</dt>
            <dd>
              {l.amount !== null && (
                <span className="feedback-payment__value">
                  <strong>{formatKroner(l.amount, lang)}</strong>
                  <CopyButton value={String(l.amount)} label={`${l.label}, ${t('feedback.amount')}`} />
                </span>
              )}
              {l.kid && (
                <span className="feedback-payment__value">
                  {t('feedback.kid', { kid: l.kid })}
                  <CopyButton value={l.kid} label={l.kidLabel} />
                </span>
              )}
            </dd>
          </div>
        ))}
        {pay?.kontonummer && (
          <div className="feedback-payment__row">
            <dt>{t('feedback.kontonummer')}</dt>
            <dd>
              <span className="feedback-payment__value">
                {formatAccountNumber(pay.kontonummer)}
                <CopyButton value={pay.kontonummer.replace(/\D/g, '')} label={t('feedback.kontonummer')} />
              </span>
            </dd>
          </div>
        )}
        {pay?.forfallsdato && (
          <div className="feedback-payment__row">
            <dt>{t('feedback.forfallsdato')}</dt>
            <dd>
              <strong>{formatDate(pay.forfallsdato, lang)}</strong>
            </dd>
          </div>
        )}
      </dl>
    </Card>
  );
}

/** A status as words, with Skatteetaten's own value kept as secondary text for support. */
function StatusWords({ raw }: { raw: string | null }) {
  const { i18n } = useTranslation();
  if (!raw) return <>–</>;
  const { words, known } = statusInWords(raw);
  return (
    <>
      {localized(words, i18n.language)}
      {!known && <span className="feedback-muted"> ({raw})</span>}
    </>
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
            {t('feedback.deliveriesFor', {
              month: month.kalendermaaned ? formatMonth(month.kalendermaaned, lang) : t('feedback.months'),
            })}
            {month.opplysningspliktig ? ` · ${formatOrgNumber(month.opplysningspliktig)}` : ''}
          </Heading>
          {month.deliveries.map((d, i) => (
            <div key={d.meldingsId ?? i} className="stack">
              <FactList
                testId="feedback-delivery"
                facts={[
                  [t('feedback.deliveryStatus'), <StatusWords key="s" raw={d.status} />],
                  ...(d.incomeRecipients !== null
                    ? [[t('feedback.incomeRecipients'), formatCount(d.incomeRecipients, lang)] as Fact]
                    : []),
                  ...totalsFacts(t('feedback.deliveryTotals'), d.totals, t, lang),
                ]}
              />
              {(d.meldingsId || d.altinnReferanse) && (
                <TechnicalDetails>
                  <FactList
                    facts={(
                      [
                        [t('feedback.messageId'), d.meldingsId],
                        [t('feedback.altinnReference'), d.altinnReferanse],
                      ] as [string, string | null][]
                    ).filter((f): f is [string, string] => f[1] !== null)}
                  />
                </TechnicalDetails>
              )}
            </div>
          ))}
          {month.periodTotals && (
            <FactList
              testId="feedback-period-totals"
              facts={totalsFacts(t('feedback.periodTotals'), month.periodTotals, t, lang)}
            />
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
              [t('feedback.deliveryStatus'), d.status === null ? null : <StatusWords key="s" raw={d.status} />],
              [t('feedback.reference'), d.reference ?? d.ownReference],
              [t('feedback.incomeYear'), d.inntektsaar],
              [t('feedback.tasks'), d.tasks === null ? null : formatCount(d.tasks, lang)],
              [t('feedback.rejectedTasks'), d.rejectedTasks === null ? null : formatCount(d.rejectedTasks, lang)],
              [
                t('feedback.tasksWithWarnings'),
                d.tasksWithWarnings === null ? null : formatCount(d.tasksWithWarnings, lang),
              ],
            ] as [string, ReactNode][]
          ).filter((f): f is Fact => f[1] !== null)}
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
    w.personId ? maskPersonalNumber(w.personId) : null,
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
      <Paragraph>{d.text ?? t('feedback.noDeviationText')}</Paragraph>
      {facts.length > 0 && <FactList facts={facts} />}
      {d.code && (
        <Paragraph data-size="sm" className="feedback-muted">
          {t('feedback.deviationCode', { code: d.code })}
        </Paragraph>
      )}
    </li>
  );
}
