import { readdirSync, readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { withFastPaths } from '../../../../shared/reports/xml/saxes-fast-paths';
import { fixturePath } from '../fixtures';

/** Every event saxes gives, with where the parser stood, and every error, for a text written in pieces. */
function events(text: string, pieceSize: number, fast: boolean): string[] {
  const plain = new SaxesParser({ xmlns: false, position: true });
  const parser = fast ? withFastPaths(plain) : plain;
  const seen: string[] = [];
  const at = () => `${parser.line}:${parser.column}@${parser.position}`;
  parser.on('opentagstart', (t) => seen.push(`start ${t.name} ${at()}`));
  parser.on('opentag', (t) => seen.push(`open ${t.name} ${JSON.stringify(t.attributes)} ${at()}`));
  parser.on('closetag', (t) => seen.push(`close ${t.name} ${at()}`));
  parser.on('text', (t) => seen.push(`text ${JSON.stringify(t)} ${at()}`));
  parser.on('cdata', (t) => seen.push(`cdata ${JSON.stringify(t)} ${at()}`));
  parser.on('comment', (t) => seen.push(`comment ${JSON.stringify(t)} ${at()}`));
  parser.on('error', (e) => seen.push(`error ${e.message} ${at()}`));
  for (let i = 0; i < text.length; i += pieceSize) parser.write(text.slice(i, i + pieceSize));
  parser.close();
  seen.push(`end ${at()}`);
  return seen;
}

const crafted: Record<string, string> = {
  'CRLF, tabs and blank lines': '<?xml version="1.0"?>\r\n<a>\r\n\t<b x="1">v\r\nw</b>\n\n  <c/>\r\n</a>\r\n',
  'names with digits, dots, hyphens, colons and non-ASCII':
    '<ns:a-1.b_c xmlns:ns="u"><ns:ø2 æ="1">x</ns:ø2></ns:a-1.b_c>',
  'entities, CDATA, a comment and markup characters in text':
    '<a>1 &lt; 2 &amp;&#x41; <![CDATA[<x>]]> <!-- c --> ]] > ok</a>',
  '"]]>" in text is refused, also split over pieces': '<a>text ]]> more</a>',
  '"]" then text then ">" is allowed': '<a>]]x></a>',
  'non-ASCII text and characters past U+FFFF': '<a>Årsoppgave 😀 – «sitat»\n neste linje</a>',
  'control characters are refused where they stand': '<a>ok\u0001bad</a>',
  'XML 1.1 line ends': '<?xml version="1.1"?>\n<a>x\u0085y\u2028z\r\u0085w</a>',
  'text before and after the root': '  \n<a/>\n  stray\n',
  'an unclosed tag at the end': '<a><b>text',
  'a name broken by a line feed': '<a\nb="1">x</a>',
};

const fixtures = readdirSync(fixturePath('.'))
  .filter((name) => name.endsWith('.xml'))
  .map((name) => [name, readFileSync(fixturePath(name), 'utf8')] as const);

describe("saxes's fast paths for names and text", () => {
  it.each([...Object.entries(crafted), ...fixtures])(
    'give every event, position and error saxes gives: %s',
    (_name, text) => {
      for (const pieceSize of [1, 2, 3, 7, 64, text.length || 1])
        expect(events(text, pieceSize, true), `pieces of ${pieceSize}`).toEqual(events(text, pieceSize, false));
    },
  );

  it('take the fast path for plain names and text (the assertion above would pass with none)', () => {
    const parser = withFastPaths(new SaxesParser({ xmlns: false, position: true })) as unknown as {
      i: number;
      captureNameChars(): number;
      handleTextInRoot(): void;
      getCode(): number;
    };
    let codesRead = 0;
    const getCode = parser.getCode;
    parser.getCode = function (this: typeof parser) {
      codesRead++;
      return getCode.call(this);
    };
    (parser as unknown as SaxesParser).write('<abcdefghij>0123456789 plain text\n next line</abcdefghij>');
    // Without the fast paths getCode reads every one of the 60 characters; with them, only the few that end a
    // name or a text.
    expect(codesRead).toBeLessThan(20);
  });
});
