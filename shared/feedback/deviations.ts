import { text, type LocalizedText } from '../domain/localized';
import { firstStr, isNode, str, type Node, type Tree } from './document-tree';
import { SEVERITY_ORDER, type Deviation, type DeviationGroup, type Severity } from './feedback-view';

type Where = Deviation['where'];
const NOWHERE: Where = {
  kalendermaaned: null,
  meldingsId: null,
  virksomhet: null,
  personName: null,
  personId: null,
  employeeNumber: null,
  employmentId: null,
  income: null,
};

/** Both feedback families' words for severity (skatteetaten-apis.md §1.5 [T5], §2.5 [A15]). */
export function severityOf(value: string | null): Severity {
  const v = (value ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace('ø', 'oe');
  if (v.startsWith('avvis') || v === 'avvist') return 'rejection';
  if (v.startsWith('oeyeblikkelig') || v.startsWith('oyeblikkelig') || v.startsWith('øyeblikkelig')) return 'immediate';
  if (v.startsWith('retningslinje')) return 'guideline';
  if (v.startsWith('advarsel') || v === 'varsel') return 'warning';
  return 'unknown';
}

const LABELS: Record<Severity, LocalizedText> = {
  rejection: text('Avvist – må rettes før meldingen godtas', 'Rejected – must be fixed before it is accepted'),
  immediate: text('Rett straks (øyeblikkelig)', 'Fix now (immediate)'),
  guideline: text('Rett i neste melding (retningslinje)', 'Fix in the next report (guideline)'),
  warning: text('Advarsel', 'Warning'),
  unknown: text('Annet avvik', 'Other deviation'),
};

export function groupBySeverity(deviations: Deviation[]): DeviationGroup[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    label: LABELS[severity],
    deviations: deviations.filter((d) => d.severity === severity),
  })).filter((g) => g.deviations.length > 0);
}

/** `01019012345` → `010190*****`: enough for the owner to know who, nothing for a log to leak. */
export function maskPersonId(id: string | null): string | null {
  if (!id) return null;
  return /^\d{11}$/.test(id) ? `${id.slice(0, 6)}*****` : id;
}

/**
 * Walks the whole document and returns every `avvik` (and, for the GLD format, `innsendingsavvik`/`filavvik`)
 * with what its ancestors say about where it points. Rendering generically like this is what the spec advises
 * while the exact tree is unconfirmed: an avvik is found wherever it hangs.
 */
export function collectDeviations(root: Tree): Deviation[] {
  const found: Deviation[] = [];
  walk(root, NOWHERE, '', found);
  return found;
}

const DEVIATION_KEYS = new Set(['avvik', 'innsendingsavvik', 'filavvik']);

function walk(value: Tree, where: Where, path: string, found: Deviation[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, where, `${path}[${i}]`, found));
    return;
  }
  if (!isNode(value)) return;
  const here = contextOf(value, where, path);
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (DEVIATION_KEYS.has(key)) {
      const items = Array.isArray(child) ? child : [child];
      items.forEach((item, i) => {
        if (isNode(item))
          found.push(
            deviation(item, here, items.length > 1 || Array.isArray(child) ? `${childPath}[${i}]` : childPath),
          );
      });
    } else {
      walk(child, here, childPath, found);
    }
  }
}

function contextOf(node: Node, where: Where, path: string): Where {
  const last = /([a-zæøå]+)(\[\d+\])?$/.exec(path)?.[1] ?? '';
  const next = { ...where };
  if (last === 'mottak' || 'kalendermaaned' in node) {
    next.kalendermaaned = str(node, 'kalendermaaned') ?? next.kalendermaaned;
  }
  if ('meldingsid' in node) next.meldingsId = str(node, 'meldingsid');
  if (last === 'virksomhet') next.virksomhet = firstStr(node, ['norskidentifikator', 'organisasjonsnummer']);
  if (last === 'inntektsmottaker') {
    next.personName = str(node, 'identifiserendeinformasjon', 'navn') ?? str(node, 'navn');
    next.personId = maskPersonId(
      str(node, 'norskidentifikator') ?? str(node, 'identifiserendeinformasjon', 'norskidentifikator'),
    );
    next.employeeNumber = str(node, 'identifiserendeinformasjon', 'ansattnummer') ?? str(node, 'ansattnummer');
  }
  if (last === 'arbeidsforhold') next.employmentId = firstStr(node, ['arbeidsforholdid', 'arbeidsforholdsid']);
  if (last === 'inntekt') {
    next.income =
      str(node, 'loennsinntekt', 'beskrivelse') ??
      str(node, 'ytelsefraoffentlige', 'beskrivelse') ??
      str(node, 'pensjonellertrygd', 'beskrivelse') ??
      str(node, 'naeringsinntekt', 'beskrivelse') ??
      str(node, 'beskrivelse');
  }
  return next;
}

function deviation(node: Node, where: Where, path: string): Deviation {
  return {
    code: firstStr(node, ['avvikstype', 'avvikskode', 'kode', 'code']),
    text: firstStr(node, ['avvikstekst', 'beskrivelse', 'melding', 'tekst']),
    guidance: firstStr(node, ['veiledning']),
    severity: severityOf(str(node, 'alvorlighetsgrad')),
    where,
    path,
  };
}
