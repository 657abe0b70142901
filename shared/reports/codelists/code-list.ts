import { z } from 'zod';
import type { Severity } from '../finding';
import aarsakTilSluttdato from './aarsakTilSluttdato.json';
import arbeidstidsordning from './arbeidstidsordning.json';
import avloenningstype from './avloenningstype.json';
import beregningskodeForArbeidsgiveravgift from './beregningskodeForArbeidsgiveravgift.json';
import fordel from './fordel.json';
import formForAnsettelse from './formForAnsettelse.json';
import forskuddstrekkbeskrivelse from './forskuddstrekkbeskrivelse.json';
import loennsbeskrivelse from './loennsbeskrivelse.json';
import permisjonsbeskrivelse from './permisjonsbeskrivelse.json';
import sone from './sone.json';
import typeArbeidsforhold from './typeArbeidsforhold.json';
import satser from './arbeidsgiveravgift-satser.json';

// Code lists live in JSON so they can be updated without touching code; each file records its source and
// whether an unknown value is an error (the list is believed complete) or only a warning (it is not).
const CodeListSchema = z.object({
  name: z.string(),
  source: z.string(),
  unknownSeverity: z.enum(['error', 'warning']),
  values: z.array(z.string()),
  doubtful: z.array(z.string()).optional(),
});
export type CodeList = z.infer<typeof CodeListSchema> & { severity: Severity };

const load = (raw: unknown): CodeList => {
  const list = CodeListSchema.parse(raw);
  return { ...list, severity: list.unknownSeverity };
};

export const codeLists = {
  typeArbeidsforhold: load(typeArbeidsforhold),
  arbeidstidsordning: load(arbeidstidsordning),
  formForAnsettelse: load(formForAnsettelse),
  avloenningstype: load(avloenningstype),
  aarsakTilSluttdato: load(aarsakTilSluttdato),
  permisjonsbeskrivelse: load(permisjonsbeskrivelse),
  fordel: load(fordel),
  forskuddstrekkbeskrivelse: load(forskuddstrekkbeskrivelse),
  loennsbeskrivelse: load(loennsbeskrivelse),
  sone: load(sone),
  beregningskodeForArbeidsgiveravgift: load(beregningskodeForArbeidsgiveravgift),
};

const SatserSchema = z.object({ ratesPerZone: z.record(z.string(), z.array(z.string())) });
/** Known arbeidsgiveravgift rates (percent, as decimal strings) per zone. */
export const agaRatesPerZone: Record<string, string[]> = SatserSchema.parse(satser).ratesPerZone;
