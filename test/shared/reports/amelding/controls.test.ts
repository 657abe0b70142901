import { describe, expect, it } from 'vitest';
import { checkAMeldingRules } from '../../../../shared/reports/amelding/check-rules';
import { AMELDING_CONTROLS, type AMeldingControlCode } from '../../../../shared/reports/amelding/controls';
import type { Leveranse } from '../../../../shared/reports/amelding/model';
import type { AMeldingRuleContext, KnownAMelding } from '../../../../shared/reports/amelding/rules/rule-context';
import { severityOf } from '../../../../shared/reports/controls/control';
import { exampleLeveranse, testContext } from '../fixtures';

type Mutation = { change?: (l: Leveranse) => void; context?: Partial<AMeldingRuleContext> };

const ID = '6065697390f04e939e8e9cf48d812be2';
const OLD = 'a1b2c3';
const known = (meldingsId: string, status: 'sent' | 'on-its-way', extra: Partial<KnownAMelding> = {}) => ({
  meldingsId,
  kalendermaaned: '2026-01',
  opplysningspliktig: '211785462',
  status:
    status === 'sent'
      ? { kind: 'sent' as const, at: '2026-01-21T10:00:00Z' }
      : { kind: 'on-its-way' as const, since: '2026-01-21T10:00:00Z' },
  ...extra,
});
const mottaker = (l: Leveranse) => l.oppgave.virksomhet![0]!.inntektsmottaker![0]!;
const virksomhet = (l: Leveranse) => l.oppgave.virksomhet![0]!;
const aga = (l: Leveranse) => virksomhet(l).arbeidsgiveravgift!.loennOgGodtgjoerelse![0]!;
const replacing = (l: Leveranse) => {
  l.erstatterMeldingsId = OLD;
};

/**
 * For every control Innsender checks offline, one small change to the example a-melding (formats.md §1.5) that
 * fails it; the unchanged example passes them all. The 26829398612 person number is the synthetic shareholder of
 * Skatteetaten's RF-1086 example.
 */
const MUTATIONS: Partial<Record<AMeldingControlCode, Mutation>> = {
  AMELDING_OPPLYSNINGSPLIKTIG_ORGNR_INVALID: { change: (l) => (l.opplysningspliktig.norskIdentifikator = '899205291') },
  AMELDING_OPPLYSNINGSPLIKTIG_PERSON_ID_INVALID: {
    change: (l) => (l.opplysningspliktig.norskIdentifikator = '26829398613'),
  },
  AMELDING_OPPLYSNINGSPLIKTIG_PERSON_ID_SYNTHETIC: {
    change: (l) => (l.opplysningspliktig.norskIdentifikator = '26829398612'),
    context: { environment: 'production' },
  },
  AMELDING_VIRKSOMHET_ORGNR_INVALID: { change: (l) => (virksomhet(l).norskIdentifikator = '314768948') },
  AMELDING_VIRKSOMHET_PERSON_ID_INVALID: { change: (l) => (virksomhet(l).norskIdentifikator = '26829398613') },
  AMELDING_VIRKSOMHET_PERSON_ID_SYNTHETIC: {
    change: (l) => {
      l.opplysningspliktig.norskIdentifikator = '26829398612';
      virksomhet(l).norskIdentifikator = '26829398612';
    },
    context: { environment: 'production' },
  },
  AMELDING_VIRKSOMHET_PERSON_NOT_EMPLOYER: { change: (l) => (virksomhet(l).norskIdentifikator = '26829398612') },
  AMELDING_INNTEKTSMOTTAKER_PERSON_ID_INVALID: { change: (l) => (mottaker(l).norskIdentifikator = '08842199737') },
  AMELDING_INNTEKTSMOTTAKER_PERSON_ID_SYNTHETIC: { context: { environment: 'production' } },
  AMELDING_INNTEKTSMOTTAKER_ID_MISSING: { change: (l) => delete mottaker(l).norskIdentifikator },
  AMELDING_FOEDSELSDATO_MISMATCH: {
    change: (l) => (mottaker(l).identifiserendeInformasjon = { navn: 'Ola', foedselsdato: '2021-04-09' }),
  },
  AMELDING_KALENDERMAANED_INVALID: { change: (l) => (l.kalendermaaned = '2026-13') },
  AMELDING_KILDESYSTEM_INVALID: { change: (l) => (l.kildesystem = ' ') },
  AMELDING_MELDINGSID_INVALID: { change: (l) => (l.meldingsId = 'a b') },
  AMELDING_MELDINGSID_NOT_ALPHANUMERIC: { change: (l) => (l.meldingsId = '60656973-9df0-4e93-9e8e-9cf48d812be2') },
  AMELDING_YRKE_INVALID: { change: (l) => (mottaker(l).arbeidsforhold![0]!.yrke = '34111') },
  AMELDING_FORM_FOR_ANSETTELSE_MISSING: { change: (l) => delete mottaker(l).arbeidsforhold![0]!.formForAnsettelse },
  AMELDING_TIMELOENN_ANTALL_MISSING: {
    change: (l) => (mottaker(l).inntekt![0]!.loennsinntekt!.beskrivelse = 'timeloenn'),
  },
  AMELDING_CODE_UNKNOWN: { change: (l) => (mottaker(l).arbeidsforhold![0]!.typeArbeidsforhold = 'ordinært') },
  AMELDING_CODE_NOT_LISTED: { change: (l) => (mottaker(l).forskuddstrekk![0]!.beskrivelse = 'ukjent') },
  AMELDING_INNTEKT_TYPE_COUNT: {
    change: (l) => delete mottaker(l).inntekt![0]!.loennsinntekt,
    context: { source: 'json' },
  },
  AMELDING_TILLEGGSINFORMASJON_COUNT: {
    change: (l) => (mottaker(l).inntekt![0]!.loennsinntekt!.tilleggsinformasjon = {} as never),
    context: { source: 'json' },
  },
  AMELDING_DUPLICATE_VIRKSOMHET: { change: (l) => l.oppgave.virksomhet!.push(structuredClone(virksomhet(l))) },
  AMELDING_DUPLICATE_PERSON: {
    change: (l) => virksomhet(l).inntektsmottaker!.push(structuredClone(mottaker(l))),
  },
  AMELDING_DUPLICATE_ARBEIDSFORHOLD: {
    change: (l) => mottaker(l).arbeidsforhold!.push(structuredClone(mottaker(l).arbeidsforhold![0]!)),
  },
  AMELDING_INNTEKT_ARBEIDSFORHOLD_UNKNOWN: { change: (l) => (mottaker(l).inntekt![0]!.arbeidsforholdId = '2') },
  AMELDING_FORSKUDDSTREKK_POSITIVE: { change: (l) => (mottaker(l).forskuddstrekk![0]!.beloep = 12000) },
  AMELDING_SUM_FORSKUDDSTREKK: { change: (l) => (l.oppgave.betalingsinformasjon!.sumForskuddstrekk = 1200) },
  AMELDING_SUM_FORSKUDDSTREKK_PER_DATO: {
    change: (l) =>
      (l.oppgave.betalingsinformasjon!.sumForskuddstrekkPerLoennsutbetalingsdato = [
        { loennsutbetalingsdato: '2026-01-20', beloep: 1200 },
      ]),
  },
  AMELDING_SUM_ARBEIDSGIVERAVGIFT: { change: (l) => (l.oppgave.betalingsinformasjon!.sumArbeidsgiveravgift = 564) },
  AMELDING_SUM_ARBEIDSGIVERAVGIFT_ROUNDING: {
    change: (l) => (l.oppgave.betalingsinformasjon!.sumArbeidsgiveravgift = 5641),
  },
  AMELDING_SUM_UTLEGGSTREKK: { change: (l) => (l.oppgave.betalingsinformasjon!.sumUtleggstrekk = 100) },
  AMELDING_AGA_GRUNNLAG_MISMATCH: { change: (l) => (aga(l).avgiftsgrunnlagBeloep = '30000.00') },
  AMELDING_AGA_RATE_UNEXPECTED: { change: (l) => (aga(l).prosentsatsForAvgiftsberegning = '13.0') },
  AMELDING_MELDINGSID_NOT_UNIQUE: { context: { knownMessages: [known(ID, 'sent')] } },
  AMELDING_MELDINGSID_IN_OUTBOX: { context: { knownMessages: [known(ID, 'on-its-way')] } },
  AMELDING_ERSTATTER_SELF: { change: (l) => (l.erstatterMeldingsId = ID) },
  AMELDING_ERSTATTER_IN_OUTBOX: { change: replacing, context: { knownMessages: [known(OLD, 'on-its-way')] } },
  AMELDING_ERSTATTER_UNKNOWN: { change: replacing, context: { knownMessages: [] } },
  AMELDING_ERSTATTER_OTHER_MONTH: {
    change: replacing,
    context: { knownMessages: [known(OLD, 'sent', { kalendermaaned: '2025-12' })] },
  },
  AMELDING_ERSTATTER_ALREADY_REPLACED: {
    change: replacing,
    context: { knownMessages: [known(OLD, 'sent'), known('d4e5f6', 'sent', { erstatterMeldingsId: OLD })] },
  },
  AMELDING_ERSTATTER_REPLACEMENT_IN_OUTBOX: {
    change: replacing,
    context: { knownMessages: [known(OLD, 'sent'), known('d4e5f6', 'on-its-way', { erstatterMeldingsId: OLD })] },
  },
  AMELDING_PERIOD_IN_FUTURE: { context: { today: '2025-12-15' } },
  AMELDING_DEADLINE_PASSED: { context: { today: '2026-03-01' } },
  AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE: { context: { profileOrg: '974761076' } },
  // A firm's profile: the example's opplysningspliktig is not among its clients.
  AMELDING_OPPLYSNINGSPLIKTIG_NOT_CLIENT: { context: { profileOrg: '974761076', clientOrgs: ['910000017'] } },
};

const offline = AMELDING_CONTROLS.filter((row) => row.checkedBy === 'innsender');
const findings = (mutation: Mutation = {}) => {
  const leveranse = exampleLeveranse();
  mutation.change?.(leveranse);
  return checkAMeldingRules(leveranse, { ...testContext, ...mutation.context });
};

describe('a-melding controls table', () => {
  it('every control Innsender checks offline has a failing mutation here', () => {
    expect(offline.map((row) => row.code).filter((code) => !MUTATIONS[code])).toEqual([]);
  });

  it('the example passes every control', () => expect(findings()).toEqual([]));

  it.each(offline.map((row) => [row.code, row] as const))(
    '%s fails on its mutation, with its consequence',
    (code, row) => {
      const found = findings(MUTATIONS[code]).filter((f) => f.code === code);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) expect(f.severity).toBe(severityOf(row.consequence));
    },
  );
});
