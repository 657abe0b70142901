import { text } from '../domain/localized';
import { collectDeviations, groupBySeverity } from './deviations';
import { child, isNode, nodes, num, readDocument, str, firstStr, type Node, type Tree } from './document-tree';
import type {
  AMeldingFeedbackView,
  FeedbackView,
  Rf1086FeedbackView,
  Totals,
  TredjepartFeedbackView,
} from './feedback-view';
import type { LocalizedText } from '../domain/localized';
import { schemeById, SchemeIdSchema } from '../tredjepart/schemes';

/**
 * Reads one feedback document into what the page shows (skatteetaten-apis.md §1.5 for the a-melding, §2.5 for
 * RF-1086). Which one it is comes from the document itself, not the service: the a-melding tilbakemelding has a
 * `melding` with `mottak`, the GLD innsendingstilbakemelding a `tilbakemelding` with `innsending`/`fil`.
 */
export function interpretFeedbackDocument(content: string, mediaType: string | null): FeedbackView {
  const tree = readDocument(content, mediaType);
  if (tree === null) {
    return {
      kind: 'unknown',
      reason: 'unreadable',
      headline: text(
        'Dokumentet kunne ikke leses. Last det ned for å se det.',
        'The document could not be read. Download it to see it.',
      ),
    };
  }
  const melding = child(tree, 'melding');
  if (isNode(melding) && nodes(melding, 'mottak').length > 0) return interpretAMelding(melding);
  const tilbakemelding = child(tree, 'tilbakemelding') ?? child(tree, 'leveransetilbakemelding');
  if (isNode(tilbakemelding)) return interpretGld(tilbakemelding);
  return {
    kind: 'unknown',
    reason: 'unrecognised',
    headline: text(
      'Innsender kjenner ikke igjen dette dokumentet. Last det ned for å se det.',
      'Innsender does not recognise this document. Download it to see it.',
    ),
  };
}

function totals(node: Tree | undefined): Totals | null {
  const t = child(node, 'mottattavgiftogtrekktotalt');
  if (!isNode(t)) return null;
  return {
    arbeidsgiveravgift: num(t, 'sumarbeidsgiveravgift'),
    forskuddstrekk: num(t, 'sumforskuddstrekk'),
    finansskatt: num(t, 'sumfinansskattloenn'),
  };
}

function interpretAMelding(melding: Node): AMeldingFeedbackView {
  const months = nodes(melding, 'mottak').map((mottak) => {
    const pay = child(mottak, 'innbetalingsinformasjon');
    return {
      kalendermaaned: str(mottak, 'kalendermaaned'),
      opplysningspliktig: firstStr(mottak, ['opplysningspliktig', 'norskidentifikator']),
      deliveries: nodes(mottak, 'mottattleveranse').map((l) => ({
        meldingsId: str(l, 'meldingsid'),
        altinnReferanse: firstStr(l, ['altinnreferanse', 'innsendingsid']),
        status: str(l, 'mottakstatus'),
        incomeRecipients: num(l, 'antallinntektsmottakere'),
        totals: totals(l),
      })),
      periodTotals: totals(child(mottak, 'mottattperiode')),
      payment: isNode(pay)
        ? {
            kontonummer: str(pay, 'kontonummer'),
            kidArbeidsgiveravgift: str(pay, 'kidforarbeidsgiveravgift'),
            kidForskuddstrekk: str(pay, 'kidforforskuddstrekk'),
            kidFinansskatt: str(pay, 'kidforfinansskattloenn'),
            forfallsdato: str(pay, 'forfallsdato'),
          }
        : null,
    };
  });
  const deviations = collectDeviations(melding);
  const statuses = months.flatMap((m) => m.deliveries.map((d) => (d.status ?? '').toLowerCase()));
  const rejected = deviations.some((d) => d.severity === 'rejection') || statuses.includes('avvist');
  const received = statuses.some((s) => s === 'mottatt') || months.some((m) => m.periodTotals !== null);
  const outcome: AMeldingFeedbackView['outcome'] = rejected
    ? 'rejected'
    : deviations.length > 0
      ? 'received-with-deviations'
      : received
        ? 'received'
        : 'unknown';
  return {
    kind: 'a-melding',
    outcome,
    headline: aMeldingHeadline(outcome, deviations.length),
    months,
    deviationGroups: groupBySeverity(deviations),
    unconfirmedFormat: true,
  };
}

function aMeldingHeadline(outcome: AMeldingFeedbackView['outcome'], count: number) {
  switch (outcome) {
    case 'rejected':
      return text(
        'Skatteetaten avviste a-meldingen. Rett avvikene under og send en ny.',
        'Skatteetaten rejected the a-melding. Fix the deviations below and send a new one.',
      );
    case 'received-with-deviations':
      return text(
        `A-meldingen er mottatt, men Skatteetaten fant ${count} avvik som bør rettes.`,
        `The a-melding was received, but Skatteetaten found ${count} deviation${count === 1 ? '' : 's'} to fix.`,
      );
    case 'received':
      return text('A-meldingen er mottatt uten avvik.', 'The a-melding was received with no deviations.');
    case 'unknown':
      return text(
        'Tilbakemeldingen sier ikke tydelig om a-meldingen er mottatt. Se dokumentet.',
        'The feedback does not say clearly whether the a-melding was received. See the document.',
      );
  }
}

function interpretGld(tilbakemelding: Node): Rf1086FeedbackView | TredjepartFeedbackView {
  const innsending = child(tilbakemelding, 'innsending');
  const deliveries = nodes(tilbakemelding, 'fil')
    .flatMap((fil) => nodes(fil, 'leveranse'))
    .map((l) => ({
      status: str(l, 'leveransestatus'),
      reference: str(l, 'leveransereferanse'),
      ownReference: str(l, 'oppgavegiversleveransereferanse'),
      oppgavegiver: firstStr(l, ['oppgavegiver']) ?? str(l, 'oppgavegiver', 'organisasjonsnummer'),
      inntektsaar: str(l, 'inntektsaar'),
      tasks: num(l, 'oppgaveoppsummering', 'antalloppgaver'),
      rejectedTasks: num(l, 'oppgaveoppsummering', 'antallavvisteoppgaver'),
      tasksWithWarnings: num(l, 'oppgaveoppsummering', 'antalloppgavermedvarsel'),
    }));
  const deviations = collectDeviations(tilbakemelding);
  const statusOf = (d: { status: string | null }) => (d.status ?? '').toLowerCase();
  // A rejection is either an avvik of severity "avvist" or a leveranse with leveransestatus "avvist" (§2.5).
  const rejected =
    deviations.some((d) => d.severity === 'rejection') || deliveries.some((d) => statusOf(d) === 'avvist');
  const approved = deliveries.length > 0 && deliveries.every((d) => statusOf(d) === 'godkjent');
  const outcome: Rf1086FeedbackView['outcome'] = rejected
    ? 'rejected'
    : approved
      ? deviations.length > 0
        ? 'approved-with-warnings'
        : 'approved'
      : 'unknown';
  const scheme = SchemeIdSchema.safeParse(str(tilbakemelding, 'oppgavetype')?.toLowerCase());
  if (scheme.success) {
    return {
      kind: 'tredjepart',
      scheme: scheme.data,
      outcome,
      headline: tredjepartHeadline(outcome, schemeById(scheme.data).title),
      processedAt: str(innsending, 'behandlettidspunkt'),
      deliveries,
      deviationGroups: groupBySeverity(deviations),
      unconfirmedFormat: true,
    };
  }
  return {
    kind: 'aksjonaerregisteroppgave',
    outcome,
    headline: rf1086Headline(outcome),
    processedAt: str(innsending, 'behandlettidspunkt'),
    deliveries,
    deviationGroups: groupBySeverity(deviations),
    unconfirmedFormat: true,
  };
}

function rf1086Headline(outcome: Rf1086FeedbackView['outcome']) {
  switch (outcome) {
    case 'approved':
      return text('Aksjonærregisteroppgaven er godkjent.', 'The shareholder register return was approved.');
    case 'approved-with-warnings':
      return text(
        'Aksjonærregisteroppgaven er godkjent, med advarsler du bør se på.',
        'The shareholder register return was approved, with warnings worth a look.',
      );
    case 'rejected':
      return text(
        'Aksjonærregisteroppgaven ble avvist. Rett avvikene under og send på nytt.',
        'The shareholder register return was rejected. Fix the deviations below and send it again.',
      );
    case 'unknown':
      return text(
        'Tilbakemeldingen sier ikke tydelig om oppgaven er godkjent. Se dokumentet.',
        'The feedback does not say clearly whether the return was approved. See the document.',
      );
  }
}

function tredjepartHeadline(outcome: TredjepartFeedbackView['outcome'], title: LocalizedText) {
  switch (outcome) {
    case 'approved':
      return text(`${title.nb}: leveransen er godkjent.`, `${title.en}: the delivery was approved.`);
    case 'approved-with-warnings':
      return text(
        `${title.nb}: leveransen er godkjent, med advarsler du bør se på.`,
        `${title.en}: the delivery was approved, with warnings worth a look.`,
      );
    case 'rejected':
      return text(
        `${title.nb}: leveransen ble avvist. Rett avvikene under og send på nytt.`,
        `${title.en}: the delivery was rejected. Fix the deviations below and send it again.`,
      );
    case 'unknown':
      return text(
        `${title.nb}: tilbakemeldingen sier ikke tydelig om leveransen er godkjent. Se dokumentet.`,
        `${title.en}: the feedback does not say clearly whether the delivery was approved. See the document.`,
      );
  }
}
