import { error, type Finding } from '../finding';
import type { LeafKind } from './leaf-types';

/** Findings raised while mapping a document onto the model (the JSON equivalent of XSD errors). */
export const structureIssue = {
  missing: (path: string): Finding =>
    error('AMELDING_STRUCTURE_MISSING', path, `Påkrevd felt mangler: ${path}.`, `Required field is missing: ${path}.`),
  unexpected: (path: string): Finding =>
    error(
      'AMELDING_STRUCTURE_UNEXPECTED',
      path,
      `Feltet ${path} hører ikke hjemme her i a-meldingen.`,
      `The field ${path} does not belong here in the a-melding.`,
    ),
  repeated: (path: string): Finding =>
    error(
      'AMELDING_STRUCTURE_REPEATED',
      path,
      `Feltet ${path} kan bare forekomme én gang.`,
      `The field ${path} may occur only once.`,
    ),
  notAList: (path: string): Finding =>
    error(
      'AMELDING_STRUCTURE_NOT_A_LIST',
      path,
      `Feltet ${path} skal være en liste.`,
      `The field ${path} must be a list.`,
    ),
  invalidValue: (path: string, kind: LeafKind, value: string): Finding =>
    error(
      'AMELDING_STRUCTURE_INVALID_VALUE',
      path,
      `Verdien «${value.slice(0, 80)}» i ${path} er ikke ${KIND_NB[kind]}.`,
      `The value "${value.slice(0, 80)}" in ${path} is not ${KIND_EN[kind]}.`,
    ),
  notInEnumeration: (path: string, value: string, allowed: readonly string[]): Finding =>
    error(
      'AMELDING_STRUCTURE_INVALID_VALUE',
      path,
      `Verdien «${value}» i ${path} er ikke tillatt; bruk en av ${allowed.join(', ')}.`,
      `The value "${value}" in ${path} is not allowed; use one of ${allowed.join(', ')}.`,
    ),
};

const KIND_NB: Record<LeafKind, string> = {
  string: 'en tekst',
  integer: 'et heltall',
  decimal: 'et desimaltall',
  boolean: 'true eller false',
  date: 'en dato (ÅÅÅÅ-MM-DD)',
  dateTime: 'et tidspunkt (ÅÅÅÅ-MM-DDTtt:mm:ss)',
  yearMonth: 'en måned (ÅÅÅÅ-MM)',
  year: 'et årstall',
};
const KIND_EN: Record<LeafKind, string> = {
  string: 'text',
  integer: 'a whole number',
  decimal: 'a decimal number',
  boolean: 'true or false',
  date: 'a date (YYYY-MM-DD)',
  dateTime: 'a date-time (YYYY-MM-DDThh:mm:ss)',
  yearMonth: 'a month (YYYY-MM)',
  year: 'a year',
};
