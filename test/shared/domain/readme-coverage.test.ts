import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../../shared/domain/services-catalogue';

/** The rows of the README's "What Innsender covers" table: catalogue id (or "–") → state. */
function coverageRows(): Map<string, string[]> {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const start = readme.indexOf('## What Innsender covers');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))) {
    const [service, id, state] = line
      .split('|')
      .slice(1, 4)
      .map((c) => c.trim()) as [string, string, string];
    if (service === 'service') continue;
    rows.set(id === '–' ? service : id.replace(/`/g, ''), [service, state]);
  }
  return rows;
}

describe("the README's feature table", () => {
  it('lists every service of the catalogue, by its id and name, with a state', () => {
    const rows = coverageRows();
    for (const service of SERVICES) {
      const row = rows.get(service.id);
      expect(row, service.id).toBeDefined();
      expect(row?.[0]).toBe(service.name.nb);
      expect(row?.[1]).toMatch(/sent|fetched|checked offline|no API/);
    }
  });

  it('lists no catalogue id the catalogue does not have, and names the service without an API', () => {
    const rows = coverageRows();
    const ids = new Set<string>(SERVICES.map((s) => s.id));
    const outside = [...rows.keys()].filter((k) => !ids.has(k));
    expect(outside).toEqual(['Søknad om utsatt frist', 'Feedback (Dialogporten, Altinn Events)']);
    expect(rows.get('Søknad om utsatt frist')?.[1]).toMatch(/^no API/);
  });
});
