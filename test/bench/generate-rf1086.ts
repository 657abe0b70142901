import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticFoedselsnummer } from './generate-amelding';

const FIXTURES = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));

/**
 * A rule-clean RF-1086 return with `shareholders` shareholder forms, written to `dir` as one main form and one
 * file per shareholder (as an accountant's system exports them): the spec examples with the totals scaled so the
 * main form's share count and dividend match the sum of the shareholders'. Returns every file's path.
 */
export function writeRf1086Return(shareholders: number, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const shares = shareholders * 100;
  const main = readFileSync(join(FIXTURES, 'rf1086-hovedskjema-example.xml'), 'utf8')
    .replace(/(<AksjerMvAntall(?:Fjoraret)?-datadef-\d+ orid="\d+">)100</g, `$1${shares}<`)
    .replace(/>100000</g, `>${shares * 1000}<`)
    .replace('>50000<', `>${shareholders * 50_000}<`);
  const shareholder = readFileSync(join(FIXTURES, 'rf1086-underskjema-example.xml'), 'utf8');
  const paths = [join(dir, 'hovedskjema.xml')];
  writeFileSync(paths[0]!, main);
  for (let i = 0; i < shareholders; i++) {
    const path = join(dir, `underskjema-${String(i + 1).padStart(5, '0')}.xml`);
    writeFileSync(
      path,
      shareholder.replace('26829398612', syntheticFoedselsnummer(i)).replace('Ola Nordmann', `Aksjonær ${i + 1}`),
    );
    paths.push(path);
  }
  return paths;
}
