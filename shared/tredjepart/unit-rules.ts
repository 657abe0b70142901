import { error, warning, type Finding } from '../reports/finding';
import type { Oppgave } from './leveranse';
import type { TredjepartScheme } from './schemes';

/**
 * The housing schemes' own oppgave fields (innrapportering-boligselskap.md "Informasjonsmodell", boligsameie's
 * example): the unit (boenhet or matrikkelnummer), the ownership share and period, and boligselskap's purpose.
 */
const FORMAAL = ['bolig', 'fritidsbolig', 'fritidsboligUtland', 'ikkeBolig'];
/** The pages spell it three ways (`boligselskapFormaal`, `boligselskapFormål`, `boligselskapsFormål`). */
const FORMAAL_KEY = /^boligselskaps?Form(aa|å)l$/;

type Fields = Record<string, unknown>;
const obj = (v: unknown): Fields | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Fields) : undefined;
const present = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== '';

/** What identifies the unit an oppgave is about, for the duplicate check. */
export function unitKey(oppgave: Oppgave, unit: TredjepartScheme['unit']): string {
  const o = oppgave as Fields;
  if (unit === 'boenhet') {
    const b = obj(o.boenhet) ?? {};
    return `${String(b.aksjeboenhetsnummer ?? '')}/${String(b.andelsnummer ?? '')}`;
  }
  if (unit === 'matrikkelnummer') {
    const m = obj(o.matrikkelnummer) ?? {};
    return ['kommunenummer', 'gaardsnummer', 'bruksnummer', 'festenummer', 'seksjonsnummer']
      .map((k) => String(m[k] ?? ''))
      .join('-');
  }
  if (unit === 'aksjesparekonto') {
    const konto = obj(o.aksjesparekonto) ?? {};
    return `${String(konto.kontonummertype ?? '')}:${String(konto.kontonummer ?? '')}`;
  }
  return '';
}

export function unitFindings(oppgave: Oppgave, at: string, scheme: TredjepartScheme, leveranse: Fields): Finding[] {
  const o = oppgave as Fields;
  const findings: Finding[] = [];
  if (scheme.unit === 'boenhet') findings.push(...boenhetFindings(o.boenhet, `${at}/boenhet`));
  if (scheme.unit === 'matrikkelnummer')
    findings.push(...matrikkelFindings(o.matrikkelnummer, `${at}/matrikkelnummer`));
  if (scheme.unit === 'aksjesparekonto') findings.push(...kontoFindings(o.aksjesparekonto, `${at}/aksjesparekonto`));
  if (scheme.unit === 'boenhet' || scheme.unit === 'matrikkelnummer') {
    if (o.eierandel !== undefined) findings.push(...eierandelFindings(o.eierandel, `${at}/eierandel`));
    if (o.eiertid !== undefined) findings.push(...eiertidFindings(o.eiertid, `${at}/eiertid`));
  }
  if (scheme.id === 'boligselskap') findings.push(...formaalFindings(o, leveranse, at));
  return findings;
}

/** Each oppgave is one account, named by its number and the number's kind (ISIN, OBAN in the page's example). */
function kontoFindings(value: unknown, path: string): Finding[] {
  const konto = obj(value);
  if (!konto) {
    return [
      error(
        'TREDJEPART_KONTO_MISSING',
        path,
        'Aksjesparekontoen mangler.',
        'The share savings account (aksjesparekonto) is missing.',
      ),
    ];
  }
  if (!present(konto.kontonummer)) {
    return [
      error(
        'TREDJEPART_KONTO_MISSING',
        `${path}/kontonummer`,
        'Kontonummeret mangler.',
        'The account number (kontonummer) is missing.',
      ),
    ];
  }
  return [];
}

function boenhetFindings(value: unknown, path: string): Finding[] {
  const b = obj(value);
  if (!b) {
    return [error('TREDJEPART_BOENHET_MISSING', path, 'Boenheten mangler.', 'The housing unit (boenhet) is missing.')];
  }
  const findings: Finding[] = [];
  if (present(b.aksjeboenhetsnummer) === present(b.andelsnummer)) {
    findings.push(
      error(
        'TREDJEPART_BOENHET_NUMMER',
        path,
        'Boenheten skal ha enten aksjeboenhetsnummer eller andelsnummer, ikke begge eller ingen.',
        'The unit must have either aksjeboenhetsnummer or andelsnummer, not both or neither.',
      ),
    );
  }
  if (present(b.kommunenummer) && !/^\d{4}$/.test(String(b.kommunenummer))) {
    findings.push(kommuneFinding(String(b.kommunenummer), `${path}/kommunenummer`));
  }
  if (present(b.bolignummer) && !/^[HKLU]\d{4}$/.test(String(b.bolignummer))) {
    findings.push(
      warning(
        'TREDJEPART_BOLIGNUMMER_FORMAT',
        `${path}/bolignummer`,
        `Bolignummeret «${String(b.bolignummer)}» er ikke en bokstav (H, K, L, U) og fire siffer.`,
        `Bolignummer "${String(b.bolignummer)}" is not a letter (H, K, L, U) and four digits.`,
      ),
    );
  }
  return findings;
}

function matrikkelFindings(value: unknown, path: string): Finding[] {
  const m = obj(value);
  if (!m) {
    return [
      error(
        'TREDJEPART_MATRIKKEL_MISSING',
        path,
        'Matrikkelnummeret mangler.',
        'The cadastral number (matrikkelnummer) is missing.',
      ),
    ];
  }
  const findings: Finding[] = [];
  if (!/^\d{4}$/.test(String(m.kommunenummer ?? ''))) {
    findings.push(kommuneFinding(String(m.kommunenummer ?? ''), `${path}/kommunenummer`));
  }
  for (const key of ['gaardsnummer', 'bruksnummer']) {
    if (!/^[1-9]\d*$/.test(String(m[key] ?? ''))) {
      findings.push(
        error(
          'TREDJEPART_MATRIKKEL_INVALID',
          `${path}/${key}`,
          `${key} må være et positivt heltall.`,
          `${key} must be a positive whole number.`,
        ),
      );
    }
  }
  return findings;
}

function kommuneFinding(value: string, path: string): Finding {
  return error(
    'TREDJEPART_KOMMUNENUMMER_INVALID',
    path,
    `Kommunenummeret «${value}» må være fire siffer.`,
    `Municipality number "${value}" must be four digits.`,
  );
}

function eierandelFindings(value: unknown, path: string): Finding[] {
  const e = obj(value) ?? {};
  const teller = Number(e.eierandelTeller);
  const nevner = Number(e.eierandelNevner);
  const whole = (n: number) => Number.isInteger(n) && n > 0;
  if (whole(teller) && whole(nevner) && teller <= nevner) return [];
  return [
    error(
      'TREDJEPART_EIERANDEL_INVALID',
      path,
      'Eierandelen må være en brøk med positive heltall der telleren ikke er større enn nevneren.',
      'The ownership share must be a fraction of positive whole numbers with the numerator no larger than the denominator.',
    ),
  ];
}

/** `DDMM` within the income year ("0101" to "3112"), start no later than end. */
function eiertidFindings(value: unknown, path: string): Finding[] {
  const e = obj(value) ?? {};
  const ordinal = (v: unknown) => {
    const m = /^(\d{2})(\d{2})$/.exec(String(v ?? ''));
    if (!m) return null;
    const day = Number(m[1]);
    const month = Number(m[2]);
    const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return days && day >= 1 && day <= days ? month * 100 + day : null;
  };
  const start = ordinal(e.start);
  const end = ordinal(e.slutt);
  if (start !== null && end !== null && start <= end) return [];
  return [
    error(
      'TREDJEPART_EIERTID_INVALID',
      path,
      'Eiertiden må ha start og slutt som DDMM i inntektsåret, med start før slutt (f.eks. 0101–3112).',
      'The ownership period needs start and end as DDMM in the income year, start first (e.g. 0101–3112).',
    ),
  ];
}

function formaalFindings(oppgave: Fields, leveranse: Fields, at: string): Finding[] {
  const pick = (o: Fields) => Object.entries(o).find(([k]) => FORMAAL_KEY.test(k));
  const own = pick(oppgave);
  const shared = pick(leveranse);
  const used = own ?? shared;
  if (!used) {
    return [
      error(
        'TREDJEPART_FORMAAL_MISSING',
        at,
        'Boligselskapets formål må oppgis på leveransen eller på oppgaven.',
        "The housing company's purpose must be given on the leveranse or on the oppgave.",
      ),
    ];
  }
  if (FORMAAL.includes(String(used[1]))) return [];
  return [
    error(
      'TREDJEPART_FORMAAL_INVALID',
      own ? `${at}/${own[0]}` : `${at.replace(/\/oppgave\[\d+\]$/, '')}/${used[0]}`,
      `Formålet «${String(used[1])}» er ikke ett av ${FORMAAL.join(', ')}.`,
      `Purpose "${String(used[1])}" is not one of ${FORMAAL.join(', ')}.`,
    ),
  ];
}
