import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realEndpoints, sandboxEndpoints } from '../../../main/environments/table';
import { loadCustomEndpoints } from '../../../main/environments/custom-file';
import { EndpointsSchema, nonStandardHosts } from '../../../shared/domain/endpoints';

describe('the environments table', () => {
  it('puts the sandbox at the emulator, mirroring the real paths', () => {
    const e = sandboxEndpoints('http://127.0.0.1:41234/');
    expect(e.maskinporten).toEqual({
      issuer: 'http://127.0.0.1:41234/maskinporten/',
      tokenEndpoint: 'http://127.0.0.1:41234/maskinporten/token',
    });
    expect(e.dialogporten.base).toBe('http://127.0.0.1:41234/dialogporten');
  });

  it('keeps Maskinporten test and production apart, with the issuer exactly as published', () => {
    expect(realEndpoints('test').maskinporten.issuer).toBe('https://test.maskinporten.no/');
    expect(realEndpoints('production').maskinporten.issuer).toBe('https://maskinporten.no/');
    expect(realEndpoints('test').altinn.platform).toBe('https://platform.tt02.altinn.no');
  });
});

describe('a custom environment file', () => {
  const write = async (content: string) => {
    const file = join(await mkdtemp(join(tmpdir(), 'innsender-env-')), 'env.json');
    await writeFile(file, content);
    return file;
  };
  const valid = () => JSON.parse(JSON.stringify(realEndpoints('test'))) as Record<string, Record<string, string>>;

  it('loads every URL and trims trailing slashes from bases', async () => {
    const content = valid();
    content.dialogporten!.base = 'https://dp.example.no/dialogporten/';
    const endpoints = await loadCustomEndpoints(await write(JSON.stringify(content)));
    expect(endpoints.dialogporten.base).toBe('https://dp.example.no/dialogporten');
  });

  it('names each missing or invalid field', async () => {
    const content = valid();
    delete content.dialogporten;
    content.maskinporten!.tokenEndpoint = 'ftp://nope';
    await expect(loadCustomEndpoints(await write(JSON.stringify(content)))).rejects.toMatchObject({
      code: 'CUSTOM_ENV_INVALID',
      details: expect.arrayContaining([
        expect.stringMatching(/^dialogporten/),
        expect.stringMatching(/^maskinporten\.tokenEndpoint/),
      ]),
    });
  });

  it('says plainly when the file is not JSON or not there', async () => {
    await expect(loadCustomEndpoints(await write('{ nope'))).rejects.toMatchObject({ code: 'CUSTOM_ENV_NOT_JSON' });
    await expect(loadCustomEndpoints('/no/such/file.json')).rejects.toMatchObject({ code: 'CUSTOM_ENV_UNREADABLE' });
    await expect(loadCustomEndpoints(await write(' '.repeat(70_000)))).rejects.toMatchObject({
      code: 'CUSTOM_ENV_TOO_LARGE',
    });
  });
});

describe('the addresses an environment may use', () => {
  const valid = () => JSON.parse(JSON.stringify(realEndpoints('test'))) as Record<string, Record<string, string>>;
  const issuesWith = (change: (e: Record<string, Record<string, string>>) => void) => {
    const content = valid();
    change(content);
    const parsed = EndpointsSchema.safeParse(content);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('refuses plain http to any host but this machine: the grant, tokens and reports would travel in clear', () => {
    for (const url of [
      'http://maskinporten.no/token',
      'http://10.0.0.5/token',
      'http://127.0.0.1.evil.example/token',
    ]) {
      expect(issuesWith((e) => (e.maskinporten!.tokenEndpoint = url))).toEqual([
        expect.stringMatching(/^maskinporten\.tokenEndpoint: must be an https address .* \/ må være en https-adresse/),
      ]);
    }
    expect(issuesWith((e) => (e.altinn!.platform = 'http://platform.tt02.altinn.no'))).toHaveLength(1);
    expect(issuesWith((e) => (e.maskinporten!.tokenEndpoint = 'https://user:pw@maskinporten.no/token'))).toHaveLength(
      1,
    );
  });

  it.each(['http://localhost:8080', 'http://127.0.0.1:41234', 'http://127.1.2.3', 'http://[::1]:9000', 'http://127.1'])(
    'allows http to this machine: %s',
    (base) => expect(issuesWith((e) => (e.dialogporten!.base = `${base}/dialogporten`))).toEqual([]),
  );

  it('checks tredjepartTemplate as an https URL with {scheme} in it', () => {
    for (const template of [
      'not a url {scheme}',
      'http://innrapportering{scheme}.example/v1',
      'ftp://{scheme}.skatteetaten.no/',
    ]) {
      expect(issuesWith((e) => (e.skatteetaten!.tredjepartTemplate = template))).toEqual([
        expect.stringMatching(/^skatteetaten\.tredjepartTemplate: must be an https URL with \{scheme\}/),
      ]);
    }
    expect(issuesWith((e) => (e.skatteetaten!.tredjepartTemplate = 'https://api.skatteetaten.no/v1'))).toEqual([
      expect.stringMatching(/^skatteetaten\.tredjepartTemplate: /),
    ]);
  });

  it("lists the hosts outside the services' domains and this machine, the template's with its {scheme}", () => {
    expect(nonStandardHosts(realEndpoints('production'))).toEqual([]);
    const content = valid();
    content.dialogporten!.base = 'https://dp.proxy.example/dialogporten';
    content.altinn!.platform = 'http://localhost:5000';
    content.skatteetaten!.tredjepartTemplate = 'https://{scheme}.reports.example/v1';
    content.skatteetaten!.amelding = 'https://altinn.no.evil.example/v1';
    expect(nonStandardHosts(EndpointsSchema.parse(content))).toEqual([
      'dp.proxy.example',
      'altinn.no.evil.example',
      '{scheme}.reports.example',
    ]);
  });
});
