import { describe, expect, it } from 'vitest';
import { isValidOrganisasjonsnummer } from '../../../../shared/reports/ids/organisasjonsnummer';

describe('isValidOrganisasjonsnummer', () => {
  it.each(['211785462', '314768949', '314259521', '974761076'])('accepts %s', (n) => {
    expect(isValidOrganisasjonsnummer(n)).toBe(true);
  });
  it.each(['899205291', '211785463', '21178546', '2117854620', 'abcdefghi'])('rejects %s', (n) => {
    expect(isValidOrganisasjonsnummer(n)).toBe(false);
  });
});
