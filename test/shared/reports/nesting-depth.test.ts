import { afterEach, describe, expect, it, vi } from 'vitest';
import { AMeldingXmlBuilder } from '../../../shared/reports/amelding/xml-model-builder';
import { jsonTooDeepAt, MAX_NESTING_DEPTH } from '../../../shared/reports/nesting-depth';
import { readReportDocument } from '../../../shared/reports/read-report-document';

const AMELDING_NS = 'urn:ske:fastsetting:innsamling:a-meldingen:v2_3';

function deepJson(depth: number): string {
  return `{"leveranse":{"oppgave":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
}
function deepXml(depth: number): string {
  return `<melding xmlns="${AMELDING_NS}">\n${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</melding>`;
}

/**
 * The text as a String object that counts the characters read from it: how far a one-pass reader got before it
 * stopped. (`jsonTooDeepAt` reads by `charCodeAt`; anything that needs a primitive string gets one by coercion.)
 */
function countingText(text: string): { text: string; charsRead: () => number } {
  let read = 0;
  const counting = new (class extends String {
    override charCodeAt(index: number): number {
      read++;
      return super.charCodeAt(index);
    }
  })(text);
  return { text: counting as unknown as string, charsRead: () => read };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('nesting depth', () => {
  it('finds where JSON first nests too deep, skipping brackets inside strings and escaped quotes', () => {
    expect(jsonTooDeepAt('{"a":"[[[[\\"[[["}', 3)).toBeNull();
    expect(jsonTooDeepAt('{"a":\n [[{}]]}', 3)).toEqual({ line: 2, column: 4 });
    expect(jsonTooDeepAt(deepJson(MAX_NESTING_DEPTH - 2))).toBeNull();
    expect(jsonTooDeepAt(deepJson(MAX_NESTING_DEPTH - 1))).toEqual({
      line: 1,
      column: 24 + (MAX_NESTING_DEPTH - 2) + 1,
    });
  });

  it('refuses a JSON file nested 10,000 and 1,000,000 levels deep at its 257th level, unparsed, with a clear message', () => {
    const parse = vi.spyOn(JSON, 'parse');
    for (const depth of [10_000, 1_000_000]) {
      const { text, charsRead } = countingText(deepJson(depth));
      const read = readReportDocument(text, 'deep.json');
      // The scan stops at the bracket that went too deep, whatever follows; JSON.parse never sees the text.
      expect(charsRead(), `${depth} levels`).toBe(24 + (MAX_NESTING_DEPTH - 2) + 1);
      expect(parse).not.toHaveBeenCalled();
      expect(read).toMatchObject({
        kind: 'unreadable',
        finding: { code: 'REPORT_NESTING_TOO_DEEP', severity: 'error', line: 1 },
      });
      if (read.kind !== 'unreadable') throw new Error('not refused');
      expect(read.finding.message.nb).toContain('dypere enn 256 nivåer');
      expect(read.finding.message.en).toContain('deeper than 256 levels');
    }
  });

  it('refuses XML nested 40,000 and 400,000 levels deep at the tag that went too deep, the pass stopping there', () => {
    for (const depth of [40_000, 400_000]) {
      const opened = vi.spyOn(AMeldingXmlBuilder.prototype, 'open');
      const closed = vi.spyOn(AMeldingXmlBuilder.prototype, 'close');
      const read = readReportDocument(deepXml(depth), 'deep.xml');
      // The model saw <melding> and 255 <a>, and nothing after: no element closed, so the pass ended at the 257th level.
      expect(opened, `${depth} levels`).toHaveBeenCalledTimes(MAX_NESTING_DEPTH);
      expect(closed, `${depth} levels`).not.toHaveBeenCalled();
      vi.restoreAllMocks();
      expect(read).toMatchObject({ kind: 'unreadable', finding: { code: 'REPORT_NESTING_TOO_DEEP', line: 2 } });
      // The root is level 1, so the 256th <a> (level 257) is the first too deep: it starts at column 255 × 3 + 1
      // (saxes reports the tag's column a character or two into its name).
      const column = read.kind === 'unreadable' ? read.finding.column! : 0;
      expect(column).toBeGreaterThanOrEqual((MAX_NESTING_DEPTH - 1) * 3 + 1);
      expect(column).toBeLessThanOrEqual((MAX_NESTING_DEPTH - 1) * 3 + 3);
    }
  });

  it('reads XML exactly at the limit as usual (the model reports the unknown elements, not the depth)', () => {
    const read = readReportDocument(deepXml(MAX_NESTING_DEPTH - 1), 'limit.xml');
    expect(read.kind === 'unreadable' ? read.finding.code : read.kind).not.toBe('REPORT_NESTING_TOO_DEEP');
  });
});
