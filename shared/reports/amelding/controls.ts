import { controlsByCode, findingsOf, SEVERITY_SOURCE, type Control } from '../controls/control';

const GUIDE = SEVERITY_SOURCE;
const DEVIATION = `${GUIDE}error-messagesdiscrepancies-magnetedag/`;
/** Uni Micro's list of a-melding deviation codes (formats.md [S16]); Skatteetaten's own list is not published as data. */
const UNI_MICRO = 'formats.md [S16] (Uni Micro help centre, list of a-melding avvik codes)';
const FORMATS = 'formats.md §2 (docs in /work/shared/docs)';
const XSD = 'assets/schemas/amelding_v2_2.xsd (formats.md [S1]) and docs/api/innrapportering-amelding-filopplasting.md';
const EXAMPLE_2026 =
  'https://github.com/Skatteetaten/api-dokumentasjon/blob/d84df4058ce018c359bb77689e0907d7a65b9d85/docs/api/innrapportering-amelding-filopplasting.md';

const NOT_GRADED =
  'Skatteetaten grades every MAGNET/EDAG deviation, but the grade of this code was not stated in the sources read; ';

/**
 * The a-melding controls: Skatteetaten's deviation codes (MAGNET/EDAG) a client can check, their official
 * consequence, and Innsender's own checks. Every a-melding rule's findings get their code and severity from here.
 */
export const AMELDING_CONTROLS = [
  // Identifiers (formats.md §2.1, §4).
  row(
    'AMELDING_OPPLYSNINGSPLIKTIG_ORGNR_INVALID',
    'avvisning',
    'Opplysningspliktig har ugyldig organisasjonsnummer.',
    'The reporting entity has an invalid organisation number.',
    FORMATS,
    { note: 'The XSD-level identity of the sender; a message for an unknown entity cannot be received.' },
  ),
  row(
    'AMELDING_OPPLYSNINGSPLIKTIG_PERSON_ID_INVALID',
    'avvisning',
    'Opplysningspliktig har ugyldig fødselsnummer.',
    'The reporting person has an invalid national identity number.',
    FORMATS,
    { note: 'A private person who employs someone reports with a fødselsnummer as opplysningspliktig.' },
  ),
  row(
    'AMELDING_OPPLYSNINGSPLIKTIG_PERSON_ID_SYNTHETIC',
    'innsender-feil',
    'Syntetisk testnummer brukt mot produksjon.',
    'Synthetic test number used against production.',
    FORMATS,
  ),
  row(
    'AMELDING_VIRKSOMHET_ORGNR_INVALID',
    'avvisning',
    'Virksomheten har ugyldig organisasjonsnummer.',
    'The sub-unit has an invalid organisation number.',
    UNI_MICRO,
    { official: '107B', note: `${NOT_GRADED}an unidentifiable sub-unit cannot be registered, so it blocks.` },
  ),
  row(
    'AMELDING_VIRKSOMHET_PERSON_ID_INVALID',
    'avvisning',
    'Virksomheten har ugyldig fødselsnummer.',
    'The sub-unit has an invalid national identity number.',
    UNI_MICRO,
    { official: '107B' },
  ),
  row(
    'AMELDING_VIRKSOMHET_PERSON_ID_SYNTHETIC',
    'innsender-feil',
    'Syntetisk testnummer brukt mot produksjon.',
    'Synthetic test number used against production.',
    FORMATS,
  ),
  row(
    'AMELDING_VIRKSOMHET_PERSON_NOT_EMPLOYER',
    'avvisning',
    'En virksomhet med fødselsnummer må være den samme personen som opplysningspliktig.',
    'A sub-unit given by national identity number must be the same person as the reporting entity.',
    `${GUIDE} (Organisation number: a private employer reports with their fødselsnummer as both opplysningspliktig and virksomhet)`,
    { official: '107B' },
  ),
  row(
    'AMELDING_INNTEKTSMOTTAKER_PERSON_ID_INVALID',
    'avvisning',
    'Inntektsmottakeren har ugyldig fødselsnummer eller D-nummer.',
    'The income recipient has an invalid national identity number or D number.',
    FORMATS,
  ),
  row(
    'AMELDING_INNTEKTSMOTTAKER_PERSON_ID_SYNTHETIC',
    'innsender-feil',
    'Syntetisk testnummer brukt mot produksjon.',
    'Synthetic test number used against production.',
    FORMATS,
  ),
  row(
    'AMELDING_INNTEKTSMOTTAKER_ID_MISSING',
    'avvisning',
    'Inntektsmottakeren mangler identifikasjon.',
    'The income recipient has no identification.',
    XSD,
  ),
  row(
    'AMELDING_FOEDSELSDATO_MISMATCH',
    'retningslinje',
    'Fødselsdatoen stemmer ikke med fødselsnummeret.',
    'The birth date does not match the identity number.',
    UNI_MICRO,
    { official: '254' },
  ),
  skatteetatenOnly(
    'AMELDING_PERSON_NOT_IN_FOLKEREGISTERET',
    '180D',
    'Personen finnes ikke i Folkeregisteret.',
    'The person is not in the National Population Register.',
    UNI_MICRO,
    'Needs a lookup in Folkeregisteret, which is not available offline.',
  ),
  // Format (formats.md §2.2).
  row('AMELDING_KALENDERMAANED_INVALID', 'avvisning', 'Ugyldig kalendermåned.', 'Invalid calendar month.', XSD),
  row(
    'AMELDING_KILDESYSTEM_INVALID',
    'avvisning',
    'Kildesystem mangler eller er for langt.',
    'kildesystem is missing or too long.',
    XSD,
  ),
  row(
    'AMELDING_MELDINGSID_INVALID',
    'avvisning',
    'Ugyldig meldings-ID.',
    'Invalid message ID.',
    `${DEVIATION}ugyldig-meldingsid-181e (formats.md [S12])`,
    { official: '181E' },
  ),
  row(
    'AMELDING_MELDINGSID_NOT_ALPHANUMERIC',
    'innsender-advarsel',
    "Meldings-ID med '-', '_' eller '.'.",
    "Message ID with '-', '_' or '.'.",
    EXAMPLE_2026,
    {
      official: '181E',
      note: "Rule 181E (formats.md [S12]) allows only letters and digits; the XSD pattern allows '-', '_' and '.', and Skatteetaten's own 2026 API example sends a hyphenated UUID, which its status example answers KLAR_TIL_INNSENDING. The newer example and the XSD win: it is received, so this only warns, for users who also deliver through channels that apply 181E.",
    },
  ),
  row('AMELDING_YRKE_INVALID', 'rett-straks', 'Ugyldig yrkeskode.', 'Invalid occupation code.', UNI_MICRO, {
    official: '115',
    note: `${NOT_GRADED}the occupation is required for ordinary employment, so it blocks.`,
  }),
  row(
    'AMELDING_FORM_FOR_ANSETTELSE_MISSING',
    'rett-straks',
    'Ansettelsesform mangler.',
    'Form of employment is missing.',
    'https://www.sparebank1.no/nb/ostfold-akershus/bedrift/kundeservice/bank-regnskap/hvorfor-far-jeg-feilmelding-i-a-meldingen-.html',
    { official: '291', note: `${NOT_GRADED}required since January 2021, so it blocks.` },
  ),
  row(
    'AMELDING_TIMELOENN_ANTALL_MISSING',
    'retningslinje',
    'Timelønn uten antall timer.',
    'Hourly pay without the number of hours.',
    UNI_MICRO,
    { official: '505' },
  ),
  row(
    'AMELDING_CODE_UNKNOWN',
    'rett-straks',
    'Ugyldig kodeverdi.',
    'Invalid code value.',
    `${DEVIATION}invalid-value-f282/`,
    { official: '282' },
  ),
  row(
    'AMELDING_CODE_NOT_LISTED',
    'innsender-advarsel',
    'Kodeverdien finnes ikke i Innsenders (ufullstendige) kodeliste.',
    "The code value is not in Innsender's (incomplete) code list.",
    'shared/reports/codelists/*.json (lists marked unknownSeverity "warning")',
    {
      official: '282',
      note: 'The list itself is known to be partial, so an unknown value may be valid: only a warning.',
    },
  ),
  // Structure choices the JSON model cannot express (the XSD enforces them for XML).
  row(
    'AMELDING_INNTEKT_TYPE_COUNT',
    'avvisning',
    'En inntekt skal ha nøyaktig én inntektstype.',
    'An income must have exactly one income type.',
    XSD,
    { official: '104', note: 'An XSD choice; the API refuses the content (AMLD_1032).' },
  ),
  row(
    'AMELDING_TILLEGGSINFORMASJON_COUNT',
    'avvisning',
    'Tilleggsinformasjon skal ha nøyaktig ett felt.',
    'tilleggsinformasjon must have exactly one field.',
    XSD,
    { official: '104', note: 'An XSD choice; the API refuses the content (AMLD_1032).' },
  ),
  // Duplicates (formats.md §2.1).
  row(
    'AMELDING_DUPLICATE_VIRKSOMHET',
    'innsender-feil',
    'Samme virksomhet er med flere ganger.',
    'The same sub-unit appears more than once.',
    FORMATS,
  ),
  row(
    'AMELDING_DUPLICATE_PERSON',
    'rett-straks',
    'Samme person er rapportert to ganger i virksomheten.',
    'The same person is reported twice in the sub-unit.',
    UNI_MICRO,
    { official: '175B', note: `${NOT_GRADED}a double report double-counts income and withholding, so it blocks.` },
  ),
  row(
    'AMELDING_DUPLICATE_ARBEIDSFORHOLD',
    'innsender-feil',
    'Samme arbeidsforhold-ID to ganger for samme person.',
    'The same employment ID twice for one person.',
    FORMATS,
  ),
  row(
    'AMELDING_INNTEKT_ARBEIDSFORHOLD_UNKNOWN',
    'innsender-advarsel',
    'Inntekten viser til et arbeidsforhold som ikke er rapportert.',
    'The income refers to an employment that is not reported.',
    FORMATS,
  ),
  // Sums (formats.md §2.3).
  row(
    'AMELDING_FORSKUDDSTREKK_POSITIVE',
    'rett-straks',
    'Positivt forskuddstrekk for en person.',
    'Positive withholding for a person.',
    'https://www.sparebank1.no/nb/ostfold-akershus/bedrift/kundeservice/bank-regnskap/hvorfor-far-jeg-feilmelding-i-a-meldingen-.html',
    { official: '278' },
  ),
  row(
    'AMELDING_SUM_FORSKUDDSTREKK',
    'rett-straks',
    'sumForskuddstrekk stemmer ikke med trekket for personene.',
    'sumForskuddstrekk does not match the withholding for the people.',
    `${DEVIATION}error-in-advance-tax-deductions-173 (formats.md [S11])`,
    { official: '173' },
  ),
  row(
    'AMELDING_SUM_FORSKUDDSTREKK_PER_DATO',
    'rett-straks',
    'Forskuddstrekk per lønnsutbetalingsdato stemmer ikke med trekket for personene.',
    'Withholding per payment date does not match the withholding for the people.',
    `${EXAMPLE_2026} (v2_3: the per-date sums replace sumForskuddstrekk)`,
    { official: '173', note: 'The v2_3 form of deviation 173: the per-date amounts are what Skatteetaten reconciles.' },
  ),
  row(
    'AMELDING_SUM_ARBEIDSGIVERAVGIFT',
    'innsender-feil',
    'sumArbeidsgiveravgift stemmer ikke med grunnlag × sats.',
    'sumArbeidsgiveravgift does not match base × rate.',
    FORMATS,
  ),
  row(
    'AMELDING_SUM_ARBEIDSGIVERAVGIFT_ROUNDING',
    'innsender-advarsel',
    'sumArbeidsgiveravgift avviker med avrunding.',
    'sumArbeidsgiveravgift differs by rounding.',
    FORMATS,
  ),
  row(
    'AMELDING_SUM_UTLEGGSTREKK',
    'innsender-advarsel',
    'sumUtleggstrekk stemmer ikke med utleggstrekket for personene.',
    'sumUtleggstrekk does not match the attachment deductions for the people.',
    FORMATS,
  ),
  row(
    'AMELDING_AGA_GRUNNLAG_MISMATCH',
    'retningslinje',
    'Grunnlaget for arbeidsgiveravgift stemmer ikke med avgiftspliktig inntekt.',
    "The employer's contribution base does not match the liable income.",
    FORMATS,
    { official: '184', note: 'The formula is unconfirmed (formats.md §2.3), so a guideline.' },
  ),
  row(
    'AMELDING_AGA_RATE_UNEXPECTED',
    'innsender-advarsel',
    'Ukjent sats for arbeidsgiveravgift i sonen.',
    "Unknown employer's contribution rate for the zone.",
    'shared/reports/codelists/arbeidsgiveravgift-satser.json',
  ),
  // Replacement and uniqueness (formats.md §2.4).
  row(
    'AMELDING_MELDINGSID_NOT_UNIQUE',
    'avvisning',
    'Meldings-ID er brukt før.',
    'The message ID was used before.',
    UNI_MICRO,
    { official: '181' },
  ),
  row(
    'AMELDING_MELDINGSID_IN_OUTBOX',
    'innsender-advarsel',
    'Meldings-ID ligger allerede i utboksen.',
    'The message ID is already in the outbox.',
    'main/reports/known-messages.ts',
  ),
  row(
    'AMELDING_ERSTATTER_SELF',
    'avvisning',
    'En melding kan ikke erstatte seg selv.',
    'A message cannot replace itself.',
    `${GUIDE} (Replacement a-melding or new a-melding)`,
  ),
  row(
    'AMELDING_ERSTATTER_IN_OUTBOX',
    'innsender-advarsel',
    'Meldingen som erstattes er ikke mottatt ennå.',
    'The message being replaced has not been received yet.',
    'main/reports/known-messages.ts',
  ),
  row(
    'AMELDING_ERSTATTER_UNKNOWN',
    'innsender-advarsel',
    'Meldingen som erstattes er ukjent for Innsender.',
    'The message being replaced is unknown to Innsender.',
    'main/reports/known-messages.ts',
    { note: 'It may have been sent from another system; only Skatteetaten knows (166B).' },
  ),
  row(
    'AMELDING_ERSTATTER_OTHER_MONTH',
    'avvisning',
    'En erstatning må gjelde samme måned.',
    'A replacement must be for the same month.',
    `${GUIDE} (Replacement a-melding or new a-melding; formats.md [S13])`,
  ),
  row(
    'AMELDING_ERSTATTER_ALREADY_REPLACED',
    'avvisning',
    'Meldingen er allerede erstattet.',
    'The message has already been replaced.',
    `${GUIDE} (formats.md [S13])`,
    { official: '166B' },
  ),
  row(
    'AMELDING_ERSTATTER_REPLACEMENT_IN_OUTBOX',
    'innsender-advarsel',
    'En annen erstatning ligger i utboksen.',
    'Another replacement is in the outbox.',
    'main/reports/known-messages.ts',
    { official: '166B' },
  ),
  // Deadline and profile.
  row(
    'AMELDING_PERIOD_IN_FUTURE',
    'innsender-advarsel',
    'Kalendermåneden har ikke begynt.',
    'The calendar month has not started.',
    FORMATS,
  ),
  row(
    'AMELDING_DEADLINE_PASSED',
    'innsender-advarsel',
    'Fristen er passert.',
    'The deadline has passed.',
    'formats.md [S14]',
  ),
  row(
    'AMELDING_OPPLYSNINGSPLIKTIG_NOT_PROFILE',
    'innsender-feil',
    'Meldingen gjelder en annen opplysningspliktig enn profilen.',
    'The message is for another reporting entity than the profile.',
    'main/profiles',
  ),
  row(
    'AMELDING_OPPLYSNINGSPLIKTIG_NOT_CLIENT',
    'innsender-feil',
    'Meldingen gjelder en virksomhet som ikke er klient av regnskapsførerkontoret.',
    "The message is for an organisation that is not one of the accounting firm's clients.",
    'main/firm (altinn-auth.md §5.4: the agent systembruker acts only for delegated clients)',
  ),
  // Published deviations only Skatteetaten can check.
  skatteetatenOnly(
    'AMELDING_EMPLOYMENT_NOT_CONTINUED',
    '108',
    'Arbeidsforhold fra forrige måned mangler.',
    'An employment from last month is missing.',
    `${UNI_MICRO}; enforcement fine per https://www.skatteetaten.no/en/business-and-organisation/employer/the-a-melding/enforcement-fines-and-appeals-the-a-melding/`,
    "Compares with the previous months' messages as Skatteetaten registered them, including those sent from other systems.",
  ),
  skatteetatenOnly(
    'AMELDING_LEAVE_NOT_REPEATED',
    '231',
    'Permisjon fra forrige måned er ikke gjentatt.',
    'Leave from last month is not repeated.',
    `${UNI_MICRO}; enforcement fine per https://www.skatteetaten.no/en/business-and-organisation/employer/the-a-melding/enforcement-fines-and-appeals-the-a-melding/`,
    "Compares with the previous month's message as Skatteetaten registered it.",
  ),
  skatteetatenOnly(
    'AMELDING_DEVIATION_142C',
    '142C',
    'Avvik 142C.',
    'Deviation 142C.',
    UNI_MICRO,
    'Its meaning was not recorded in the sources read (formats.md §2.4).',
  ),
  skatteetatenOnly(
    'AMELDING_DEVIATION_276',
    '276',
    'Avvik 276.',
    'Deviation 276.',
    UNI_MICRO,
    'Its meaning was not recorded in the sources read (formats.md §2.4).',
  ),
] as const satisfies readonly Control[];

export type AMeldingControlCode = (typeof AMELDING_CONTROLS)[number]['code'];

export const AMELDING_CONTROLS_BY_CODE = controlsByCode<Control>(AMELDING_CONTROLS);

/** A finding for an a-melding control; the code must be a row of the table (checked by the compiler). */
export const aMeldingFinding = findingsOf<AMeldingControlCode>(AMELDING_CONTROLS_BY_CODE);

function row<C extends string>(
  code: C,
  consequence: Control['consequence'],
  nb: string,
  en: string,
  source: string,
  extra: { official?: string; note?: string } = {},
) {
  return { code, consequence, checkedBy: 'innsender', message: { nb, en }, source, ...extra } as const;
}

function skatteetatenOnly<C extends string>(
  code: C,
  official: string,
  nb: string,
  en: string,
  source: string,
  note: string,
) {
  return {
    code,
    official,
    consequence: 'rett-straks',
    checkedBy: 'skatteetaten',
    message: { nb, en },
    source,
    note,
  } as const;
}
