const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * `count` distinct organisation numbers with valid MOD11 check digits (shared/domain/org-number.ts), made from eight
 * digits counting up from `first`; numbers whose check digit would be 10 are skipped, as Brønnøysund never issues them.
 */
export function validOrgNumbers(count: number, first = 90000000): string[] {
  const out: string[] = [];
  for (let n = first; out.length < count; n++) {
    const base = String(n).padStart(8, '0');
    const sum = [...base].reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] ?? 0), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) out.push(`${base}${check}`);
  }
  return out;
}

const PLACES = ['Fjord', 'Nordlys', 'Vestvind', 'Fjell', 'Bakke', 'Elve', 'Skog', 'Havbris', 'Lysne', 'Solberg'];
const TRADES = ['Bakeri', 'Bygg', 'Regnskap', 'Transport', 'Rør', 'Frisør', 'Kafé', 'Elektro', 'Maling', 'Data'];

/** A company name for client `i` that reads like one ("Fjord Bakeri 12 AS"), unique for every `i`. */
export function clientName(i: number): string {
  const place = PLACES[i % PLACES.length] as string;
  const trade = TRADES[Math.floor(i / PLACES.length) % TRADES.length] as string;
  const series = Math.floor(i / (PLACES.length * TRADES.length));
  return series === 0 ? `${place} ${trade} AS` : `${place} ${trade} ${series + 1} AS`;
}
