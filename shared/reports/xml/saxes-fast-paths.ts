import type { SaxesParser } from 'saxes';

/**
 * What `withFastPaths` reaches inside saxes 6.0.0 (`node_modules/saxes/saxes.ts`): private there, so a subclass
 * cannot override them, and pinned by the test that compares every event and position with saxes's own loops
 * (`test/shared/reports/xml/saxes-fast-paths.test.ts`).
 */
interface SaxesLoops {
  chunk: string;
  i: number;
  column: number;
  line: number;
  chunkPosition: number;
  positionAtNewLine: number;
  name: string;
  text: string;
  forbiddenState: number;
  textHandler: unknown;
  captureNameChars(): number;
  handleTextInRoot(): void;
}

/** saxes's FORBIDDEN_START: no "]" seen that could begin a "]]>" in character data. */
const FORBIDDEN_START = 0;

/** An ASCII character of an XML name: letters, digits, "-", ".", ":" and "_" (XML 1.0 §2.3 NameChar). */
function isAsciiNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x3a) ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x5f
  );
}

/**
 * A character of text inside the root that saxes's `handleTextInRoot` only passes over: printable ASCII and tab,
 * except "<" and "&" (which end the text), "]" and ">" (which it watches for "]]>"). Line feeds are handled beside.
 */
function isPlainTextChar(c: number): boolean {
  return ((c >= 0x20 && c < 0x7f) || c === 0x09) && c !== 0x3c && c !== 0x26 && c !== 0x5d && c !== 0x3e;
}

/**
 * saxes reads a document one code point at a time through `getCode`, which also checks each character and keeps
 * the line and column: in a report that is mostly element names and the text between tags, 20 % of the check's
 * thread for a 10,000-person a-melding (issue 12). These two fast paths run first over the characters that cannot
 * end or change anything (ASCII name characters; plain ASCII text and line feeds), keeping `i`, `column`, `line`
 * and the rest exactly as `getCode` would, then hand over to saxes's own loop for the character that stops them:
 * what saxes reports, and where, is unchanged.
 */
export function withFastPaths(parser: SaxesParser): SaxesParser {
  const loops = parser as unknown as SaxesLoops;
  const captureNameChars = loops.captureNameChars;
  const handleTextInRoot = loops.handleTextInRoot;
  loops.captureNameChars = function (this: SaxesLoops) {
    const { chunk } = this;
    const start = this.i;
    let i = start;
    while (i < chunk.length && isAsciiNameChar(chunk.charCodeAt(i))) i++;
    if (i > start) {
      this.name += chunk.slice(start, i);
      this.column += i - start;
      this.i = i;
    }
    return captureNameChars.call(this);
  };
  loops.handleTextInRoot = function (this: SaxesLoops) {
    const { chunk } = this;
    const start = this.i;
    let i = start;
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (isPlainTextChar(c)) this.column++;
      else if (c === 0x0a) {
        this.line++;
        this.column = 0;
        this.positionAtNewLine = this.chunkPosition + i + 1;
      } else break;
    }
    if (i > start) {
      if (this.textHandler !== undefined) this.text += chunk.slice(start, i);
      this.forbiddenState = FORBIDDEN_START;
      this.i = i;
    }
    handleTextInRoot.call(this);
  };
  return parser;
}
