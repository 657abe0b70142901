import { z } from 'zod';
import { boolean, date, dateTime, decimal, integer, text, year, yearMonth } from './leaf-types';

// The a-melding as one typed model: the element tree of XSD v2_2 (formats.md §1.2–1.3) plus the v2_3 additions
// (§1.4, marked "v2_3"). Key order is the XSD sequence order, which the XML writer relies on. The model is
// exactly the JSON the Altinn 3 API takes inside {"leveranse": …}: decimals as strings, integers as numbers,
// repeating elements as arrays (absent when empty). Objects are strict so unknown JSON keys are reported.

const many = <T extends z.ZodType>(item: T) => z.array(item).optional();

const Periode = z.strictObject({ startdato: date(), sluttdato: date() });

const BilOgBaat = z.strictObject({
  antallKilometer: decimal().optional(),
  antallReiser: integer().optional(),
  heravAntallKilometerMellomHjemOgArbeid: decimal().optional(),
  listeprisForBil: decimal().optional(),
  bilregistreringsnummer: text().optional(),
  erBilpool: boolean().optional(),
  erAnnenBil: boolean().optional(),
  erBilUtenforStandardregelen: boolean().optional(),
  personklassifiseringAvBilbruker: text().optional(),
});

/** An XSD choice: exactly one member may be present (checked by the XSD for XML and by `structure.ts` rules). */
const Tilleggsinformasjon = z.strictObject({
  bilOgBaat: BilOgBaat.optional(),
  dagmammaIEgenBolig: z.strictObject({ antallBarn: integer(), antallMaaneder: integer() }).optional(),
  etterbetalingsperiode: Periode.optional(),
  inntektPaaNorskKontinentalsokkel: z
    .strictObject({ tidsrom: Periode.optional(), gjelderLoennFoerste60Dager: boolean().optional() })
    .optional(),
  inntjeningsforhold: text().optional(),
  livrente: z.strictObject({ totaltUtbetaltBeloep: decimal() }).optional(),
  lottOgPart: z.strictObject({ antallDager: integer().optional() }).optional(),
  nettoloenn: z
    .strictObject({
      oppgrossingstabellnummer: integer().optional(),
      bilinformasjon: BilOgBaat.optional(),
      betaltSkattebeloepIUtlandet: decimal().optional(),
    })
    .optional(),
  pensjon: z
    .strictObject({
      grunnpensjonsbeloep: decimal().optional(),
      tilleggspensjonsbeloep: decimal().optional(),
      ufoeregrad: integer().optional(),
      pensjonsgrad: integer().optional(),
      heravEtterlattepensjon: decimal().optional(),
      tidsrom: Periode.optional(),
    })
    .optional(),
  reiseKostOgLosji: z.strictObject({ persontype: text().optional(), antallReiser: integer().optional() }).optional(),
  utenlandskArtist: z
    .strictObject({ inntektsaar: year(), oppgrossingsgrunnlag: decimal(), trukketArtistskatt: integer() })
    .optional(),
  bonusFraForsvaret: z.strictObject({ aaretUtbetalingenGjelderFor: year().optional() }).optional(),
});

const Spesifikasjon = z.strictObject({
  skattemessigBosattILand: text().optional(),
  opptjeningsland: text().optional(),
  erOpptjentPaaHjelpefartoey: boolean().optional(),
  erOpptjentPaaKontinentalsokkel: boolean().optional(),
});

const Loennsinntekt = z.strictObject({
  beskrivelse: text(),
  tilleggsinformasjon: Tilleggsinformasjon.optional(),
  spesifikasjon: Spesifikasjon.optional(),
  antall: decimal().optional(),
});

const BeskrevetInntekt = z.strictObject({ beskrivelse: text(), tilleggsinformasjon: Tilleggsinformasjon.optional() });

export const InntektSchema = z.strictObject({
  skatteOgAvgiftsregel: text().optional(),
  startdatoOpptjeningsperiode: date().optional(),
  sluttdatoOpptjeningsperiode: date().optional(),
  fordel: text(),
  utloeserArbeidsgiveravgift: boolean(),
  inngaarIGrunnlagForTrekk: boolean(),
  beloep: decimal(),
  arbeidsforholdId: text().optional(),
  // XSD choice: exactly one of the four.
  loennsinntekt: Loennsinntekt.optional(),
  ytelseFraOffentlige: BeskrevetInntekt.optional(),
  pensjonEllerTrygd: BeskrevetInntekt.optional(),
  naeringsinntekt: BeskrevetInntekt.optional(),
});
export type Inntekt = z.infer<typeof InntektSchema>;

const Permisjon = z.strictObject({
  startdato: date(),
  sluttdato: date().optional(),
  permisjonsprosent: decimal(),
  permisjonId: text(),
  beskrivelse: text(),
  loennet: boolean().optional(), // v2_3
});

const Permittering = z.strictObject({
  permitteringId: text(),
  varslingsdato: date(),
  startdatoPermittering: date(),
  sluttdatoPermittering: date().optional(),
  sluttdatoLoennsplikt: date(),
  permitteringsprosent: decimal(),
  permitteringsaarsak: text(),
});

const MoenstringPaaFartoey = z.strictObject({
  moenstringsperiodeId: text(),
  fartoeyId: text(),
  paamoenstringsdato: date(),
  avmoenstringsdato: date().optional(),
  yrkePerMoenstring: many(text()),
});

export const ArbeidsforholdSchema = z.strictObject({
  arbeidsforholdId: text().optional(),
  typeArbeidsforhold: text(),
  startdato: date().optional(),
  sluttdato: date().optional(),
  antallTimerPerUkeSomEnFullStillingTilsvarer: decimal().optional(),
  avloenningstype: text().optional(),
  yrke: text().optional(),
  arbeidstidsordning: text().optional(),
  stillingsprosent: decimal().optional(),
  sisteLoennsendringsdato: date().optional(),
  loennsansiennitet: date().optional(),
  loennstrinn: text().optional(),
  fartoey: z.strictObject({ skipsregister: text(), skipstype: text(), fartsomraade: text() }).optional(),
  permisjon: many(Permisjon),
  sisteDatoForStillingsprosentendring: date().optional(),
  aarsakTilSluttdato: text().optional(),
  formForAnsettelse: text().optional(),
  permittering: many(Permittering), // v2_3
  moenstringPaaFartoey: many(MoenstringPaaFartoey), // v2_3
});
export type Arbeidsforhold = z.infer<typeof ArbeidsforholdSchema>;

export const InntektsmottakerSchema = z.strictObject({
  norskIdentifikator: text().optional(),
  internasjonalIdentifikator: many(z.strictObject({ identifikator: text(), identifikatortype: text(), land: text() })),
  identifiserendeInformasjon: z
    .strictObject({ navn: text(), foedselsdato: date(), ansattnummer: text().optional() })
    .optional(),
  arbeidsforhold: many(ArbeidsforholdSchema),
  fradrag: many(z.strictObject({ beskrivelse: text(), beloep: decimal() })),
  forskuddstrekk: many(z.strictObject({ beskrivelse: text().optional(), beloep: integer() })),
  inntekt: many(InntektSchema),
  sjoefolksrelatertInformasjon: z
    .strictObject({
      antallDoegnOmbord: integer().optional(),
      antallDoegnOmbordUtenDekkedeSmaautgifter: integer().optional(),
    })
    .optional(),
  oppholdPaaSvalbardJanMayenOgBilandene: many(
    z.strictObject({ oppholdsId: text(), startdato: date(), sluttdato: date().optional(), beskrivelse: text() }),
  ),
  utleggstrekk: many(
    z.strictObject({
      beskrivelse: text(),
      beloep: integer(),
      datoForUtleggstrekk: date().optional(), // v2_3
    }),
  ),
});
export type Inntektsmottaker = z.infer<typeof InntektsmottakerSchema>;

export const AvgiftsgrunnlagSchema = z.strictObject({
  beregningskodeForArbeidsgiveravgift: text(),
  sone: text(),
  avgiftsgrunnlagBeloep: decimal(),
  prosentsatsForAvgiftsberegning: decimal(),
});
export type Avgiftsgrunnlag = z.infer<typeof AvgiftsgrunnlagSchema>;

export const AvgiftsfradragSchema = z.strictObject({
  beregningskodeForArbeidsgiveravgift: text(),
  sone: text(),
  avgiftsfradragBeloep: decimal(),
  prosentsatsForAvgiftsberegning: decimal(),
});

export const ArbeidsgiveravgiftSchema = z.strictObject({
  loennOgGodtgjoerelse: many(AvgiftsgrunnlagSchema),
  tilskuddOgPremieTilPensjon: many(AvgiftsgrunnlagSchema),
  utenlandskeMedSaerskiltProsentsats: z
    .strictObject({ avgiftsgrunnlagBeloep: decimal(), prosentsatsForAvgiftsberegning: decimal() })
    .optional(),
  utenlandskeMedFastAvgiftsbeloep: z
    .strictObject({ antallAvgiftsgrunnlagPersoner: integer(), beloepssatsForAvgiftsberegning: decimal() })
    .optional(),
  fradragIGrunnlagetForSone: many(AvgiftsfradragSchema),
  fradragIGrunnlagetForUtenlandsk: z
    .strictObject({ avgiftsfradragBeloep: decimal(), prosentsatsForAvgiftsberegning: decimal() })
    .optional(),
  samletGrunnlagUnderOpplysningsplikt: integer().optional(), // v2_3
});
export type Arbeidsgiveravgift = z.infer<typeof ArbeidsgiveravgiftSchema>;

export const VirksomhetSchema = z.strictObject({
  norskIdentifikator: text(),
  inntektsmottaker: many(InntektsmottakerSchema),
  arbeidsgiveravgift: ArbeidsgiveravgiftSchema.optional(),
});
export type Virksomhet = z.infer<typeof VirksomhetSchema>;

export const BetalingsinformasjonSchema = z.strictObject({
  sumForskuddstrekk: integer().optional(),
  sumArbeidsgiveravgift: integer().optional(),
  sumFinansskattLoenn: integer().optional(),
  sumUtleggstrekk: integer().optional(),
  sumForskuddstrekkPerLoennsutbetalingsdato: many(z.strictObject({ loennsutbetalingsdato: date(), beloep: integer() })), // v2_3
});

export const LeveranseSchema = z.strictObject({
  leveringstidspunkt: dateTime(),
  kalendermaaned: yearMonth(),
  kildesystem: text(),
  erstatterMeldingsId: text().optional(),
  meldingsId: text(),
  opplysningspliktig: z.strictObject({ norskIdentifikator: text() }),
  oppgave: z.strictObject({
    betalingsinformasjon: BetalingsinformasjonSchema.optional(),
    betalingsinformasjonForForenkletOrdning: many(
      z.strictObject({
        sumForskuddstrekk: integer().optional(),
        sumArbeidsgiveravgift: integer().optional(),
        loennsutbetalingsdato: date(),
      }),
    ),
    annenBagatellmessigStoette: decimal().optional(),
    virksomhet: many(VirksomhetSchema),
    pensjonsinnretning: many(z.strictObject({ identifikator: text() })),
  }),
  spraakForTilbakemelding: z.enum(['bokmaal', 'nynorsk', 'engelsk']).optional(),
});
export type Leveranse = z.infer<typeof LeveranseSchema>;
