import { describe, expect, it } from 'vitest';
import {
  PREREQUISITES,
  checklistEnvironmentOf,
  missingPrerequisite,
  missingPrerequisiteText,
  prerequisiteById,
} from '../../../shared/domain/prerequisites';
import { isServiceHost } from '../../../shared/domain/service-hosts';
import { ALTINN_SCOPES } from '../../../shared/domain/services-catalogue';

describe('the prerequisites table', () => {
  it('has one entry per id, each with sources, steps for test and production, and what the sandbox does instead', () => {
    expect(new Set(PREREQUISITES.map((p) => p.id)).size).toBe(PREREQUISITES.length);
    for (const p of PREREQUISITES) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(p.missingWhen.length, p.id).toBeGreaterThan(0);
      expect(p.sandbox.nb && p.sandbox.en, p.id).toBeTruthy();
      for (const env of ['test', 'production'] as const) {
        expect(p.steps[env].text.nb.length, `${p.id} ${env}`).toBeGreaterThan(20);
        expect(p.steps[env].text.en.length, `${p.id} ${env}`).toBeGreaterThan(20);
      }
    }
  });

  it('links only https addresses the app’s external-link allow-list opens', () => {
    for (const p of PREREQUISITES) {
      for (const env of ['test', 'production'] as const) {
        const url = new URL(p.steps[env].link);
        expect(url.protocol, `${p.id} ${env}`).toBe('https:');
        expect(isServiceHost(url.hostname), `${p.id} ${env} ${url.hostname}`).toBe(true);
      }
    }
  });

  it('names each error code for one prerequisite only, except a scope not granted, which the scope’s owner decides', () => {
    const owners = new Map<string, string[]>();
    for (const p of PREREQUISITES)
      for (const r of p.missingWhen) owners.set(r.code, [...(owners.get(r.code) ?? []), p.id]);
    for (const [code, ids] of owners) {
      if (code === 'MASKINPORTEN_SCOPE_NOT_GRANTED') expect(ids).toEqual(['altinn-scopes', 'skatteetaten-scopes']);
      else expect(ids, code).toHaveLength(1);
    }
    expect(missingPrerequisite('MASKINPORTEN_SCOPE_NOT_GRANTED', [ALTINN_SCOPES.systemRegisterWrite])?.id).toBe(
      'altinn-scopes',
    );
    expect(missingPrerequisite('MASKINPORTEN_SCOPE_NOT_GRANTED', ['skatteetaten:innrapporteringamelding'])?.id).toBe(
      'skatteetaten-scopes',
    );
    expect(missingPrerequisite('MASKINPORTEN_SCOPE_NOT_GRANTED', [])).toBeUndefined();
    expect(missingPrerequisite('MASKINPORTEN_UNAVAILABLE')).toBeUndefined();
  });

  it('picks the environment from the service address, the sandbox on loopback', () => {
    expect(checklistEnvironmentOf('https://maskinporten.no/')).toBe('production');
    expect(checklistEnvironmentOf('https://platform.altinn.no')).toBe('production');
    expect(checklistEnvironmentOf('https://test.maskinporten.no/')).toBe('test');
    expect(checklistEnvironmentOf('https://platform.tt02.altinn.no')).toBe('test');
    expect(checklistEnvironmentOf('http://127.0.0.1:4000/maskinporten/')).toBe('sandbox');
  });

  it('says what is missing with the environment’s link, or in the sandbox what stands in for it', () => {
    const client = prerequisiteById('maskinporten-client');
    expect(missingPrerequisiteText(client, 'test').nb).toBe(
      'Dette mangler: «Maskinporten-klienten med nøkkel og scopes» (se sjekklisten i Oppsett, eller https://sjolvbetjening.test.samarbeid.digdir.no)',
    );
    expect(missingPrerequisiteText(client, 'sandbox').en).toBe(
      'This is missing: “The Maskinporten client with its key and scopes” (in the sandbox: step 2 registers the client in the emulator with one click)',
    );
  });
});
