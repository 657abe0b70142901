import type { Finding } from '../../finding';
import { rf1086Finding } from '../controls';
import type { Rf1086Event, Rf1086Hovedskjema, Rf1086Underskjema } from '../model';
import { at, type Rf1086Rule } from './rule-context';

type Pair = [(s: Rf1086Underskjema) => Rf1086Event[], (m: Rf1086Hovedskjema) => Rf1086Event[], string, string];

/** Shareholder events that have a counterpart on the main form, with the event name in nb and en. */
const PAIRS: Pair[] = [
  [(s) => s.utbytte, (m) => m.utbytte, 'utbytte', 'dividend'],
  [
    (s) => s.omfordelingTilgang,
    (m) => m.omfordelingTilgang,
    'fondsemisjon/splitt/fusjon/fisjon',
    'bonus issue/split/merger/demerger',
  ],
  [(s) => s.omfordelingAvgang, (m) => m.omfordelingAvgang, 'spleis/fusjon/fisjon', 'reverse split/merger/demerger'],
  [
    (s) => s.overkursTilbakebetalinger,
    (m) => m.overkursNedsettelser,
    'tilbakebetaling av overkurs',
    'repayment of share premium',
  ],
  [
    (s) => s.nyemisjonForhoyelser,
    (m) => m.nyemisjonForhoyelser,
    'nyemisjon ved økt pålydende',
    'new issue by higher nominal value',
  ],
];

/**
 * "Every event on a shareholder form must have exactly the same timestamp as the same event on the main form"
 * (formats.md §3.4 rule 5, quoted from the XSD help text): otherwise the Aksjonærregister rejects the return.
 */
export const eventTimeRules: Rf1086Rule = (set) => {
  const findings: Finding[] = [];
  for (const { main, shareholders } of set.returns) {
    for (const [ofShareholder, ofMain, nb, en] of PAIRS) {
      const times = new Set(ofMain(main).flatMap((e) => (e.tidspunkt ? [e.tidspunkt.value] : [])));
      for (const s of shareholders) {
        for (const event of ofShareholder(s)) {
          if (!event.tidspunkt || times.has(event.tidspunkt.value)) continue;
          findings.push(
            at(
              rf1086Finding(
                'RF1086_EVENT_TIME_MISMATCH',
                event.tidspunkt.path,
                `Tidspunktet ${event.tidspunkt.value} for ${nb} finnes ikke på hovedskjemaet${times.size ? ` (der: ${[...times].join(', ')})` : ''}. Tidspunktene må være nøyaktig like.`,
                `The time ${event.tidspunkt.value} for the ${en} is not on the main form${times.size ? ` (there: ${[...times].join(', ')})` : ''}. The times must be exactly equal.`,
              ),
              { file: s.file, line: event.tidspunkt.line },
            ),
          );
        }
      }
    }
  }
  return findings;
};
