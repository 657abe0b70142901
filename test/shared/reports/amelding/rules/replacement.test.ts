import { describe, expect, it } from 'vitest';
import { replacementRules } from '../../../../../shared/reports/amelding/rules/replacement';
import type { KnownAMelding } from '../../../../../shared/reports/amelding/rules/rule-context';
import { exampleLeveranse, testContext } from '../../fixtures';

const org = '211785462';
const known = (...messages: Omit<KnownAMelding, 'opplysningspliktig'>[]) =>
  messages.map((m) => ({ ...m, opplysningspliktig: org }));
const replacing = (target: string) => ({ ...exampleLeveranse(), erstatterMeldingsId: target });
const codes = (l: ReturnType<typeof exampleLeveranse>, knownMessages?: KnownAMelding[]) =>
  replacementRules(l, { ...testContext, ...(knownMessages ? { knownMessages } : {}) }).map((f) => [f.code, f.severity]);

describe('a-melding replacement rules', () => {
  it('accept a first message and a replacement of the latest message for the same month', () => {
    expect(codes(exampleLeveranse(), known({ meldingsId: 'old', kalendermaaned: '2025-12' }))).toEqual([]);
    expect(codes(replacing('first'), known({ meldingsId: 'first', kalendermaaned: '2026-01' }))).toEqual([]);
  });

  it('reject a meldingsId used before for the same opplysningspliktig (181)', () => {
    const l = exampleLeveranse();
    expect(codes(l, known({ meldingsId: l.meldingsId, kalendermaaned: '2025-12' }))).toEqual([
      ['AMELDING_MELDINGSID_NOT_UNIQUE', 'error'],
    ]);
    expect(
      codes(l, [{ meldingsId: l.meldingsId, kalendermaaned: '2025-12', opplysningspliktig: '974761076' }]),
    ).toEqual([]);
  });

  it('reject replacing itself, another month, or an already replaced message (166B)', () => {
    const l = exampleLeveranse();
    expect(codes({ ...l, erstatterMeldingsId: l.meldingsId })).toEqual([['AMELDING_ERSTATTER_SELF', 'error']]);
    expect(codes(replacing('first'), known({ meldingsId: 'first', kalendermaaned: '2025-12' }))).toEqual([
      ['AMELDING_ERSTATTER_OTHER_MONTH', 'error'],
    ]);
    expect(
      codes(
        replacing('first'),
        known(
          { meldingsId: 'first', kalendermaaned: '2026-01' },
          { meldingsId: 'second', kalendermaaned: '2026-01', erstatterMeldingsId: 'first' },
        ),
      ),
    ).toEqual([['AMELDING_ERSTATTER_ALREADY_REPLACED', 'error']]);
  });

  it('warn when the replaced message is unknown, and say nothing when no history is available', () => {
    expect(codes(replacing('nowhere'), [])).toEqual([['AMELDING_ERSTATTER_UNKNOWN', 'warning']]);
    expect(codes(replacing('nowhere'))).toEqual([]);
  });
});
