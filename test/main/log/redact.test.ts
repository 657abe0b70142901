import { describe, expect, it } from 'vitest';
import { redact, redactText } from '../../../main/log/redact';

describe('log redaction', () => {
  it('removes bearer tokens, JWTs and PEM private keys from text', () => {
    const text =
      'Authorization: Bearer abc.def-ghi token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl ' +
      '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';
    const out = redactText(text);
    expect(out).not.toMatch(/abc\.def|eyJhbGci|MIIE/);
    expect(out).toContain('Bearer [redacted]');
  });

  it('removes fields named as secrets at any depth, including private JWK members', () => {
    const out = redact({ token: 'x', nested: { access_token: 'y', jwk: { kty: 'RSA', n: 'pub', d: 'priv', p: 'q' } } });
    expect(out).toEqual({
      token: '[redacted]',
      nested: { access_token: '[redacted]', jwk: { kty: 'RSA', n: 'pub', d: '[redacted]', p: '[redacted]' } },
    });
  });
});
