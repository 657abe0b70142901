/**
 * Decoded text goes to libxml2 as UTF-8, so a declaration naming another encoding (ISO-8859-1, accepted by the
 * reader) must not mislead it into decoding the UTF-8 bytes a second time.
 */
export function asUtf8Declared(xml: string): string {
  return xml.replace(/^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*/, '$1UTF-8');
}
