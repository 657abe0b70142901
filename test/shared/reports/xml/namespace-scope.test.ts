import { SaxesParser } from 'saxes';
import { describe, expect, it, vi } from 'vitest';
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

  it('resolves each element with a fixed number of lookups however deep it sits (saxes xmlns mode: ~15 s for 274 KiB)', () => {
    // Deeper than 256 levels is refused before namespaces are resolved (nesting-depth.ts), so the worst case left is
    // many elements each 250 levels down, every one resolving a prefix declared at the root. The same 10,000
    // elements nested 25 and 250 deep must cost the same lookups: one per element name, and four for the root (binding
    // p, its own name, its xmlns:p attribute, unbinding p at its close).
    const lookupsFor = (depth: number) => {
      const block = '<p:a>'.repeat(depth) + '</p:a>'.repeat(depth);
      const text = `<r xmlns:p="urn:p">${block.repeat(10_000 / depth)}</r>`;
      const mapLookups = vi.spyOn(Map.prototype, 'get');
      // saxes's own resolver walks the open elements for each one: it must not run at all.
      const saxesResolve = vi.spyOn(SaxesParser.prototype, 'resolve');
      try {
        expect(parseXml(text).ok).toBe(true);
        expect(saxesResolve).not.toHaveBeenCalled();
        return mapLookups.mock.calls.length;
      } finally {
        vi.restoreAllMocks();
      }
    };
    expect(lookupsFor(25)).toBe(10_000 + 4);
    expect(lookupsFor(250)).toBe(10_000 + 4);
  });

  it('refuses 274 KiB of tags nested 40,000 deep at once, as too deep', () => {
    const depth = Math.floor((274 * 1024) / 7);
    const parsed = parseXml('<a>'.repeat(depth) + '</a>'.repeat(depth));
    expect(!parsed.ok && parsed.finding.code).toBe('REPORT_NESTING_TOO_DEEP');
  });
});
