import { describe, expect, it } from 'vitest';
import {
  ACCESS_PACKAGES,
  CLIENT_PACKAGES,
  acceptedPackageUrns,
  defaultClientPackages,
  servicesNotCovered,
} from '../../../shared/domain/access-packages';
import { SERVICES } from '../../../shared/domain/services-catalogue';

describe('access packages as the grant', () => {
  it('lists the accountant packages Skatteetaten names for the a-melding, with their source', () => {
    // Skatteetaten/api-dokumentasjon docs/api/innrapportering-amelding-filopplasting.md (altinn-auth.md §6 table).
    const amelding = CLIENT_PACKAGES['a-melding'];
    expect(amelding?.packages).toEqual(
      expect.arrayContaining([
        'regnskapsforer-lonn',
        'regnskapsforer-med-signeringsrettighet',
        'regnskapsforer-uten-signeringsrettighet',
      ]),
    );
    expect(amelding?.source).toContain('innrapportering-amelding-filopplasting.md');
    expect(acceptedPackageUrns('a-melding')).toContain('urn:altinn:accesspackage:a-ordning');
    expect(acceptedPackageUrns('aksjonaerregisteroppgave')).toContain('urn:altinn:accesspackage:skattegrunnlag');
  });

  it('every client package named per service is a known client-relationship package, with a source', () => {
    const client = new Set(ACCESS_PACKAGES.filter((p) => p.use === 'client').map((p) => p.name));
    for (const [service, entry] of Object.entries(CLIENT_PACKAGES)) {
      expect(entry.source, service).toMatch(/Skatteetaten\/api-dokumentasjon/);
      for (const name of entry.packages) expect(client.has(name), `${service}: ${name}`).toBe(true);
    }
    // The own-use packages of the catalogue are listed as own.
    const own = new Set(
      ACCESS_PACKAGES.filter((p) => p.use === 'own').map((p) => `urn:altinn:accesspackage:${p.name}`),
    );
    for (const s of SERVICES)
      for (const urn of s.accessPackages.filter((u) => !u.endsWith('forretningsforer-eiendom')))
        expect(own.has(urn), urn).toBe(true);
  });

  it('names the services a package choice leaves uncovered', () => {
    expect(servicesNotCovered(['a-melding', 'aksjonaerregisteroppgave'], ['regnskapsforer-lonn'])).toEqual([
      'aksjonaerregisteroppgave',
    ]);
    expect(
      servicesNotCovered(
        ['a-melding', 'aksjonaerregisteroppgave'],
        defaultClientPackages(['a-melding', 'aksjonaerregisteroppgave']),
      ),
    ).toEqual([]);
    expect(defaultClientPackages(['a-melding'])).toEqual(['regnskapsforer-lonn']);
    // Skattekort has no known package: no client package can cover it.
    expect(servicesNotCovered(['skattekort-til-arbeidsgiver'], ['regnskapsforer-med-signeringsrettighet'])).toEqual([
      'skattekort-til-arbeidsgiver',
    ]);
  });
});
