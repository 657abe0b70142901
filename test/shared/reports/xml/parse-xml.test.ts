import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../shared/reports/xml/parse-xml';
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

  it('refuses billion laughs quickly, without expansion', () => {
    const started = performance.now();
    const parsed = parseXml(fixtureText('billion-laughs.xml'));
    expect(performance.now() - started).toBeLessThan(200);
    expect(!parsed.ok && parsed.finding.code).toBe('XML_DOCTYPE_FORBIDDEN');
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
