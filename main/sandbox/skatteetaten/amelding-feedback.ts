import type { AMeldingSummary } from '../../../shared/reports/amelding/summary';
import type { Finding } from '../../../shared/reports/finding';
import type { RegisteredSubmission } from './skatteetaten-state';

/**
 * The a-melding tilbakemelding the sandbox makes, in the tree the Altinn 2 feedback had and the JSON keeps
 * (skatteetaten-apis.md §1.5, mostly THIRD-PARTY): one Mottak for the month with payment details, the delivery
 * received with Skatteetaten's computed totals, the month's totals after all deliveries, and an `avvik` per
 * warning the project's own checks found.
 */
export function aMeldingTilbakemelding(input: {
  submission: RegisteredSubmission;
  summary: AMeldingSummary;
  warnings: Finding[];
  /** Every delivery for this org and month so far (this one included), for the month's totals. */
  monthDeliveries: {
    meldingsId: string;
    replaced: boolean;
    summary: { arbeidsgiveravgift: number; forskuddstrekk: number };
  }[];
  at: string;
}) {
  const { submission, summary, warnings } = input;
  const avvik = warnings.map((w) => ({
    avvikstype: w.code,
    alvorlighetsgrad: 'retningslinje',
    beskrivelse: w.message.nb,
    ...(w.path ? { sti: w.path } : {}),
  }));
  const live = input.monthDeliveries.filter((d) => !d.replaced);
  const mottakstatus = 'mottatt';
  return {
    melding: {
      mottak: [
        {
          kalendermaaned: summary.kalendermaaned,
          opplysningspliktig: summary.opplysningspliktig,
          innbetalingsinformasjon: {
            kontonummer: '63450618820',
            kidForArbeidsgiveravgift: kid(`${summary.opplysningspliktig}1${summary.kalendermaaned.replace('-', '')}`),
            kidForForskuddstrekk: kid(`${summary.opplysningspliktig}2${summary.kalendermaaned.replace('-', '')}`),
            forfallsdato: summary.frist ?? null,
          },
          mottattLeveranse: [
            {
              altinnReferanse: submission.forsendelseId,
              meldingsId: submission.reference,
              ...(submission.replaces ? { erstatterMeldingsId: submission.replaces } : {}),
              mottakstatus,
              tidsstempelFraAltinn: submission.receivedAt,
              leveringstidspunkt: summary.leveringstidspunkt,
              antallInntektsmottakere: summary.inntektsmottakere,
              mottattAvgiftOgTrekkTotalt: {
                sumArbeidsgiveravgift: summary.totals.arbeidsgiveravgift,
                sumForskuddstrekk: summary.totals.forskuddstrekk,
              },
              ...(avvik.length ? { avvik } : {}),
            },
          ],
          mottattPeriode: {
            mottattAvgiftOgTrekkTotalt: {
              sumArbeidsgiveravgift: live.reduce((a, d) => a + d.summary.arbeidsgiveravgift, 0),
              sumForskuddstrekk: live.reduce((a, d) => a + d.summary.forskuddstrekk, 0),
            },
          },
        },
      ],
      status: avvik.length ? 'Mottatt med retningslinje' : 'Mottatt',
      laget: input.at,
    },
  };
}

/** A MOD10 check digit, so the sandbox's KIDs look like KIDs. */
function kid(digits: string): string {
  const only = digits.replace(/\D/g, '').slice(0, 24);
  let sum = 0;
  for (let i = 0; i < only.length; i++) {
    let d = Number(only[only.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${only}${(10 - (sum % 10)) % 10}`;
}

/** The GLD innsendingstilbakemelding v2 (§2.5, UNCONFIRMED as the RF-1086 format) for an accepted return. */
export function innsendingsTilbakemelding(input: {
  submission: RegisteredSubmission;
  antallOppgaver: number;
  warnings: Finding[];
  at: string;
}) {
  const { submission } = input;
  return gldTilbakemelding(
    {
      oppgavetype: 'aksjonaerregisteroppgave',
      org: submission.org,
      receivedAt: submission.receivedAt,
      forsendelseId: submission.forsendelseId,
      reference: submission.reference,
      inntektsaar: submission.period,
      antallOppgaver: input.antallOppgaver,
    },
    input.warnings,
    input.at,
  );
}

/** One accepted delivery, as the GLD innsendingstilbakemelding names it. */
export interface GldDelivery {
  oppgavetype: string;
  org: string;
  receivedAt: string;
  forsendelseId: string;
  reference: string;
  inntektsaar: string;
  antallOppgaver: number;
}

/**
 * The GLD innsendingstilbakemelding v2 (§2.5) for one accepted delivery, with an `avvik` per warning; `namePaths`
 * adds where in the delivery each warning is (`sti`).
 */
export function gldTilbakemelding(
  delivery: GldDelivery,
  warnings: readonly Finding[],
  at: string,
  options: { namePaths?: boolean } = {},
) {
  const avvik = warnings.map((w) => ({
    avvikskode: w.code,
    avvikstekst: w.message.nb,
    alvorlighetsgrad: 'advarsel',
    ...(options.namePaths && w.path ? { sti: w.path } : {}),
  }));
  return {
    tilbakemelding: {
      oppgavetype: delivery.oppgavetype,
      innsending: {
        innsender: delivery.org,
        innsendingstidspunkt: delivery.receivedAt,
        behandletTidspunkt: at,
        forsendelseid: delivery.forsendelseId,
        innsendingsavvik: [],
      },
      fil: [
        {
          filavvik: [],
          leveranseoppsummering: { antallLeveranser: 1, antallAvvisteLeveranser: 0 },
          leveranse: [
            {
              leveransestatus: 'godkjent',
              leveransereferanse: delivery.forsendelseId,
              oppgavegiversleveransereferanse: delivery.reference,
              oppgavegiver: delivery.org,
              inntektsaar: delivery.inntektsaar,
              oppgaveoppsummering: {
                antallOppgaver: delivery.antallOppgaver,
                antallAvvisteOppgaver: 0,
                antallOppgaverMedVarsel: avvik.length ? 1 : 0,
              },
              avvik,
            },
          ],
        },
      ],
    },
  };
}
