import { codeLists, type CodeList } from '../../codelists/code-list';
import type { Finding } from '../../finding';
import { aMeldingFinding } from '../controls';
import { inntektsmottakereOf, virksomheterOf } from '../walk';
import type { AMeldingRule } from './rule-context';

/** Coded fields against the lists in `codelists/` (formats.md §2.5–2.6; deviation 282). */
export const codeListRules: AMeldingRule = (leveranse) => {
  const findings: Finding[] = [];
  // Paths are built only for a finding: a large a-melding has hundreds of thousands of coded fields.
  const check = (list: CodeList, value: string | undefined, pathOf: () => string) => {
    if (value === undefined || list.values.includes(value)) return;
    const path = pathOf();
    const nb = `Koden «${value}» finnes ikke i kodelisten ${list.name} (Skatteetatens avvikskode 282).`;
    const en = `The code "${value}" is not in the code list ${list.name} (Skatteetaten deviation code 282).`;
    // A list known to be partial cannot prove a value wrong: that is its own, warning-only control.
    const code = list.severity === 'error' ? 'AMELDING_CODE_UNKNOWN' : 'AMELDING_CODE_NOT_LISTED';
    findings.push(aMeldingFinding(code, path, nb, en));
  };
  for (const { mottaker, path } of inntektsmottakereOf(leveranse)) {
    (mottaker.arbeidsforhold ?? []).forEach((a, i) => {
      const at = `${path}/arbeidsforhold[${i + 1}]`;
      check(codeLists.typeArbeidsforhold, a.typeArbeidsforhold, () => `${at}/typeArbeidsforhold`);
      check(codeLists.arbeidstidsordning, a.arbeidstidsordning, () => `${at}/arbeidstidsordning`);
      check(codeLists.formForAnsettelse, a.formForAnsettelse, () => `${at}/formForAnsettelse`);
      check(codeLists.avloenningstype, a.avloenningstype, () => `${at}/avloenningstype`);
      check(codeLists.aarsakTilSluttdato, a.aarsakTilSluttdato, () => `${at}/aarsakTilSluttdato`);
      (a.permisjon ?? []).forEach((p, k) =>
        check(codeLists.permisjonsbeskrivelse, p.beskrivelse, () => `${at}/permisjon[${k + 1}]/beskrivelse`),
      );
    });
    (mottaker.forskuddstrekk ?? []).forEach((f, i) =>
      check(codeLists.forskuddstrekkbeskrivelse, f.beskrivelse, () => `${path}/forskuddstrekk[${i + 1}]/beskrivelse`),
    );
    (mottaker.inntekt ?? []).forEach((inntekt, i) => {
      const at = `${path}/inntekt[${i + 1}]`;
      check(codeLists.fordel, inntekt.fordel, () => `${at}/fordel`);
      check(codeLists.loennsbeskrivelse, inntekt.loennsinntekt?.beskrivelse, () => `${at}/loennsinntekt/beskrivelse`);
    });
  }
  for (const { virksomhet, path } of virksomheterOf(leveranse)) {
    const aga = virksomhet.arbeidsgiveravgift;
    if (!aga) continue;
    const groups = [
      ['loennOgGodtgjoerelse', aga.loennOgGodtgjoerelse],
      ['tilskuddOgPremieTilPensjon', aga.tilskuddOgPremieTilPensjon],
      ['fradragIGrunnlagetForSone', aga.fradragIGrunnlagetForSone],
    ] as const;
    for (const [name, lines] of groups) {
      (lines ?? []).forEach((line, i) => {
        const at = `${path}/arbeidsgiveravgift/${name}[${i + 1}]`;
        check(codeLists.sone, line.sone, () => `${at}/sone`);
        check(
          codeLists.beregningskodeForArbeidsgiveravgift,
          line.beregningskodeForArbeidsgiveravgift,
          () => `${at}/beregningskodeForArbeidsgiveravgift`,
        );
      });
    }
  }
  return findings;
};
