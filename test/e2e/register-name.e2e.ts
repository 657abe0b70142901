import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness/harness';

// The new-profile form asks the sandbox's Enhetsregisteret through main for the name of the number typed.
describe('the profile form’s name from Enhetsregisteret, in real Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('fills the name for Skatteetaten’s example employer, says where it is from, and saves it', async () => {
    const { page } = h;
    await page.getByRole('heading', { level: 1, name: 'Oppsett' }).waitFor();
    await page.getByLabel('Organisasjonsnummer').fill('211 785 462');
    const name = page.getByLabel('Navn', { exact: true });
    await expect.poll(() => name.inputValue()).toBe('Syntetisk arbeidsgiver AS');
    await expect
      .poll(() => page.getByTestId('register-note').textContent())
      .toMatch(
        /^Fra Enhetsregisteret \(hentet \d{1,2}\. \p{L}+ \d{4}\): Syntetisk arbeidsgiver AS, AS, stiftet 1\. mars 2018\./u,
      );
    expect(await h.seriousA11yViolations()).toEqual([]);

    await page.getByTestId('save-profile').click();
    await page.getByText('Syntetisk arbeidsgiver AS er lagt til.').waitFor();
    expect(h.services.profiles.state().profiles.map((p) => [p.orgNumber, p.displayName])).toEqual([
      ['211785462', 'Syntetisk arbeidsgiver AS'],
    ]);
  });
});
