import { formatScaled, fromInteger, parseScaled } from '../../decimal';
import type { Finding } from '../../finding';
import { rf1086Finding } from '../controls';
import { at, type Rf1086Rule } from './rule-context';

/**
 * Per distribution, the shareholders' dividends add up to the company's, and each is dividend per share × shares
 * (formats.md §3.4 rule 6, inferred — so warnings). A non-numeric Aksjeutbytte (a string in the XSD) is an error.
 */
export const dividendRules: Rf1086Rule = (set) => {
  const findings: Finding[] = [];
  for (const { main, shareholders } of set.returns) {
    for (const distribution of main.utbytte) {
      const time = distribution.tidspunkt?.value;
      const declared = distribution.beloep && parseScaled(distribution.beloep.value);
      const perShare = distribution.perAksje && parseScaled(distribution.perAksje.value);
      let paid = 0n;
      for (const s of shareholders) {
        for (const d of s.utbytte) {
          if (d.tidspunkt?.value !== time || !d.beloep) continue;
          const amount = parseScaled(d.beloep.value);
          if (amount === null) continue;
          paid += amount;
          if (perShare && d.antall !== undefined) {
            const expected = (fromInteger(d.antall) * perShare) / fromInteger(1);
            const diff = expected > amount ? expected - amount : amount - expected;
            if (diff >= fromInteger(1)) {
              findings.push(
                at(
                  rf1086Finding(
                    'RF1086_DIVIDEND_PER_SHARE_MISMATCH',
                    d.beloep.path,
                    `Utbyttet ${d.beloep.value} er ikke utbytte per aksje × antall aksjer (${distribution.perAksje!.value} × ${d.antall} = ${formatScaled(expected)}).`,
                    `The dividend ${d.beloep.value} is not dividend per share × shares (${distribution.perAksje!.value} × ${d.antall} = ${formatScaled(expected)}).`,
                  ),
                  { file: s.file, line: d.beloep.line },
                ),
              );
            }
          }
        }
      }
      if (declared !== undefined && declared !== null && paid !== declared) {
        findings.push(
          at(
            rf1086Finding(
              'RF1086_DIVIDEND_SUM_MISMATCH',
              distribution.beloep!.path,
              `Aksjonærenes utbytte ${time ? `(${time}) ` : ''}summerer til ${formatScaled(paid)}, men selskapets utbytte er ${distribution.beloep!.value}.`,
              `The shareholders' dividends ${time ? `(${time}) ` : ''}add up to ${formatScaled(paid)}, but the company's dividend is ${distribution.beloep!.value}.`,
            ),
            { file: main.file, line: distribution.beloep!.line },
          ),
        );
      }
    }
    for (const s of shareholders) {
      for (const d of s.utbytte) {
        if (d.beloep && parseScaled(d.beloep.value) === null) {
          findings.push(
            at(
              rf1086Finding(
                'RF1086_DIVIDEND_NOT_A_NUMBER',
                d.beloep.path,
                `Utbyttet «${d.beloep.value}» er ikke et beløp.`,
                `The dividend "${d.beloep.value}" is not an amount.`,
              ),
              { file: s.file, line: d.beloep.line },
            ),
          );
        }
      }
    }
  }
  return findings;
};
