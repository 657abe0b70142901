/**
 * A search for a company as people type it: part of the name (any case), or part of the org number with or without
 * the spaces or dots it is written with ("974 761", "974761076"). The overview, the header's switcher and Oppsett's
 * profile list all search with it.
 */
export function companyMatcher(search: string): (name: string, orgNumber: string) => boolean {
  const text = search.trim().toLocaleLowerCase('nb');
  if (text === '') return () => true;
  const digits = text.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits)) return (_name, orgNumber) => orgNumber.includes(digits);
  return (name) => name.toLocaleLowerCase('nb').includes(text);
}
