import { describe, expect, it } from 'vitest';
import { nb } from '../../../renderer/i18n/nb';
import { en } from '../../../renderer/i18n/en';
import { SERVICES } from '../../../shared/domain/services-catalogue';
import { leaves, problemsInBokmal, problemsInEnglish } from './language-check';

describe('the language checker itself', () => {
  it('catches a raw code, English in bokmål and Norwegian in English', () => {
    expect(problemsInBokmal('Status: MOTTATT_MED_AVVIK')).toEqual(['raw code MOTTATT_MED_AVVIK']);
    expect(problemsInBokmal('Resource id follows the ske-innrapportering-<scheme> pattern')).not.toEqual([]);
    expect(problemsInBokmal('A-melding for januar fikk status Rejected')).toEqual(['English word "Rejected"']);
    expect(problemsInEnglish('The report was sent på nytt')).toEqual(['Norwegian word "på"']);
  });

  it('lets through plain bokmål, interpolations and terms of art', () => {
    expect(problemsInBokmal('{{org}}: a-meldingen for januar 2026 er mottatt, med {{count}} avvik')).toEqual([]);
    expect(problemsInEnglish('Registered in Enhetsregisteret at Brønnøysund')).toEqual([]);
  });
});

describe('every translation reads as its language', () => {
  it.each(leaves(nb).map((l) => [l.key, l.value]))('nb %s', (_key, value) => {
    expect(problemsInBokmal(value)).toEqual([]);
  });

  it.each(leaves(en).map((l) => [l.key, l.value]))('en %s', (_key, value) => {
    expect(problemsInEnglish(value)).toEqual([]);
  });
});

describe('the services catalogue reads as each language', () => {
  const texts = SERVICES.flatMap((s) => [s.name, ...(s.unconfirmed ? [s.unconfirmed] : [])]);
  it.each(texts.map((t) => [t.nb, t.en]))('%s', (nbText, enText) => {
    expect(problemsInBokmal(nbText)).toEqual([]);
    expect(problemsInEnglish(enText)).toEqual([]);
  });
});
