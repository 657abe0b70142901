import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../main/security/external-links';

describe('the external link allow-list', () => {
  it.each([
    'https://am.ui.altinn.no/accessmanagement/ui/systemuser/request?id=1',
    'https://sjolvbetjening.test.samarbeid.digdir.no/',
    'https://www.skatteetaten.no/',
    'https://skatteetaten.github.io.skatteetaten.no/',
    'https://maskinporten.no/',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://altinn.no/',
    'https://altinn.no.evil.com/',
    'https://evilaltinn.no/',
    'https://user:pw@altinn.no/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
    'http://127.0.0.1:41234/x',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('allows a loopback origin only when it is named', () => {
    expect(isAllowedExternalUrl('http://127.0.0.1:41234/x', ['http://127.0.0.1:41234'])).toBe(true);
    expect(isAllowedExternalUrl('http://127.0.0.1:41235/x', ['http://127.0.0.1:41234'])).toBe(false);
  });
});
