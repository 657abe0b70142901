import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../shared/reports/xml/parse-xml';
import type { XmlElement } from '../../../../shared/reports/xml/xml-element';

function root(text: string): XmlElement {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.finding.message.en);
  return parsed.root;
}

function refusal(text: string): string {
  const parsed = parseXml(text);
  return parsed.ok ? 'accepted' : `${parsed.finding.code}: ${parsed.finding.message.en}`;
}

describe('namespace resolution from a scoped map', () => {
  it('resolves default and prefixed namespaces, overrides in a subtree and their end at its close', () => {
    const a = root(
      '<a xmlns="urn:d" xmlns:p="urn:p"><p:b><c xmlns="urn:e" xmlns:p="urn:q"><p:d/></c><e/></p:b><f xmlns=""/></a>',
    );
    const [b, f] = a.children;
    const [c, e] = b!.children;
    expect([a.ns, b!.ns, c!.ns, c!.children[0]!.ns, e!.ns, f!.ns]).toEqual([
      'urn:d',
      'urn:p',
      'urn:e',
      'urn:q',
      'urn:d',
      '',
    ]);
  });

  it('does not give attributes the default namespace, and keeps the xml prefix bound', () => {
    const a = root('<a xmlns="urn:d" x="1" xml:lang="nb"/>');
    expect(a.attributes).toEqual({ x: '1', lang: 'nb' });
  });

  it.each([
    ['an unbound element prefix', '<p:a/>', /unbound namespace prefix: "p"/],
    ['an unbound attribute prefix', '<a q:x="1"/>', /unbound namespace prefix: "q"/],
    ['a prefix used outside its scope', '<a><b xmlns:p="urn:p"/><p:c/></a>', /unbound namespace prefix: "p"/],
    [
      'the same expanded attribute twice',
      '<a xmlns:p="urn:x" xmlns:q="urn:x" p:n="1" q:n="2"/>',
      /duplicate attribute/,
    ],
    ['xmlns as an element prefix', '<xmlns:a/>', /xmlns/],
    ['the xml prefix rebound', '<a xmlns:xml="urn:other"/>', /xml prefix must be bound/],
    ['a prefix undeclared', '<a xmlns:p="urn:p"><b xmlns:p=""/></a>', /undefine prefix/],
    ['a malformed name', '<a:/>', /malformed name/],
  ])('refuses %s as malformed XML', (_what, text, reason) => {
    expect(refusal(text)).toMatch(/^XML_MALFORMED: /);
    expect(refusal(text)).toMatch(reason);
  });

  it('reads 274 KiB of prefixed elements nested as deep as allowed in linear time (saxes xmlns mode: ~15 s on the main thread)', () => {
    // Deeper than 256 levels is refused before namespaces are resolved (nesting-depth.ts), so the worst case left is
    // many elements each 250 levels down, every one resolving a prefix declared at the root.
    const block = '<p:a>'.repeat(250) + '</p:a>'.repeat(250);
    const text = `<r xmlns:p="urn:p">${block.repeat(Math.ceil((274 * 1024) / block.length))}</r>`;
    const started = performance.now();
    const parsed = parseXml(text);
    const elapsed = performance.now() - started;
    expect(parsed.ok).toBe(true);
    // About 0.1 s here; walking the open elements for each one takes seconds at this size.
    expect(elapsed).toBeLessThan(1500);
  });

  it('refuses 274 KiB of tags nested 40,000 deep at once, as too deep', () => {
    const depth = Math.floor((274 * 1024) / 7);
    const parsed = parseXml('<a>'.repeat(depth) + '</a>'.repeat(depth));
    expect(!parsed.ok && parsed.finding.code).toBe('REPORT_NESTING_TOO_DEEP');
  });
});
