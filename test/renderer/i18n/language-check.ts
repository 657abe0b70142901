/**
 * What a reader should never meet in a translation: a raw code (SCREAMING_CASE with an underscore, as the rule and
 * status codes are written), English in bokmål, or Norwegian letters in English outside the names and terms of art
 * that have no English form (a-melding words, registers, places).
 */

/**
 * Words that are English and never bokmål: not "for", "status", "token", nor "to" (two), "at" (that), "is" (ice),
 * "sent" (late), "due" (dove), "by" (town).
 */
// One string split, so Prettier keeps the list on a few lines.
const ENGLISH_WORDS =
  'the and with this that these your you are was were has have not will should please click error errors warning warnings rejected accepted received failed pending submitted resource follows pattern details settings deadline feedback report reports draft save cancel close next back done ready approved request company amount or which when what how who yes step steps new open copy copied none unknown'.split(
    ' ',
  );
const ENGLISH = new RegExp(`\\b(${ENGLISH_WORDS.join('|')})\\b`, 'i');

/** Bokmål words and names an English text may carry because they have no English form. */
const NORWEGIAN_TERMS_IN_ENGLISH = [
  'Brønnøysund',
  'Brønnøysundregistrene',
  'Enhetsregisteret',
  'aksjonærregisteroppgave',
  'aksjonærregisteroppgaven',
  'Aksjonærregisteroppgave',
  'Aksjonærregisteret',
  'fødselsnummer',
  'Fødselsnummer',
  'særavgift',
  'Særavgift',
  'tilbakemelding',
  'Tilbakemelding',
  'forskuddstrekk',
  'Bokmål',
  'bokmål',
  'Norsk',
  'norsk',
];

/** Runs of capitals joined by underscores: AMELDING_SUM_FORSKUDDSTREKK, MOTTATT_MED_AVVIK. */
const RAW_CODE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

/** Interpolations ({{org}}) and the app's proper names are not words of either language. */
function readable(value: string): string {
  return value.replace(/\{\{[^}]*\}\}/g, ' ').replace(/\bInnsender\b/g, ' ');
}

export interface Leaf {
  key: string;
  value: string;
}

export function leaves(tree: unknown, prefix = ''): Leaf[] {
  if (typeof tree === 'string') return [{ key: prefix, value: tree }];
  if (tree && typeof tree === 'object') {
    return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

export function problemsInBokmal(value: string): string[] {
  const text = readable(value);
  const problems: string[] = [];
  const code = RAW_CODE.exec(text);
  if (code) problems.push(`raw code ${code[0]}`);
  const english = ENGLISH.exec(text);
  if (english) problems.push(`English word "${english[0]}"`);
  return problems;
}

export function problemsInEnglish(value: string): string[] {
  // A quoted label ("Egne public nøkler") is what the reader must find on a Norwegian portal's screen.
  let text = readable(value).replace(/"[^"]*"/g, ' ');
  for (const term of NORWEGIAN_TERMS_IN_ENGLISH) text = text.split(term).join(' ');
  const problems: string[] = [];
  const code = RAW_CODE.exec(text);
  if (code) problems.push(`raw code ${code[0]}`);
  const letters = /\S*[æøåÆØÅ]\S*/.exec(text);
  if (letters) problems.push(`Norwegian word "${letters[0]}"`);
  return problems;
}
