import { describe, expect, it } from 'vitest';
import { accessForServices, SERVICES, serviceById, type ServiceId } from '../../../shared/domain/services-catalogue';

/**
 * The scope and the single right each service's page in Skatteetaten/api-dokumentasjon names, copied from the page
 * ("Scope" and "Systemtilgang" sections) at the commit given. These are the fixtures; the catalogue must agree.
 */
const FROM_SKATTEETATEN: Record<ServiceId, { scope: string; resource: string; page: string }> = {
  'a-melding': {
    scope: 'skatteetaten:innrapporteringamelding',
    resource: 'ske-innrapportering-amelding',
    page: 'docs/api/innrapportering-amelding.md @ 484fc323191a4ef61e970602d127aebd2ad2a375',
  },
  'a-melding-avstemming': {
    // The page's "Status" note of 21 May 2026: "Resource value endret til ske-avstemmingsinformasjon-amelding".
    scope: 'skatteetaten:innrapporteringamelding',
    resource: 'ske-avstemmingsinformasjon-amelding',
    page: 'docs/api/avstemmingsrapport-amelding.md @ 3e022611adbd223a0de6a792623a3ce2bf8b6fad',
  },
  aksjonaerregisteroppgave: {
    scope: 'skatteetaten:innrapporteringaksjonaerregisteroppgave',
    resource: 'ske-innrapportering-aksjonaerregisteroppgave',
    page: 'docs/api/innrapportering-aksjonaerregisteroppgave.md @ 37adf93203ec7062263111ed77547ac7dcdfc3d7',
  },
  'skattekort-til-arbeidsgiver': {
    // The page names the scope but no resource; the resource is Altinn's (skatteetaten-apis.md §3).
    scope: 'skatteetaten:forskudd',
    resource: 'ske-skattekort-til-arbeidsgiver',
    page: 'docs/api/skattekorttilarbeidsgiver.md @ 036b3fef41eef21fdf4e463360f1bc90af639bb9',
  },
  'tredjepart-boligselskap': {
    scope: 'skatteetaten:innrapporteringboligselskap',
    resource: 'ske-innrapportering-boligselskap',
    page: 'docs/api/innrapportering-boligselskap.md @ a147dc2c3abb3575c7c4b29eefd5390ba49d9f7b',
  },
  'tredjepart-boligsameie': {
    scope: 'skatteetaten:innrapporteringboligsameie',
    resource: 'ske-innrapportering-boligsameie',
    page: 'docs/api/innrapportering-boligsameie.md @ f78fda732d2444ccdb7b0cb267d8f2b8b987ad40',
  },
  'tredjepart-gaver-frivillige': {
    scope: 'skatteetaten:innrapporteringgaverfrivilligeorganisasjoner',
    resource: 'ske-innrapportering-gaver-frivillige-organisasjoner',
    page: 'docs/api/innrapportering-gavertilfrivillige.md @ 1ef52358fdd6879478de4ff2e18257dbbd2c9317 (scope), 03243285 (right)',
  },
  'tredjepart-aksjesparekonto': {
    scope: 'skatteetaten:innrapporteringaksjesparekonto',
    resource: 'ske-innrapportering-aksjesparekonto',
    page: 'docs/api/innrapportering-aksjesparekonto.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5',
  },
  'tredjepart-finansprodukter': {
    scope: 'skatteetaten:innrapporteringfinansprodukter',
    resource: 'ske-innrapportering-finansprodukter',
    page: 'docs/api/innrapportering-finansprodukter.md @ 11f2ca8677c8315da8706b4739348368e28ba1d5',
  },
  'tredjepart-skattefrie-utbetalinger': {
    scope: 'skatteetaten:innrapporteringskattefrieutbetalinger',
    resource: 'ske-innrapportering-skattefrie-utbetalinger',
    page: 'docs/api/innrapportering-skattefrieutbetalinger.md @ 0a4b708585a6fdaea7e339d8d6eeac8f523c81bf',
  },
  'tredjepart-opphaverrett': {
    scope: 'skatteetaten:innrapporteringgodtgjoeringopphaveraandsverk',
    resource: 'ske-innrapportering-godtgjoering-opphaver-aandsverk',
    page: 'docs/api/innrapportering-aandsverk.md @ 37adf93203ec7062263111ed77547ac7dcdfc3d7',
  },
};

describe('the services catalogue against Skatteetaten’s pages', () => {
  it.each(Object.entries(FROM_SKATTEETATEN))('%s has the scope and the single right its page names', (id, doc) => {
    const service = serviceById(id as ServiceId);
    expect({ scope: service.scope, resource: service.resource }).toEqual({ scope: doc.scope, resource: doc.resource });
    // The right the system register and the system user request carry is that resource.
    expect(accessForServices([service.id]).rights).toEqual([
      { resource: [{ id: 'urn:altinn:resource', value: doc.resource }] },
    ]);
  });

  it('records where every scope and resource id was read, with the page and commit for the confirmed ones', () => {
    expect(SERVICES.map((s) => s.id).sort()).toEqual(Object.keys(FROM_SKATTEETATEN).sort());
    for (const service of SERVICES) {
      const page = FROM_SKATTEETATEN[service.id].page.split(' @ ')[0] as string;
      expect(service.source.scope, service.id).toContain(page.replace('docs/api/', ''));
      expect(service.source.resource.length, service.id).toBeGreaterThan(20);
    }
  });
});
