import { describe, expect, it } from 'vitest';
import { interpretFeedbackDocument } from '../../../shared/feedback/interpret-feedback';
import {
  FeedbackViewSchema,
  type AMeldingFeedbackView,
  type Rf1086FeedbackView,
} from '../../../shared/feedback/feedback-view';

const asAMelding = (content: string, mediaType = 'application/json') => {
  const view = FeedbackViewSchema.parse(interpretFeedbackDocument(content, mediaType));
  if (view.kind !== 'a-melding') throw new Error(`expected an a-melding reading, got ${view.kind}`);
  return view as AMeldingFeedbackView;
};
const asRf1086 = (content: string, mediaType = 'application/json') => {
  const view = FeedbackViewSchema.parse(interpretFeedbackDocument(content, mediaType));
  if (view.kind !== 'aksjonaerregisteroppgave') throw new Error(`expected an RF-1086 reading, got ${view.kind}`);
  return view as Rf1086FeedbackView;
};

describe('reading the a-melding tilbakemelding', () => {
  it('reads the sandbox’s document: status, amounts, payment details, one guideline deviation', () => {
    const view = asAMelding(
      JSON.stringify({
        melding: {
          mottak: [
            {
              kalendermaaned: '2026-02',
              opplysningspliktig: '310000001',
              innbetalingsinformasjon: {
                kontonummer: '63450618820',
                kidForArbeidsgiveravgift: '3100000011202602',
                kidForForskuddstrekk: '3100000012202602',
                forfallsdato: '2026-03-16',
              },
              mottattLeveranse: [
                {
                  altinnReferanse: 'f-1',
                  meldingsId: 'M-1',
                  mottakstatus: 'mottatt',
                  antallInntektsmottakere: 2,
                  mottattAvgiftOgTrekkTotalt: { sumArbeidsgiveravgift: 14100, sumForskuddstrekk: 30000 },
                  avvik: [
                    { avvikstype: '181E', alvorlighetsgrad: 'retningslinje', beskrivelse: 'Mangler stillingsprosent' },
                  ],
                },
              ],
              mottattPeriode: {
                mottattAvgiftOgTrekkTotalt: { sumArbeidsgiveravgift: 14100, sumForskuddstrekk: 30000 },
              },
            },
          ],
        },
      }),
    );
    expect(view.outcome).toBe('received-with-deviations');
    expect(view.headline.en).toContain('1 deviation to fix');
    expect(view.months[0]).toMatchObject({
      kalendermaaned: '2026-02',
      deliveries: [
        {
          meldingsId: 'M-1',
          status: 'mottatt',
          incomeRecipients: 2,
          totals: { arbeidsgiveravgift: 14100, forskuddstrekk: 30000, finansskatt: null },
        },
      ],
      periodTotals: { arbeidsgiveravgift: 14100 },
      payment: { kidForskuddstrekk: '3100000012202602', forfallsdato: '2026-03-16' },
    });
    expect(view.deviationGroups).toHaveLength(1);
    expect(view.deviationGroups[0]).toMatchObject({
      severity: 'guideline',
      deviations: [
        { code: '181E', text: 'Mangler stillingsprosent', where: { kalendermaaned: '2026-02', meldingsId: 'M-1' } },
      ],
    });
  });

  it('finds avvik anywhere in the echoed tree, points at the person and employment, and groups by severity', () => {
    const view = asAMelding(
      JSON.stringify({
        Melding: {
          Mottak: {
            Kalendermaaned: '2026-01',
            MottattLeveranse: { MeldingsId: 'A7', Mottakstatus: 'mottatt' },
            Virksomhet: {
              NorskIdentifikator: '973861778',
              Inntektsmottaker: [
                {
                  NorskIdentifikator: '01019012345',
                  IdentifiserendeInformasjon: { Navn: 'Kari Nordmann', Ansattnummer: '17' },
                  Arbeidsforhold: {
                    ArbeidsforholdId: 'AF-1',
                    Avvik: {
                      Avvikstype: '173',
                      Alvorlighetsgrad: 'øyeblikkelig',
                      Beskrivelse: 'Sluttdato før startdato',
                    },
                  },
                  Inntekt: [
                    {
                      Loennsinntekt: { Beskrivelse: 'fastloenn' },
                      Avvik: { Avvikstype: '166B', Alvorlighetsgrad: 'retningslinje' },
                    },
                  ],
                },
              ],
              Avvik: [{ Avvikstype: '100', Alvorlighetsgrad: 'avvisning', Beskrivelse: 'Ukjent virksomhet' }],
            },
            MottattPeriode: { MottattAvgiftOgTrekkTotalt: { SumForskuddstrekk: '1200.50' } },
          },
        },
      }),
    );
    expect(view.outcome).toBe('rejected');
    expect(view.deviationGroups.map((g) => [g.severity, g.deviations.length])).toEqual([
      ['rejection', 1],
      ['immediate', 1],
      ['guideline', 1],
    ]);
    const immediate = view.deviationGroups[1]?.deviations[0];
    expect(immediate?.where).toMatchObject({
      kalendermaaned: '2026-01',
      virksomhet: '973861778',
      personName: 'Kari Nordmann',
      personId: '010190*****',
      employeeNumber: '17',
      employmentId: 'AF-1',
    });
    expect(view.deviationGroups[2]?.deviations[0]?.where.income).toBe('fastloenn');
    expect(view.months[0]?.periodTotals?.forskuddstrekk).toBe(1200.5);
    expect(JSON.stringify(view)).not.toContain('01019012345');
  });

  it('reads the same tree as XML', () => {
    const view = asAMelding(
      `<?xml version="1.0" encoding="UTF-8"?>
      <melding xmlns="urn:ske:fastsetting:innsamling:a-meldingen:tilbakemelding:v1">
        <Mottak><kalendermaaned>2026-02</kalendermaaned>
          <mottattLeveranse><meldingsId>M-9</meldingsId><mottakstatus>mottatt</mottakstatus></mottattLeveranse>
          <mottattPeriode><mottattAvgiftOgTrekkTotalt><sumArbeidsgiveravgift>500</sumArbeidsgiveravgift></mottattAvgiftOgTrekkTotalt></mottattPeriode>
        </Mottak>
      </melding>`,
      'application/xml',
    );
    expect(view.outcome).toBe('received');
    expect(view.headline.nb).toBe('A-meldingen er mottatt uten avvik.');
    expect(view.months[0]?.periodTotals?.arbeidsgiveravgift).toBe(500);
  });
});

describe('reading the RF-1086 innsendingstilbakemelding', () => {
  it('an approved return with a warning', () => {
    const view = asRf1086(
      JSON.stringify({
        tilbakemelding: {
          oppgavetype: 'aksjonaerregisteroppgave',
          innsending: { behandletTidspunkt: '2026-03-02T08:01:00Z', innsendingsavvik: [] },
          fil: [
            {
              leveranse: [
                {
                  leveransestatus: 'godkjent',
                  leveransereferanse: 'L-1',
                  oppgavegiversleveransereferanse: 'H-1',
                  oppgavegiver: '310000001',
                  inntektsaar: '2025',
                  oppgaveoppsummering: { antallOppgaver: 3, antallAvvisteOppgaver: 0, antallOppgaverMedVarsel: 1 },
                  avvik: [
                    {
                      avvikskode: 'W1',
                      avvikstekst: 'Aksjeklasse mangler',
                      veiledning: 'Oppgi aksjeklasse',
                      alvorlighetsgrad: 'advarsel',
                    },
                  ],
                },
              ],
            },
          ],
        },
      }),
    );
    expect(view.outcome).toBe('approved-with-warnings');
    expect(view.processedAt).toBe('2026-03-02T08:01:00Z');
    expect(view.deliveries[0]).toMatchObject({
      status: 'godkjent',
      ownReference: 'H-1',
      tasks: 3,
      tasksWithWarnings: 1,
    });
    expect(view.deviationGroups[0]).toMatchObject({
      severity: 'warning',
      deviations: [{ code: 'W1', text: 'Aksjeklasse mangler', guidance: 'Oppgi aksjeklasse' }],
    });
  });

  it('a rejected return, as XML', () => {
    const view = asRf1086(
      `<tilbakemelding xmlns="urn:ske:fastsetting:innsamling:grunnlagsdata:tilbakemelding:innsendingstilbakemelding:v2">
        <innsending><behandletTidspunkt>2026-03-02T08:01:00Z</behandletTidspunkt></innsending>
        <fil><leveranse><leveransestatus>avvist</leveransestatus>
          <avvik><avvikskode>R1</avvikskode><avvikstekst>Ugyldig orgnr</avvikstekst><alvorlighetsgrad>avvist</alvorlighetsgrad></avvik>
        </leveranse></fil>
      </tilbakemelding>`,
      'application/xml',
    );
    expect(view.outcome).toBe('rejected');
    expect(view.deviationGroups[0]?.severity).toBe('rejection');
  });
});

describe('documents Innsender does not know', () => {
  it('says so instead of guessing', () => {
    expect(interpretFeedbackDocument('%PDF-1.7 …', 'application/pdf')).toMatchObject({
      kind: 'unknown',
      reason: 'unreadable',
    });
    expect(interpretFeedbackDocument('{"something":"else"}', 'application/json')).toMatchObject({
      kind: 'unknown',
      reason: 'unrecognised',
    });
    expect(interpretFeedbackDocument('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', 'application/xml')).toMatchObject({
      kind: 'unknown',
    });
  });
});
