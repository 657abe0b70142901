import { z } from 'zod';
import { formatScaled, parseScaled } from '../decimal';
import type { Rf1086Field, Rf1086Underskjema } from './model';
import { shareholderId, type Rf1086Set } from './returns';

const ShareholderSummarySchema = z.object({
  identifikator: z.string().optional(),
  identifikatortype: z.enum(['foedselsnummer', 'organisasjonsnummer', 'utenlandsk', 'mangler']),
  navn: z.string().optional(),
  antallAksjerFjoraret: z.number().int().optional(),
  antallAksjer: z.number().int().optional(),
  utbytte: z.string(),
  file: z.string(),
});

const ShareClassSummarySchema = z.object({
  aksjeType: z.string().optional(),
  isin: z.string().optional(),
  antallAksjerFjoraret: z.number().int().optional(),
  antallAksjer: z.number().int().optional(),
  aksjekapital: z.string().optional(),
  palydende: z.string().optional(),
  utbytte: z.string(),
  /** Σ shares at 31 Dec over the shareholder forms, to set beside `antallAksjer`. */
  aksjonaerenesAksjer: z.number().int(),
  aksjonaerer: z.array(ShareholderSummarySchema),
  file: z.string(),
});

export const Rf1086SummarySchema = z.object({
  selskap: z.object({ organisasjonsnummer: z.string().optional(), navn: z.string().optional() }),
  inntektsaar: z.string().optional(),
  aksjeklasser: z.array(ShareClassSummarySchema),
  totals: z.object({
    aksjeklasser: z.number().int(),
    aksjonaerer: z.number().int(),
    underskjemaer: z.number().int(),
    utbytte: z.string(),
  }),
});
export type Rf1086Summary = z.infer<typeof Rf1086SummarySchema>;

const count = (f: Rf1086Field | undefined) => (f && /^\d+$/.test(f.value) ? Number(f.value) : undefined);
const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : { [key]: value });

export function summariseRf1086(set: Rf1086Set): Rf1086Summary {
  const first = set.returns[0]?.main;
  const people = new Set<string>();
  let dividends = 0n;
  let forms = 0;
  const aksjeklasser = set.returns.map(({ main, shareholders }) => {
    const aksjonaerer = shareholders.map((s) => {
      forms++;
      const id = shareholderId(s);
      if (id) people.add(id);
      return shareholderSummary(s);
    });
    const classDividend = main.utbytte.reduce(
      (acc, d) => acc + (d.beloep ? (parseScaled(d.beloep.value) ?? 0n) : 0n),
      0n,
    );
    dividends += classDividend;
    return {
      ...optional('aksjeType', main.aksjeType?.value),
      ...optional('isin', main.isin?.value),
      ...optional('antallAksjerFjoraret', count(main.antallAksjerFjoraret)),
      ...optional('antallAksjer', count(main.antallAksjer)),
      ...optional('aksjekapital', main.aksjekapitalKlasse?.value ?? main.aksjekapital?.value),
      ...optional('palydende', main.palydende?.value),
      utbytte: formatScaled(classDividend),
      aksjonaerenesAksjer: shareholders.reduce((acc, s) => acc + (count(s.antallAksjer) ?? 0), 0),
      aksjonaerer,
      file: main.file,
    };
  });
  return {
    selskap: {
      ...optional('organisasjonsnummer', first?.organisasjonsnummer?.value),
      ...optional('navn', first?.navn),
    },
    ...optional('inntektsaar', first?.inntektsaar?.value),
    aksjeklasser,
    totals: {
      aksjeklasser: aksjeklasser.length,
      aksjonaerer: people.size,
      underskjemaer: forms,
      utbytte: formatScaled(dividends),
    },
  };
}

function shareholderSummary(s: Rf1086Underskjema): Rf1086Summary['aksjeklasser'][number]['aksjonaerer'][number] {
  const a = s.aksjonaer;
  const identifikatortype = a.fodselsnummer
    ? 'foedselsnummer'
    : a.organisasjonsnummer
      ? 'organisasjonsnummer'
      : a.utenlandskId
        ? 'utenlandsk'
        : 'mangler';
  const utbytte = s.utbytte.reduce((acc, d) => acc + (d.beloep ? (parseScaled(d.beloep.value) ?? 0n) : 0n), 0n);
  return {
    ...optional('identifikator', shareholderId(s)),
    identifikatortype,
    ...optional('navn', a.navn),
    ...optional('antallAksjerFjoraret', count(s.antallAksjerFjoraret)),
    ...optional('antallAksjer', count(s.antallAksjer)),
    utbytte: formatScaled(utbytte),
    file: s.file,
  };
}
