import { describe, expect, it } from 'vitest';
import { externalUrlToOpen } from '../../../main/security/external-links';

describe('the external link allow-list', () => {
  it.each([
    'https://am.ui.altinn.no/accessmanagement/ui/systemuser/request?id=1',
    'https://sjolvbetjening.test.samarbeid.digdir.no/',
    'https://www.skatteetaten.no/',
    'https://skatteetaten.github.io.skatteetaten.no/',
    'https://maskinporten.no/',
  ])('allows %s, unchanged', (url) => expect(externalUrlToOpen(url)).toBe(url));

  it.each([
    'http://altinn.no/',
    'https://altinn.no.evil.com/',
    'https://evilaltinn.no/',
    'https://user:pw@altinn.no/',
    'https://altinn.no@evil.example/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
    'http://127.0.0.1:41234/x',
  ])('refuses %s', (url) => expect(externalUrlToOpen(url)).toBeNull());

  // WHATWG URL parses these as altinn.no (a backslash is a slash, tabs and newlines are dropped), so the old
  // host check passed them and the raw text reached the OS, whose parser may read `\@` as user info.
  it.each([
    'https://altinn.no\\@evil.example/',
    'https://altinn.no\\\\evil.example/',
    'https:\\\\altinn.no\\path',
    'https://alt\tinn.no/',
    'https://altinn.no/\n@evil.example',
    ' https://altinn.no/',
    'https://altinn.no/\u0085',
  ])('refuses the ambiguous %j, which WHATWG URL alone would read as altinn.no', (url) => {
    expect(new URL(url).hostname).toBe('altinn.no');
    expect(externalUrlToOpen(url)).toBeNull();
  });

  it('gives the OS the normalised href, not the raw text', () => {
    expect(externalUrlToOpen('HTTPS://WWW.Skatteetaten.NO:443/a/../b?x=æ')).toBe(
      'https://www.skatteetaten.no/b?x=%C3%A6',
    );
  });

  it('allows a loopback origin only when it is named', () => {
    expect(externalUrlToOpen('http://127.0.0.1:41234/x', ['http://127.0.0.1:41234'])).toBe('http://127.0.0.1:41234/x');
    expect(externalUrlToOpen('http://127.0.0.1:41235/x', ['http://127.0.0.1:41234'])).toBeNull();
    expect(externalUrlToOpen('http://u:p@127.0.0.1:41234/x', ['http://127.0.0.1:41234'])).toBeNull();
  });
});
