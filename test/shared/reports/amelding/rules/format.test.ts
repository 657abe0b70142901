import { describe, expect, it } from 'vitest';
import { formatRules } from '../../../../../shared/reports/amelding/rules/format';
import { exampleLeveranse, testContext } from '../../fixtures';
import type { Leveranse } from '../../../../../shared/reports/amelding/model';

const findingsFor = (change: (l: Leveranse) => void) => {
  const l = exampleLeveranse();
  change(l);
  return formatRules(l, testContext).map((f) => [f.code, f.severity]);
};

describe('a-melding format rules', () => {
  it('accept the example', () => expect(findingsFor(() => {})).toEqual([]));

  it.each(['2013-12', '2026-13', '2100-01', '2026-1'])('reject kalendermaaned %s', (month) => {
    expect(findingsFor((l) => (l.kalendermaaned = month))).toEqual([['AMELDING_KALENDERMAANED_INVALID', 'error']]);
  });

  it('reject meldingsId outside the XSD pattern or too long, and warn on 181E characters', () => {
    expect(findingsFor((l) => (l.meldingsId = 'a b'))).toEqual([['AMELDING_MELDINGSID_INVALID', 'error']]);
    expect(findingsFor((l) => (l.meldingsId = 'x'.repeat(151)))).toEqual([['AMELDING_MELDINGSID_INVALID', 'error']]);
    expect(findingsFor((l) => (l.meldingsId = ''))).toEqual([['AMELDING_MELDINGSID_INVALID', 'error']]);
    expect(findingsFor((l) => (l.meldingsId = '60656973-90f0'))).toEqual([
      ['AMELDING_MELDINGSID_NOT_ALPHANUMERIC', 'warning'],
    ]);
    expect(findingsFor((l) => (l.erstatterMeldingsId = 'æøå'))).toEqual([['AMELDING_MELDINGSID_INVALID', 'error']]);
  });

  it('reject an empty or too long kildesystem', () => {
    expect(findingsFor((l) => (l.kildesystem = ' '))).toEqual([['AMELDING_KILDESYSTEM_INVALID', 'error']]);
    expect(findingsFor((l) => (l.kildesystem = 'k'.repeat(256)))).toEqual([['AMELDING_KILDESYSTEM_INVALID', 'error']]);
  });

  it('reject a yrke that is not 7 digits (115) and a missing formForAnsettelse (291)', () => {
    const arbeidsforhold = (l: Leveranse) => l.oppgave.virksomhet![0]!.inntektsmottaker![0]!.arbeidsforhold![0]!;
    expect(findingsFor((l) => (arbeidsforhold(l).yrke = '341110'))).toEqual([['AMELDING_YRKE_INVALID', 'error']]);
    expect(findingsFor((l) => delete arbeidsforhold(l).formForAnsettelse)).toEqual([
      ['AMELDING_FORM_FOR_ANSETTELSE_MISSING', 'error'],
    ]);
  });

  it('warn when timeloenn has no antall (505)', () => {
    expect(
      findingsFor(
        (l) =>
          (l.oppgave.virksomhet![0]!.inntektsmottaker![0]!.inntekt![0]!.loennsinntekt = { beskrivelse: 'timeloenn' }),
      ),
    ).toEqual([['AMELDING_TIMELOENN_ANTALL_MISSING', 'warning']]);
  });
});
