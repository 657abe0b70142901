import { formatKroner } from '../format';
import { formatScaled, parseScaled } from '../reports/decimal';
import type { ReportEnvironment } from '../reports/environment';
import { error, warning, type Finding } from '../reports/finding';
import { organisasjonsnummerFindings, personIdentifierFindings } from '../reports/ids/identifier-findings';
import type { TredjepartSummary } from './check-result';
import { fieldValues, ownerOf, type Oppgave, type ReadLeveranse } from './leveranse';
import { schemeById, type SchemeId, type TredjepartScheme } from './schemes';
import { unitFindings, unitKey } from './unit-rules';

export interface TredjepartRuleContext {
  scheme: SchemeId;
  environment: ReportEnvironment;
  /** The active profile's org: the oppgavegiver must be it. */
  profileOrg?: string;
  /** YYYY-MM-DD: the income year may not be in the future. */
  today: string;
}

/** The leveransetype values the pages show; the full list is on SwaggerHub only (UNCONFIRMED). */
const KNOWN_LEVERANSETYPER = ['ordinaer'];
/** Gifts under 500 kr a year give no deduction (skatteloven § 6-50); UNCONFIRMED as a reporting rule. */
const GAVE_MINSTE = parseScaled('500') as bigint;

/**
 * The offline checks of a tredjepart melding (skatteetaten-apis.md §6 and each scheme's page): what Skatteetaten
 * answers with a GLD_ code, found before anything is sent. GLD_1062 (the oppgavegiver is a sub-unit) needs the
 * Enhetsregisteret and is not checked here.
 */
export function checkTredjepartRules(
  leveranser: readonly ReadLeveranse[],
  ctx: TredjepartRuleContext,
): { findings: Finding[]; summary: TredjepartSummary } {
  const scheme = schemeById(ctx.scheme);
  const findings: Finding[] = [];
  if (scheme.singleLeveranse && leveranser.length > 1) {
    findings.push(
      error(
        'TREDJEPART_ONE_LEVERANSE',
        'leveranse',
        `${scheme.title.nb} tar bare én leveranse per innsending; filen har ${leveranser.length}.`,
        `${scheme.title.en} takes one leveranse per submission; the file has ${leveranser.length}.`,
      ),
    );
  }
  const years = new Set(leveranser.map((l) => l.leveranse.inntektsaar));
  if (years.size > 1) {
    findings.push(
      error(
        'TREDJEPART_MIXED_INNTEKTSAAR',
        'leveranse',
        `Alle leveranser i én innsending må gjelde samme inntektsår (GLD_1069); filen har ${[...years].join(', ')}.`,
        `Every leveranse in one submission must be for the same income year (GLD_1069); the file has ${[...years].join(', ')}.`,
      ),
    );
  }
  const givers = new Set(leveranser.map((l) => l.leveranse.oppgavegiver.organisasjonsnummer));
  if (givers.size > 1) {
    findings.push(
      error(
        'TREDJEPART_MIXED_OPPGAVEGIVER',
        'leveranse',
        `Alle leveranser i én innsending må ha samme oppgavegiver (GLD_1102); filen har ${[...givers].join(', ')}.`,
        `Every leveranse in one submission must have the same oppgavegiver (GLD_1102); the file has ${[...givers].join(', ')}.`,
      ),
    );
  }
  const totals = new Map(scheme.amounts.map((a) => [a.field, 0n]));
  for (const read of leveranser) findings.push(...checkLeveranse(read, scheme, ctx, totals));

  const first = leveranser[0]?.leveranse;
  const summary: TredjepartSummary = {
    inntektsaar: first?.inntektsaar ?? null,
    oppgavegiver: first?.oppgavegiver.organisasjonsnummer ?? null,
    kontakt: first?.oppgavegiver.kontaktinformasjon?.navn ?? null,
    leveransetype: first?.leveransetype ?? null,
    oppgavegiversLeveranseReferanse: first?.oppgavegiversLeveranseReferanse ?? null,
    leveranser: leveranser.length,
    antallOppgaver: leveranser.reduce((n, l) => n + l.leveranse.oppgave.length, 0),
    sums: scheme.amounts.map((a) => ({
      field: a.field,
      label: a.label,
      value: formatScaled(totals.get(a.field) ?? 0n),
    })),
  };
  return { findings, summary };
}

function checkLeveranse(
  { path, leveranse }: ReadLeveranse,
  scheme: TredjepartScheme,
  ctx: TredjepartRuleContext,
  totals: Map<string, bigint>,
): Finding[] {
  const findings: Finding[] = [];
  findings.push(...yearFindings(leveranse.inntektsaar, `${path}/inntektsaar`, ctx.today));
  findings.push(...oppgavegiverFindings(leveranse.oppgavegiver.organisasjonsnummer, path, ctx.profileOrg));
  if (!leveranse.oppgavegiver.kontaktinformasjon) {
    findings.push(
      warning(
        'TREDJEPART_KONTAKT_MISSING',
        `${path}/oppgavegiver`,
        'Oppgavegiveren har ingen kontaktinformasjon; Skatteetaten bruker den til varsler om innsendingen.',
        'The oppgavegiver has no contact information; Skatteetaten uses it for notices about the submission.',
      ),
    );
  }
  if (!leveranse.kildesystem?.trim()) {
    findings.push(
      warning(
        'TREDJEPART_KILDESYSTEM_MISSING',
        `${path}/kildesystem`,
        'Kildesystem mangler: oppgi systemet leveransen kommer fra.',
        'kildesystem is missing: name the system the leveranse comes from.',
      ),
    );
  }
  if (!KNOWN_LEVERANSETYPER.includes(leveranse.leveransetype)) {
    findings.push(
      warning(
        'TREDJEPART_LEVERANSETYPE_UNKNOWN',
        `${path}/leveransetype`,
        `Leveransetypen «${leveranse.leveransetype}» er ukjent for Innsender (kjent: ${KNOWN_LEVERANSETYPER.join(', ')}).`,
        `Leveransetype "${leveranse.leveransetype}" is not known to Innsender (known: ${KNOWN_LEVERANSETYPER.join(', ')}).`,
      ),
    );
  } else if (leveranse.oppgave.length === 0) {
    findings.push(
      error(
        'TREDJEPART_NO_OPPGAVER',
        `${path}/oppgave`,
        'En ordinær leveranse må ha minst én oppgave.',
        'An ordinary leveranse must have at least one oppgave.',
      ),
    );
  }

  const sums = new Map(scheme.amounts.map((a) => [a.field, 0n]));
  const seen = new Map<string, number>();
  leveranse.oppgave.forEach((oppgave, i) => {
    const at = `${path}/oppgave[${i + 1}]`;
    findings.push(...oppgaveeierFindings(oppgave, at, ctx.environment));
    findings.push(...amountFindings(oppgave, at, scheme, sums));
    findings.push(...schemeOppgaveFindings(oppgave, at, scheme, leveranse));
    const key = `${ownerId(oppgave)}|${unitKey(oppgave, scheme.unit)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      findings.push(
        error(
          'TREDJEPART_DUPLICATE_OPPGAVE',
          at,
          `Oppgaven er lik oppgave ${earlier} (samme oppgaveeier${scheme.unit ? ' og enhet' : ''}); hver skal rapporteres én gang.`,
          `The oppgave repeats oppgave ${earlier} (same owner${scheme.unit ? ' and unit' : ''}); each is reported once.`,
        ),
      );
    } else seen.set(key, i + 1);
  });
  for (const [field, value] of sums) totals.set(field, (totals.get(field) ?? 0n) + value);
  findings.push(...summaryFindings(leveranse, path, scheme, sums));
  return findings;
}

function yearFindings(year: string, path: string, today: string): Finding[] {
  if (!/^\d{4}$/.test(year)) {
    return [
      error(
        'TREDJEPART_INNTEKTSAAR_INVALID',
        path,
        `Inntektsåret «${year}» er ikke et årstall.`,
        `Income year "${year}" is not a year.`,
      ),
    ];
  }
  const current = Number(today.slice(0, 4));
  if (Number(year) > current) {
    return [
      error(
        'TREDJEPART_INNTEKTSAAR_FUTURE',
        path,
        `Inntektsåret ${year} har ikke begynt ennå.`,
        `Income year ${year} has not begun yet.`,
      ),
    ];
  }
  if (Number(year) === current) {
    return [
      warning(
        'TREDJEPART_INNTEKTSAAR_NOT_OVER',
        path,
        `Inntektsåret ${year} er ikke omme; opplysningene rapporteres normalt etter årsskiftet.`,
        `Income year ${year} is not over; the data is normally reported after the turn of the year.`,
      ),
    ];
  }
  return [];
}

function oppgavegiverFindings(org: string, path: string, profileOrg: string | undefined): Finding[] {
  const at = `${path}/oppgavegiver/organisasjonsnummer`;
  if (!/^\d{9}$/.test(org)) {
    return [
      error(
        'TREDJEPART_OPPGAVEGIVER_ORGNR_LENGTH',
        at,
        `Oppgavegiverens organisasjonsnummer «${org}» må være 9 siffer (GLD_1201).`,
        `The oppgavegiver's organisation number "${org}" must be 9 digits (GLD_1201).`,
      ),
    ];
  }
  const invalid = organisasjonsnummerFindings(org, at, 'TREDJEPART_OPPGAVEGIVER');
  if (invalid.length) return invalid;
  if (profileOrg && org !== profileOrg) {
    return [
      error(
        'TREDJEPART_OPPGAVEGIVER_NOT_PROFILE',
        at,
        `Oppgavegiveren ${org} er ikke den valgte virksomheten (${profileOrg}); systembrukeren kan bare rapportere for sin egen.`,
        `The oppgavegiver ${org} is not the chosen organisation (${profileOrg}); the system user can only report for its own.`,
      ),
    ];
  }
  return [];
}

function ownerId(oppgave: Oppgave): string {
  const eier = ownerOf(oppgave.oppgaveeier);
  return eier.foedselsnummer ?? eier.organisasjonsnummer ?? '';
}

function oppgaveeierFindings(oppgave: Oppgave, at: string, environment: ReportEnvironment): Finding[] {
  const eier = ownerOf(oppgave.oppgaveeier);
  const path = `${at}/oppgaveeier`;
  const findings: Finding[] = [];
  if ((eier.foedselsnummer === undefined) === (eier.organisasjonsnummer === undefined)) {
    findings.push(
      error(
        'TREDJEPART_OPPGAVEEIER_ID',
        path,
        'Oppgaveeieren skal ha enten fødselsnummer eller organisasjonsnummer, ikke begge eller ingen.',
        'The owner must have either a national identity number or an organisation number, not both or neither.',
      ),
    );
  }
  if (eier.foedselsnummer !== undefined) {
    const idPath = `${path}${oppgave.oppgaveeier.person ? '/person' : ''}/foedselsnummer`;
    findings.push(...personIdentifierFindings(eier.foedselsnummer, idPath, 'TREDJEPART_OPPGAVEEIER', environment));
  }
  if (eier.organisasjonsnummer !== undefined) {
    findings.push(
      ...organisasjonsnummerFindings(
        eier.organisasjonsnummer,
        `${path}${oppgave.oppgaveeier.organisasjon ? '/organisasjon' : ''}/organisasjonsnummer`,
        'TREDJEPART_OPPGAVEEIER',
      ),
    );
  }
  if (!eier.navn.trim()) {
    findings.push(
      warning(
        'TREDJEPART_OPPGAVEEIER_NAVN_MISSING',
        `${path}/navn`,
        'Oppgaveeieren har ikke navn.',
        'The owner has no name.',
      ),
    );
  }
  return findings;
}

/**
 * An amount: a non-negative decimal (or any decimal when `signed`), as a string (gaver, aksjesparekonto) or a
 * number (the housing examples).
 */
export function readAmount(value: unknown, signed = false): bigint | 'invalid' | 'negative' | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return 'invalid';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'invalid';
  const scaled = parseScaled(String(value));
  if (scaled === null) return 'invalid';
  return scaled < 0n && !signed ? 'negative' : scaled;
}

function amountFindings(oppgave: Oppgave, at: string, scheme: TredjepartScheme, sums: Map<string, bigint>): Finding[] {
  const findings: Finding[] = [];
  for (const amount of scheme.amounts) {
    // One value per oppgave, or one per item of a list on the way (finansprodukter's `konto.finansprodukt`).
    const values = fieldValues(oppgave, amount.field);
    if (values.length === 0) values.push({ path: amount.field.replaceAll('.', '/'), value: undefined });
    for (const found of values) findings.push(...oneAmountFindings(found, `${at}/${found.path}`, amount, scheme, sums));
  }
  return findings;
}

function oneAmountFindings(
  found: { value: unknown },
  path: string,
  amount: TredjepartScheme['amounts'][number],
  scheme: TredjepartScheme,
  sums: Map<string, bigint>,
): Finding[] {
  const raw = found.value;
  const value = readAmount(raw, amount.signed);
  if (value === undefined) {
    // With one amount it is the oppgave's point; where there are several, one left out counts as none.
    return scheme.amounts.length === 1
      ? [error('TREDJEPART_AMOUNT_MISSING', path, `${amount.label.nb} mangler.`, `${amount.label.en} is missing.`)]
      : [];
  }
  if (value === 'invalid' || value === 'negative') {
    return [
      error(
        value === 'invalid' ? 'TREDJEPART_AMOUNT_INVALID' : 'TREDJEPART_AMOUNT_NEGATIVE',
        path,
        `${amount.label.nb} «${String(raw)}» må være et beløp på null eller mer (f.eks. «1500» eller «1500.50»).`,
        `${amount.label.en} "${String(raw)}" must be an amount of zero or more (e.g. "1500" or "1500.50").`,
      ),
    ];
  }
  sums.set(amount.field, (sums.get(amount.field) ?? 0n) + value);
  if (scheme.id === 'gavertilfrivillige' && value < GAVE_MINSTE) {
    return [
      warning(
        'TREDJEPART_GAVE_UNDER_500',
        path,
        `Gaver under 500 kr i året gir ikke fradrag; sjekk om ${formatKroner(formatScaled(value), 'nb')} skal rapporteres.`,
        `Gifts under 500 kr a year give no deduction; check whether ${formatKroner(formatScaled(value), 'en')} should be reported.`,
      ),
    ];
  }
  return [];
}

function schemeOppgaveFindings(
  oppgave: Oppgave,
  at: string,
  scheme: TredjepartScheme,
  leveranse: ReadLeveranse['leveranse'],
): Finding[] {
  return unitFindings(oppgave, at, scheme, leveranse as Record<string, unknown>);
}

function summaryFindings(
  leveranse: ReadLeveranse['leveranse'],
  path: string,
  scheme: TredjepartScheme,
  sums: Map<string, bigint>,
): Finding[] {
  const summary = leveranse.oppgaveoppsummering;
  const at = `${path}/oppgaveoppsummering`;
  if (!summary) {
    return [
      error(
        'TREDJEPART_SUMMARY_MISSING',
        at,
        'Oppgaveoppsummering mangler: antall oppgaver og summene skal oppgis.',
        'oppgaveoppsummering is missing: the number of oppgaver and the sums must be given.',
      ),
    ];
  }
  const findings: Finding[] = [];
  const count = summary.antallOppgaver;
  const actual = leveranse.oppgave.length;
  if (count === undefined) {
    findings.push(
      error(
        'TREDJEPART_COUNT_MISSING',
        `${at}/antallOppgaver`,
        'antallOppgaver mangler i oppgaveoppsummeringen.',
        'antallOppgaver is missing from oppgaveoppsummering.',
      ),
    );
  } else if (String(count).trim() !== String(actual)) {
    findings.push(
      error(
        'TREDJEPART_COUNT_MISMATCH',
        `${at}/antallOppgaver`,
        `Oppsummeringen sier ${String(count)} oppgaver, men leveransen har ${actual}.`,
        `The summary says ${String(count)} oppgaver, but the leveranse has ${actual}.`,
      ),
    );
  }
  for (const amount of scheme.amounts) {
    const given = readAmount(summary[amount.sum], amount.signed);
    const computed = sums.get(amount.field) ?? 0n;
    const fieldPath = `${at}/${amount.sum}`;
    if (given === undefined) {
      findings.push(
        warning(
          'TREDJEPART_SUM_MISSING',
          fieldPath,
          `${amount.sum} mangler; summen av oppgavene er ${formatKroner(formatScaled(computed), 'nb')}.`,
          `${amount.sum} is missing; the oppgaver sum to ${formatKroner(formatScaled(computed), 'en')}.`,
        ),
      );
    } else if (given === 'invalid' || given === 'negative' || given !== computed) {
      findings.push(
        error(
          'TREDJEPART_SUM_MISMATCH',
          fieldPath,
          `${amount.sum} er ${formatKroner(String(summary[amount.sum]), 'nb')}, men summen av ${amount.field} i oppgavene er ${formatKroner(formatScaled(computed), 'nb')}.`,
          `${amount.sum} is ${formatKroner(String(summary[amount.sum]), 'en')}, but ${amount.field} in the oppgaver sums to ${formatKroner(formatScaled(computed), 'en')}.`,
        ),
      );
    }
  }
  return findings;
}
