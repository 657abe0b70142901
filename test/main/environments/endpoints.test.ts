import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realEndpoints, sandboxEndpoints } from '../../../main/environments/table';
import { loadCustomEndpoints } from '../../../main/environments/custom-file';

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
