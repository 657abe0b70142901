import { describe, expect, it } from 'vitest';
import { decodeReportBytes, firstInvalidUtf8Offset } from '../../../../shared/reports/xml/decode-report-bytes';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeReportBytes', () => {
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeReportBytes(bytes('<a>ø</a>'))).toMatchObject({ ok: true, text: '<a>ø</a>' });
    expect(decodeReportBytes(bytes([0xef, 0xbb, 0xbf], '<a/>'))).toMatchObject({ ok: true, text: '<a/>' });
  });

  it('reports invalid UTF-8 with line and column', () => {
    const result = decodeReportBytes(bytes('<a>\n  <b>Lø', [0xff], '</b></a>'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.finding).toMatchObject({ code: 'REPORT_ENCODING_INVALID', line: 2, column: 8 });
    expect(result.finding.message.en).toContain('0xFF');
  });

  it('rejects overlong and surrogate encodings', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xe2, 0x82]))).toBe(0);
  });

  it('decodes a file declared ISO-8859-1', () => {
    const result = decodeReportBytes(bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>', [0xf8], '</a>'));
    expect(result).toMatchObject({ ok: true, text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>ø</a>' });
  });

  it('decodes UTF-16 with a BOM and refuses unknown encodings', () => {
    expect(decodeReportBytes(new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0]))).toMatchObject({
      ok: true,
      text: '<a/>',
    });
    const ebcdic = decodeReportBytes(bytes('<?xml version="1.0" encoding="EBCDIC-CP-US"?><a/>'));
    expect(!ebcdic.ok && ebcdic.finding.code).toBe('REPORT_ENCODING_UNSUPPORTED');
  });

  it('refuses input over the size ceiling with a clear message', () => {
    const result = decodeReportBytes(new Uint8Array(2048), 1024);
    expect(!result.ok && result.finding.code).toBe('REPORT_TOO_LARGE');
    expect(!result.ok && result.finding.message.en).toMatch(/limit is 0\.0 MiB/);
  });
});
