/**
 * A receipt as Skatteetaten may attach one to its feedback: a real, minimal PDF (one A4 page of Helvetica text),
 * written by hand so the sandbox serves binary feedback documents without a PDF library. The byte offsets in the
 * cross-reference table are computed, so every PDF reader opens it.
 */
export function kvitteringPdf(lines: readonly string[]): Buffer {
  const text = lines
    .map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${pdfString(line)}) Tj ET`)
    .join('\n');
  const stream = Buffer.from(text, 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.byteLength} >>\nstream\n${stream.toString('latin1')}\nendstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A PDF literal string in WinAnsi: Norwegian letters kept, parentheses and backslashes escaped, the rest dropped. */
function pdfString(value: string): string {
  return [...value]
    .map((c) => (c.charCodeAt(0) > 255 ? '?' : c))
    .join('')
    .replace(/[\\()]/g, (c) => `\\${c}`);
}

/** The receipt for an approved RF-1086, as a stored document (base64: the emulator's state is JSON). */
export function rf1086Kvittering(input: {
  org: string;
  aar: string;
  hovedskjemaId: string;
  at: string;
  availableAt: string;
}): { org: string; mediaType: string; content: string; encoding: 'base64'; availableAt: string } {
  const pdf = kvitteringPdf([
    'Kvittering fra Skatteetaten',
    `Aksjonærregisteroppgave (RF-1086) for inntektsåret ${input.aar}`,
    `Organisasjonsnummer: ${input.org}`,
    `Referanse: ${input.hovedskjemaId}`,
    `Mottatt: ${input.at}`,
    'Status: godkjent',
  ]);
  return {
    org: input.org,
    mediaType: 'application/pdf',
    content: pdf.toString('base64'),
    encoding: 'base64',
    availableAt: input.availableAt,
  };
}
