import { formatScaled, fromInteger, parseScaled } from '../../decimal';
import type { Finding } from '../../finding';
import { rf1086Finding } from '../controls';
import type { Rf1086Event, Rf1086Field } from '../model';
import { at, type Rf1086Rule } from './rule-context';

const count = (field: Rf1086Field | undefined) =>
  field && /^\d+$/.test(field.value) ? Number(field.value) : undefined;
const sumOf = (events: readonly Rf1086Event[]) => events.reduce((acc, e) => acc + (e.antall ?? 0), 0);

/** Share counts add up (formats.md §3.4 rules 2–4). */
export const shareRules: Rf1086Rule = (set) => {
  const findings: Finding[] = [];
  for (const { main, shareholders } of set.returns) {
    const total = count(main.antallAksjer);
    const held = shareholders.reduce((acc, s) => acc + (count(s.antallAksjer) ?? 0), 0);
    if (total !== undefined && held !== total) {
      findings.push(
        at(
          rf1086Finding(
            'RF1086_SHARES_SUM_MISMATCH',
            main.antallAksjer!.path,
            `Aksjonærene eier til sammen ${held} aksjer per 31.12., men selskapet har ${total} aksjer i klassen. Oppgaven blir ikke godkjent før dette stemmer.`,
            `The shareholders together hold ${held} shares at 31 Dec, but the company has ${total} shares in the class. The return is not accepted until these agree.`,
          ),
          { file: main.file, line: main.antallAksjer!.line },
        ),
      );
    }
    const totalBefore = count(main.antallAksjerFjoraret);
    const heldBefore = shareholders.reduce((acc, s) => acc + (count(s.antallAksjerFjoraret) ?? 0), 0);
    if (totalBefore !== undefined && heldBefore !== totalBefore) {
      findings.push(
        at(
          rf1086Finding(
            'RF1086_SHARES_SUM_PREVIOUS_YEAR_MISMATCH',
            main.antallAksjerFjoraret!.path,
            `Aksjonærene eide til sammen ${heldBefore} aksjer per 1.1., men selskapet hadde ${totalBefore}.`,
            `The shareholders together held ${heldBefore} shares at 1 Jan, but the company had ${totalBefore}.`,
          ),
          { file: main.file, line: main.antallAksjerFjoraret!.line },
        ),
      );
    }
    if (total !== undefined && totalBefore !== undefined) {
      const expected =
        totalBefore +
        sumOf(main.utstedelser) +
        sumOf(main.omfordelingTilgang) -
        sumOf(main.slettinger) -
        sumOf(main.omfordelingAvgang);
      if (expected !== total) {
        findings.push(
          at(
            rf1086Finding(
              'RF1086_COMPANY_ROLLFORWARD',
              main.antallAksjer!.path,
              `Aksjer 1.1. (${totalBefore}) + utstedte − slettede gir ${expected}, men antall aksjer 31.12. er ${total}.`,
              `Shares at 1 Jan (${totalBefore}) + issued − deleted gives ${expected}, but shares at 31 Dec are ${total}.`,
            ),
            { file: main.file, line: main.antallAksjer!.line },
          ),
        );
      }
    }
    const palydende = main.palydende && parseScaled(main.palydende.value);
    const kapital = main.aksjekapitalKlasse && parseScaled(main.aksjekapitalKlasse.value);
    if (total !== undefined && palydende && kapital !== undefined && kapital !== null) {
      const product = (fromInteger(total) * palydende) / fromInteger(1);
      if (product !== kapital) {
        findings.push(
          at(
            rf1086Finding(
              'RF1086_SHARE_CAPITAL_MISMATCH',
              main.aksjekapitalKlasse!.path,
              `Aksjekapitalen i klassen (${main.aksjekapitalKlasse!.value}) er ikke antall aksjer × pålydende (${total} × ${main.palydende!.value} = ${formatScaled(product)}).`,
              `The share capital of the class (${main.aksjekapitalKlasse!.value}) is not shares × nominal value (${total} × ${main.palydende!.value} = ${formatScaled(product)}).`,
            ),
            { file: main.file, line: main.aksjekapitalKlasse!.line },
          ),
        );
      }
    }
    for (const s of shareholders) {
      const before = count(s.antallAksjerFjoraret) ?? 0;
      const after = count(s.antallAksjer) ?? 0;
      const expected =
        before + sumOf(s.tilganger) + sumOf(s.omfordelingTilgang) - sumOf(s.avganger) - sumOf(s.omfordelingAvgang);
      if (expected !== after) {
        findings.push(
          at(
            rf1086Finding(
              'RF1086_SHAREHOLDER_ROLLFORWARD',
              s.antallAksjer?.path ?? s.aksjonaer.path,
              `Aksjer 1.1. (${before}) + tilgang − avgang gir ${expected}, men aksjonæren står med ${after} aksjer 31.12.`,
              `Shares at 1 Jan (${before}) + acquired − disposed gives ${expected}, but the shareholder holds ${after} shares at 31 Dec.`,
            ),
            { file: s.file, line: s.antallAksjer?.line ?? s.aksjonaer.line },
          ),
        );
      }
    }
  }
  return findings;
};
