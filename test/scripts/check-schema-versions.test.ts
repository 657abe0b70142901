import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkSchemaVersions,
  DEFAULT_SOURCES,
  parseProvenance,
  PROVENANCE_PATH,
} from '../../scripts/check-schema-versions';
import { XSD_VERSIONS } from '../../shared/reports/xsd-versions';

// Always offline: the published files are stood in for by a temp folder of copies, changed as Skatteetaten would.
const SCHEMAS = fileURLToPath(new URL('../../assets/schemas/', import.meta.url));
const shipped = (xsd: keyof typeof XSD_VERSIONS) => SCHEMAS + XSD_VERSIONS[xsd].file;
const noNetwork: typeof fetch = () => Promise.reject(new Error('the test must not touch the network'));

async function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const code = await checkSchemaVersions(args, { env, out: (t) => out.push(t), fetch: noNetwork });
  return { code, text: out.join('\n') };
}

describe('scripts/check-schema-versions', () => {
  it('PROVENANCE.md lists every shipped XSD with the SHA-256 of the file on disk', () => {
    const rows = parseProvenance(readFileSync(PROVENANCE_PATH, 'utf8'));
    expect(rows.map((r) => r.file).sort()).toEqual(
      Object.values(XSD_VERSIONS)
        .map((v) => v.file)
        .sort(),
    );
    for (const row of rows) {
      expect([
        row.file,
        createHash('sha256')
          .update(readFileSync(SCHEMAS + row.file))
          .digest('hex'),
      ]).toEqual([row.file, row.sha256]);
      const version = Object.values(XSD_VERSIONS).find((v) => v.file === row.file)!;
      expect(row.spesifikasjonsnummer).toBe('rf1086' in version ? version.rf1086.spesifikasjonsnummer : null);
    }
  });

  it('reports nothing new for a folder holding the shipped files (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-schemas-same-'));
    copyFileSync(shipped('rf1086_hovedskjema_12144'), join(dir, 'aksjonaerregisteroppgaveHovedskjema.xsd'));
    copyFileSync(shipped('rf1086_underskjema_12232'), join(dir, 'aksjonaerregisteroppgaveUnderskjema.xsd'));
    const { code, text } = await run(['--dir', dir]);
    expect(code).toBe(0);
    expect(text).toContain(`= assets/schemas/${XSD_VERSIONS.rf1086_underskjema_12232.file}`);
    expect(text).toContain('All 2 published file(s) are shipped.');
  });

  it('prints a changed copy of a shipped number and a new number (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-schemas-new-'));
    const under = readFileSync(shipped('rf1086_underskjema_12232'), 'utf8');
    // Same number, one help text edited: bytes differ.
    writeFileSync(join(dir, 'a-changed.xsd'), under.replace('Lovlige aksjeklasser', 'Gyldige aksjeklasser'));
    // A version Innsender does not ship.
    const newer = under.replace(
      'fixed="12232" name="spesifikasjonsnummer"',
      'fixed="12345" name="spesifikasjonsnummer"',
    );
    writeFileSync(join(dir, 'b-new.xsd'), newer);
    copyFileSync(shipped('rf1086_hovedskjema_12144'), join(dir, 'c-same.xsd'));
    writeFileSync(join(dir, 'notes.txt'), 'not an XSD');

    const { code, text } = await run(['--dir', dir]);
    expect(code).toBe(1);
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    expect(text).toContain(
      `CHANGED  ${join(dir, 'a-changed.xsd')}\n         spesifikasjonsnummer 12232 is shipped as assets/schemas/${XSD_VERSIONS.rf1086_underskjema_12232.file}, but these bytes differ (sha256 ${sha(under.replace('Lovlige aksjeklasser', 'Gyldige aksjeklasser'))})`,
    );
    expect(text).toContain(
      `NEW      ${join(dir, 'b-new.xsd')}\n         spesifikasjonsnummer 12345 (skjemanummer 923), sha256 ${sha(newer)}: not shipped`,
    );
    expect(text).toContain(`shipped  ${join(dir, 'c-same.xsd')}`);
    expect(text).not.toContain('notes.txt');
    expect(text).toContain('2 of 3 published file(s) new or changed');
  });

  it('never reads the network in CI, and names the default sources otherwise', async () => {
    const { code, text } = await run([], { CI: 'true' });
    expect(code).toBe(2);
    expect(text).toContain('pass --dir <folder>');
    expect(DEFAULT_SOURCES).toEqual([
      'https://raw.githubusercontent.com/Skatteetaten/api-dokumentasjon/main/static/download/aksjonaerregisteroppgaveHovedskjema.xsd',
      'https://raw.githubusercontent.com/Skatteetaten/api-dokumentasjon/main/static/download/aksjonaerregisteroppgaveUnderskjema.xsd',
    ]);
  });

  it('reads URLs through the fetch it is given, and fails clearly on an HTTP error (exit 2)', async () => {
    const bytes = readFileSync(shipped('rf1086_underskjema_12146'));
    const served: string[] = [];
    const fake: typeof fetch = async (url) => {
      served.push(String(url));
      return String(url).endsWith('missing.xsd') ? new Response('', { status: 404 }) : new Response(bytes);
    };
    const out: string[] = [];
    const io = { env: {}, out: (t: string) => out.push(t), fetch: fake };
    expect(await checkSchemaVersions(['https://example.test/a.xsd'], io)).toBe(0);
    expect(await checkSchemaVersions(['https://example.test/missing.xsd'], io)).toBe(2);
    expect(served).toEqual(['https://example.test/a.xsd', 'https://example.test/missing.xsd']);
    expect(out.join('\n')).toContain('Could not check: https://example.test/missing.xsd: HTTP 404');
  });

  it('refuses an empty folder and a missing --dir argument (exit 2)', async () => {
    expect((await run(['--dir', mkdtempSync(join(tmpdir(), 'innsender-schemas-empty-'))])).text).toContain(
      'No .xsd files in',
    );
    expect((await run(['--dir'])).code).toBe(2);
  });
});
