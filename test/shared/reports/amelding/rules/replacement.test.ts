import { describe, expect, it } from 'vitest';
import { replacementRules } from '../../../../../shared/reports/amelding/rules/replacement';
import type { KnownAMelding } from '../../../../../shared/reports/amelding/rules/rule-context';
import { exampleLeveranse, testContext } from '../../fixtures';

const org = '211785462';
type Message = Pick<KnownAMelding, 'meldingsId' | 'kalendermaaned' | 'erstatterMeldingsId'>;
/** Received by Skatteetaten on 20 January 2026, 23:30 UTC: 21 January in Norway. */
const sent = (m: Message): KnownAMelding => ({
  ...m,
  opplysningspliktig: org,
  status: { kind: 'sent', at: '2026-01-20T23:30:00.000Z', receipt: 'f0rsendelse-1' },
});
const queued = (m: Message): KnownAMelding => ({
  ...m,
  opplysningspliktig: org,
  status: { kind: 'on-its-way', since: '2026-01-22T08:00:00.000Z' },
});
const replacing = (target: string) => ({ ...exampleLeveranse(), erstatterMeldingsId: target });
const check = (l: ReturnType<typeof exampleLeveranse>, knownMessages?: KnownAMelding[]) =>
  replacementRules(l, { ...testContext, ...(knownMessages ? { knownMessages } : {}) });
const codes = (l: ReturnType<typeof exampleLeveranse>, knownMessages?: KnownAMelding[]) =>
  check(l, knownMessages).map((f) => [f.code, f.severity]);

describe('a-melding meldingsId uniqueness against the messages sent (181)', () => {
  it('accepts a new meldingsId, and the same id for another opplysningspliktig', () => {
    const l = exampleLeveranse();
    expect(codes(l, [sent({ meldingsId: 'old', kalendermaaned: '2025-12' })])).toEqual([]);
    expect(
      codes(l, [{ ...sent({ meldingsId: l.meldingsId, kalendermaaned: '2026-01' }), opplysningspliktig: '974761076' }]),
    ).toEqual([]);
  });

  it('rejects a meldingsId already sent, saying when, the receipt, and what to do, in both languages', () => {
    const l = exampleLeveranse();
    const [finding, ...rest] = check(l, [sent({ meldingsId: l.meldingsId, kalendermaaned: '2025-12' })]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'AMELDING_MELDINGSID_NOT_UNIQUE',
      severity: 'error',
      path: 'leveranse/meldingsId',
    });
    expect(finding?.message.nb).toBe(
      `Meldings-ID ${l.meldingsId} ble sendt 21. januar 2026 (kvittering f0rsendelse-1) for 211 785 462. Gi den nye meldingen en ny meldings-ID, og sett erstatterMeldingsId til ${l.meldingsId} hvis den skal erstatte den (Skatteetatens avvikskode 181).`,
    );
    expect(finding?.message.en).toBe(
      `Message ID ${l.meldingsId} was sent on 21 January 2026 (receipt f0rsendelse-1) for 211 785 462. Give the new message a new meldingsId, and set erstatterMeldingsId to ${l.meldingsId} if it replaces that message (Skatteetaten deviation code 181).`,
    );
  });

  it('only warns when the meldingsId is still in the outbox: it may be this very file on its way', () => {
    const l = exampleLeveranse();
    const [finding, ...rest] = check(l, [queued({ meldingsId: l.meldingsId, kalendermaaned: '2026-01' })]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'AMELDING_MELDINGSID_IN_OUTBOX', severity: 'warning' });
    expect(finding?.message.nb).toContain('ligger allerede i utboksen (lagt inn 22. januar 2026)');
    expect(finding?.message.en).toContain('is already in the outbox (queued on 22 January 2026)');
  });

  it('says "sent" rather than "in the outbox" when both are known', () => {
    const l = exampleLeveranse();
    const same = { meldingsId: l.meldingsId, kalendermaaned: '2026-01' };
    expect(codes(l, [queued(same), sent(same)])).toEqual([['AMELDING_MELDINGSID_NOT_UNIQUE', 'error']]);
  });
});

describe('a-melding replacement rules against the messages sent (§2.4, 166B)', () => {
  it('accepts a replacement of the latest sent message for the same month', () => {
    expect(codes(replacing('first'), [sent({ meldingsId: 'first', kalendermaaned: '2026-01' })])).toEqual([]);
    expect(
      codes(replacing('second'), [
        sent({ meldingsId: 'first', kalendermaaned: '2026-01' }),
        sent({ meldingsId: 'second', kalendermaaned: '2026-01', erstatterMeldingsId: 'first' }),
      ]),
    ).toEqual([]);
  });

  it('rejects replacing itself', () => {
    const l = exampleLeveranse();
    expect(codes({ ...l, erstatterMeldingsId: l.meldingsId })).toEqual([['AMELDING_ERSTATTER_SELF', 'error']]);
  });

  it('rejects replacing a message for another month', () => {
    expect(codes(replacing('first'), [sent({ meldingsId: 'first', kalendermaaned: '2025-12' })])).toEqual([
      ['AMELDING_ERSTATTER_OTHER_MONTH', 'error'],
    ]);
    expect(codes(replacing('first'), [queued({ meldingsId: 'first', kalendermaaned: '2025-12' })])).toEqual([
      ['AMELDING_ERSTATTER_IN_OUTBOX', 'warning'],
      ['AMELDING_ERSTATTER_OTHER_MONTH', 'error'],
    ]);
  });

  it('rejects replacing a message already replaced, and names the latest version to replace instead', () => {
    const [finding, ...rest] = check(replacing('first'), [
      sent({ meldingsId: 'first', kalendermaaned: '2026-01' }),
      sent({ meldingsId: 'second', kalendermaaned: '2026-01', erstatterMeldingsId: 'first' }),
    ]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'AMELDING_ERSTATTER_ALREADY_REPLACED', severity: 'error' });
    expect(finding?.message.en).toContain('Set erstatterMeldingsId to second');
  });

  it('warns when the replaced message, or another replacement of it, is still in the outbox', () => {
    expect(codes(replacing('first'), [queued({ meldingsId: 'first', kalendermaaned: '2026-01' })])).toEqual([
      ['AMELDING_ERSTATTER_IN_OUTBOX', 'warning'],
    ]);
    expect(
      codes(replacing('first'), [
        sent({ meldingsId: 'first', kalendermaaned: '2026-01' }),
        queued({ meldingsId: 'second', kalendermaaned: '2026-01', erstatterMeldingsId: 'first' }),
      ]),
    ).toEqual([['AMELDING_ERSTATTER_REPLACEMENT_IN_OUTBOX', 'warning']]);
  });

  it('warns when the replaced message is unknown (maybe sent from another system), and says nothing without history', () => {
    expect(codes(replacing('nowhere'), [])).toEqual([['AMELDING_ERSTATTER_UNKNOWN', 'warning']]);
    expect(codes(replacing('nowhere'))).toEqual([]);
  });
});
