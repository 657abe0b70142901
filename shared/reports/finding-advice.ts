import { text, type LocalizedText } from '../domain/localized';

/**
 * How to fix a finding, said to a bookkeeper: almost always "correct it in the system that made the file and make
 * the file again", so the advice names what to correct there. Matched on the finding's code, first match wins;
 * the last entry catches every code, so each finding has advice.
 */
const ADVICE: readonly [RegExp, LocalizedText][] = [
  // Tredjepart files come from an accounting system or a spreadsheet, not payroll: say so before the payroll advice.
  [
    /^TREDJEPART_(SUM|COUNT)_/,
    text(
      'Summene eller antallet i oppsummeringen stemmer ikke med oppgavene. Rett oppsummeringen i systemet eller regnearket som laget filen (eller la det regne dem ut), og lag filen på nytt.',
      'The totals or the count in the summary do not match the records. Correct the summary in the system or spreadsheet that made the file (or let it work them out), and make the file again.',
    ),
  ],
  [
    /^TREDJEPART_(?!.*NOT_PROFILE)/,
    text(
      'Rett dette i systemet eller regnearket som laget filen, og lag filen på nytt. Trenger du hjelp, oppgi koden under.',
      'Correct this in the system or spreadsheet that made the file, and make the file again. If you need help, give the code below.',
    ),
  ],
  [
    /_SUM_|SUM_MISMATCH|_AGA_/,
    text(
      'Summene i filen stemmer ikke med linjene. Kjør lønnen på nytt i lønnssystemet, slik at det regner ut summene selv, og lag filen på nytt.',
      'The totals in the file do not match its lines. Run the payroll again in your payroll system so it works out the totals itself, and make the file again.',
    ),
  ],
  [
    /MELDINGSID/,
    text(
      'Lag a-meldingen på nytt i lønnssystemet, slik at den får en ny meldings-ID.',
      'Make the a-melding again in your payroll system so it gets a new message ID.',
    ),
  ],
  [
    /ERSTATTER/,
    text(
      'I lønnssystemet: velg å erstatte den siste a-meldingen du sendte for samme måned, og lag filen på nytt.',
      'In your payroll system, choose to replace the latest a-melding you sent for the same month, and make the file again.',
    ),
  ],
  [
    /DEADLINE_PASSED/,
    text(
      'Send så snart som mulig. Rapporten kan sendes selv om fristen er passert.',
      'Send it as soon as possible. The report can be sent even though the deadline has passed.',
    ),
  ],
  [
    /NOT_PROFILE/,
    text(
      'Velg virksomheten filen gjelder øverst i appen, eller lag filen for riktig organisasjonsnummer.',
      'Choose the business the file is for at the top of the app, or make the file for the right organisation number.',
    ),
  ],
  [
    /STRUCTURE|XSD|NOT_RECOGNISED|UNREADABLE|NOT_A_LIST|KILDESYSTEM/,
    text(
      'Filen er ikke satt sammen slik Skatteetaten krever. Lag den på nytt fra lønnssystemet; hjelper ikke det, kontakt leverandøren og oppgi koden under.',
      'The file is not put together the way Skatteetaten requires. Make it again from your payroll system; if that does not help, contact its vendor and give them the code below.',
    ),
  ],
  [
    /^RF1086_/,
    text(
      'Rett opplysningene om selskapet eller aksjonæren i systemet som laget oppgaven, og lag filene på nytt.',
      'Correct the company or shareholder details in the system that made the return, and make the files again.',
    ),
  ],
  [
    /INNTEKTSMOTTAKER|FOEDSELSDATO|DUPLICATE_PERSON|YRKE|ARBEIDSFORHOLD|ANSETTELSE|TIMELOENN|FORSKUDDSTREKK|INNTEKT/,
    text(
      'Rett opplysningene om den ansatte i lønnssystemet (personen og arbeidsforholdet står over), og lag filen på nytt.',
      'Correct the employee’s details in your payroll system (the person and employment are named above), and make the file again.',
    ),
  ],
  [
    /./,
    text(
      'Rett dette i systemet som laget filen, og lag filen på nytt. Trenger du hjelp, oppgi koden under.',
      'Correct this in the system that made the file, and make the file again. If you need help, give the code below.',
    ),
  ],
];

export function adviceFor(code: string): LocalizedText {
  return ADVICE.find(([pattern]) => pattern.test(code))?.[1] ?? ADVICE[ADVICE.length - 1]![1];
}
