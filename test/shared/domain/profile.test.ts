import { describe, expect, it } from 'vitest';
import { NewProfileSchema, profileKind, reportsOrgOf } from '../../../shared/domain/profile';
import { FirmClientSchema } from '../../../shared/domain/firm';

describe('profile kinds and the reports org', () => {
  it('a firm profile and a TT02-shaped test profile are accepted; a reports org in production is not', () => {
    expect(
      NewProfileSchema.parse({
        orgNumber: '974761076',
        displayName: 'Regnskap AS',
        environment: 'sandbox',
        kind: 'firm',
      }).kind,
    ).toBe('firm');
    const tt02 = NewProfileSchema.parse({
      orgNumber: '974761076',
      displayName: 'Test',
      environment: 'test',
      reportsOrgNumber: '313 000 001',
    });
    expect(tt02.reportsOrgNumber).toBe('313000001');
    const prod = NewProfileSchema.safeParse({
      orgNumber: '974761076',
      displayName: 'Prod',
      environment: 'production',
      reportsOrgNumber: '313000001',
    });
    expect(prod.success).toBe(false);
    expect(prod.error?.issues[0]?.message).toMatch(/bare i sandkasse og test/);
  });

  it('old profiles read as a business reporting for its own org', () => {
    expect(profileKind({})).toBe('business');
    expect(reportsOrgOf({ orgNumber: '974761076' })).toBe('974761076');
    expect(reportsOrgOf({ orgNumber: '974761076', reportsOrgNumber: '313000001' })).toBe('313000001');
  });

  it('a client record refuses an org number with a wrong check digit', () => {
    const bad = FirmClientSchema.safeParse({
      orgNumber: '974761077',
      name: 'Feil AS',
      services: ['a-melding'],
      delegation: { state: 'not-delegated', checkedAt: null },
      addedAt: '2026-12-07T08:00:00.000Z',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/kontrollsiffer/);
  });
});
