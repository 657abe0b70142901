import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';

const fresh = () => mkdtempSync(join(tmpdir(), 'innsender-cli-names-'));
// eslint-disable-next-line no-control-regex -- what must never reach the terminal raw
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('names the CLI prints', () => {
  it('escapes ANSI escapes, bidi overrides and line breaks in a file name given to validate', async () => {
    const dir = fresh();
    const name = join(dir, '\u001b[2J\u001b]0;pwned\u0007faktura\u202Elmx.exe\n== fake.xml');
    const run = await runCliCaptured(dir, ['--lang', 'en', 'validate', name]);
    expect(run.code).toBe(2);
    const printed = run.out + run.err;
    expect(printed).not.toMatch(RAW_CONTROL);
    expect(printed).toContain('\\u001b[2J\\u001b]0;pwned\\u0007faktura\\u202elmx.exe\\u000a== fake.xml');
  });

  it('escapes a display name in the profile list, and keeps --json parseable', async () => {
    const dir = fresh();
    await runCliCaptured(dir, ['profiles', 'add', '974761076', 'Fjell\u001b[31mstue\u202E AS']);
    const listed = await runCliCaptured(dir, ['profiles']);
    expect(listed.out).not.toMatch(RAW_CONTROL);
    expect(listed.out).toContain('Fjell\\u001b[31mstue\\u202e AS');
    const json = await runCliCaptured(dir, ['--json', 'profiles']);
    expect(json.out).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.out).value.profiles[0].displayName).toBe('Fjell\u001b[31mstue\u202E AS');
  });
});
