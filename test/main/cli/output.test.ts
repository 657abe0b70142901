import { describe, expect, it } from 'vitest';
import { exitCodeFor, printable, terminalSafeIo } from '../../../main/cli/output';

describe('printable', () => {
  it('escapes ANSI escapes, other controls, C1 and the bidi overrides, isolates and marks', () => {
    expect(printable('\u001b[31mred\u001b[0m.xml')).toBe('\\u001b[31mred\\u001b[0m.xml');
    expect(printable('faktura\u202Elmx.exe')).toBe('faktura\\u202elmx.exe');
    expect(printable('a\u2066b\u2069c\u202Ad\u200Fe\u061C')).toBe('a\\u2066b\\u2069c\\u202ad\\u200fe\\u061c');
    expect(printable('csi\u009B2J bell\u0007 del\u007F nul\u0000')).toBe(
      'csi\\u009b2J bell\\u0007 del\\u007f nul\\u0000',
    );
  });

  it('escapes line breaks and tabs in a name, so it cannot forge a line; leaves them in output text', () => {
    expect(printable('a.xml\n== ok.xml\r\t')).toBe('a.xml\\u000a== ok.xml\\u000d\\u0009');
    expect(printable('line one\n\tline two\r', 'text')).toBe('line one\n\tline two\\u000d');
  });

  it('leaves Norwegian letters, paths and JSON escapes alone, and keeps JSON parseable', () => {
    expect(printable('C:\\Users\\Åse\\Lønn æøå.xml')).toBe('C:\\Users\\Åse\\Lønn æøå.xml');
    const json = JSON.stringify({ name: 'x\u202E\u001b[2J' });
    expect(JSON.parse(printable(json, 'text'))).toEqual({ name: 'x\u202E\u001b[2J' });
  });

  it('guards every write of an io', () => {
    const out: string[] = [];
    const io = terminalSafeIo({ out: (t) => void out.push(t), err: (t) => void out.push(t) });
    io.out('\u001b]0;title\u0007');
    io.err('\u202E');
    expect(out).toEqual(['\\u001b]0;title\\u0007', '\\u202e']);
  });
});

describe('exitCodeFor', () => {
  it('gives a check that ran out of memory exit 2, as input too large to check, not an internal failure', () => {
    expect(exitCodeFor('REPORT_CHECK_OUT_OF_MEMORY')).toBe(2);
    expect(exitCodeFor('REPORT_CHECK_FAILED')).toBe(3);
  });
});
