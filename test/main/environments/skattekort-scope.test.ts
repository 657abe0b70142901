import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCustomEndpoints } from '../../../main/environments/custom-file';
import { realEndpoints, sandboxEndpoints } from '../../../main/environments/table';
import { serviceScopes } from '../../../shared/domain/endpoints';
import { accessForServices, scopeOf, serviceForScope } from '../../../shared/domain/services-catalogue';

const DOCUMENTED = 'skatteetaten:forskudd';
const NAV = 'skatteetaten:skattekorttilarbeidsgiver';

describe('the skattekort scope is a setting of the environment', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'innsender-scope-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const custom = async (skatteetaten: Record<string, string>) => {
    const file = join(dir, `${Math.random()}.json`);
    const base = realEndpoints('test');
    await writeFile(file, JSON.stringify({ ...base, skatteetaten: { ...base.skatteetaten, ...skatteetaten } }));
    return file;
  };

  it('is the documented one in every built-in environment', () => {
    for (const e of [realEndpoints('test'), realEndpoints('production'), sandboxEndpoints('http://127.0.0.1:1')]) {
      expect(e.skatteetaten.skattekortScope).toBe(DOCUMENTED);
      expect(scopeOf('skattekort-til-arbeidsgiver', serviceScopes(e))).toBe(DOCUMENTED);
    }
  });

  it('a custom file may choose the other spelling, and the setup and token scopes follow it', async () => {
    const endpoints = await loadCustomEndpoints(await custom({ skattekortScope: NAV }));
    const access = accessForServices(['a-melding', 'skattekort-til-arbeidsgiver'], 'rights', serviceScopes(endpoints));
    expect(access.scopes).toEqual(['skatteetaten:innrapporteringamelding', NAV]);
    // The right the system user needs is the same whatever the scope is called.
    expect(access.rights.map((r) => r.resource[0]?.value)).toContain('ske-skattekort-til-arbeidsgiver');
  });

  it('a custom file written before the setting existed gets the documented scope', async () => {
    const base = realEndpoints('test');
    const { skattekortScope: _, ...rest } = base.skatteetaten;
    const file = join(dir, 'old.json');
    await writeFile(file, JSON.stringify({ ...base, skatteetaten: rest }));
    const endpoints = await loadCustomEndpoints(file);
    expect(scopeOf('skattekort-til-arbeidsgiver', serviceScopes(endpoints))).toBe(DOCUMENTED);
  });

  it('a scope that is not one is refused with the field named', async () => {
    await expect(loadCustomEndpoints(await custom({ skattekortScope: 'not a scope' }))).rejects.toMatchObject({
      code: 'CUSTOM_ENV_INVALID',
      details: [expect.stringContaining('skatteetaten.skattekortScope')],
    });
  });

  it('either spelling belongs to the skattekort service (what the emulator and Altinn check)', () => {
    expect(serviceForScope(DOCUMENTED)?.id).toBe('skattekort-til-arbeidsgiver');
    expect(serviceForScope(NAV)?.id).toBe('skattekort-til-arbeidsgiver');
    expect(serviceForScope('skatteetaten:annet')).toBeUndefined();
  });
});
