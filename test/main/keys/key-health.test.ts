import { describe, expect, it } from 'vitest';
import { keyWarnings } from '../../../main/keys/key-health';
import type { KeyRecord } from '../../../main/keys/key-metadata';

/** A key confirmed uploaded on 7 December 2026 at 10:00 Oslo time: Maskinporten refuses it a year later (MP-121). */
const key: KeyRecord = {
  kid: 'nokkel-1',
  origin: 'generated',
  status: 'active',
  createdAt: '2026-12-07T09:00:00.000Z',
  registeredAt: '2026-12-07T09:00:00.000Z',
  publicJwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'nokkel-1', alg: 'RS256', use: 'sig' },
};
const at = (iso: string) => keyWarnings([key], new Date(iso));
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

// The key-expiry warnings Oppsett and `innsender keys` show: the day in words as every other date in the app
// ("7. desember 2027"), and a count that reads right for one day.
describe('key expiry warnings', () => {
  it('names the day an expired key went out in words, in both languages', () => {
    const [expired] = at('2027-12-10T12:00:00Z');
    expect(expired?.kind).toBe('expired');
    expect(expired?.message.nb).toBe(
      'Nøkkelen nokkel-1 gikk ut 7. desember 2027; Maskinporten avviser den (MP-121). Last opp nøkkelen på nytt eller lag en ny.',
    );
    expect(expired?.message.en).toBe(
      'Key nokkel-1 expired on 7 December 2027; Maskinporten refuses it (MP-121). Upload the key again or generate a new one.',
    );
  });

  it('counts the days left, one day in the singular, and names the day in words', () => {
    const [soon] = at('2027-11-20T12:00:00Z');
    expect(soon?.message.nb).toBe(
      'Nøkkelen nokkel-1 går ut om 16 dager (7. desember 2027). Lag en ny nøkkel og last den opp før det.',
    );
    const [tomorrow] = at('2027-12-06T08:00:00Z');
    expect(tomorrow?.message.nb).toContain('går ut om 1 dag (7. desember 2027)');
    expect(tomorrow?.message.en).toContain('expires in 1 day (7 December 2027)');
    for (const w of [soon, tomorrow]) expect(`${w?.message.nb} ${w?.message.en}`).not.toMatch(ISO_DAY);
  });

  it('says "today" on the last day rather than "in 0 days"', () => {
    const [today] = at('2027-12-07T06:00:00Z');
    expect(today?.message.nb).toContain('går ut i dag (7. desember 2027)');
    expect(today?.message.en).toContain('expires today (7 December 2027)');
  });
});
