import { describe, expect, it, vi } from 'vitest';
import { parseXml, XmlTreeBuilder } from '../../../../shared/reports/xml/parse-xml';
import { fixtureText } from '../fixtures';

describe('parseXml', () => {
  it('builds a namespace-aware tree with positions', () => {
    const parsed = parseXml('<a xmlns="urn:x">\n  <b c="1">t&amp;u</b>\n</a>');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.root).toMatchObject({ name: 'a', ns: 'urn:x' });
    expect(parsed.root.children[0]).toMatchObject({
      name: 'b',
      ns: 'urn:x',
      attributes: { c: '1' },
      text: 't&u',
      line: 2,
    });
  });

  it('refuses an external entity (XXE) without resolving it', () => {
    const parsed = parseXml(fixtureText('xxe.xml'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.finding.code).toBe('XML_DOCTYPE_FORBIDDEN');
    expect(parsed.finding.message.en).toContain('DOCTYPE');
    expect(JSON.stringify(parsed)).not.toContain('root:');
  });

  it('refuses billion laughs at its DOCTYPE, before the element whose text would expand', () => {
    const text = fixtureText('billion-laughs.xml');
    const opened = vi.spyOn(XmlTreeBuilder.prototype, 'open');
    const textRead = vi.spyOn(XmlTreeBuilder.prototype, 'text');
    const parsed = parseXml(text);
    expect(!parsed.ok && parsed.finding.code).toBe('XML_DOCTYPE_FORBIDDEN');
    // The pass stopped at the DOCTYPE's end (line 13): <lolz>&lol9;</lolz> on line 14 was never reached.
    expect(!parsed.ok && parsed.finding.line).toBe(text.split('\n').findIndex((l) => l.startsWith(']>')) + 1);
    expect(opened).not.toHaveBeenCalled();
    expect(textRead).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('reports malformed XML with line and column', () => {
    const parsed = parseXml('<a>\n  <b></c>\n</a>');
    expect(!parsed.ok && parsed.finding).toMatchObject({ code: 'XML_MALFORMED', line: 2 });
    expect(!parsed.ok && parsed.finding.message.nb).toContain('linje 2');
  });

  it('treats an entity reference without a DTD as malformed', () => {
    expect(!parsed('<a>&xxe;</a>').ok).toBe(true);
  });
});

function parsed(text: string) {
  return parseXml(text);
}
