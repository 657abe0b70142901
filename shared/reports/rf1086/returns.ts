import type { Rf1086Form, Rf1086Hovedskjema, Rf1086ShareClassKey, Rf1086Underskjema } from './model';

/** One aksjonærregisteroppgave: a main form for one share class and the shareholder forms that belong to it. */
export interface Rf1086Return {
  readonly main: Rf1086Hovedskjema;
  readonly shareholders: Rf1086Underskjema[];
}

export interface Rf1086Set {
  readonly returns: Rf1086Return[];
  /** Main forms for a share class that already had one (rule: one return per class). */
  readonly duplicateMains: Rf1086Hovedskjema[];
  /** Shareholder forms that match no main form by company, share class and year. */
  readonly unmatched: Rf1086Underskjema[];
}

const norm = (s: string | undefined) => s?.trim().toLowerCase() ?? '';

/** Whether two forms are for the same company and share class (ISIN when both have one, else share type). */
export function sameShareClass(a: Rf1086ShareClassKey, b: Rf1086ShareClassKey): boolean {
  if (a.organisasjonsnummer?.value !== b.organisasjonsnummer?.value) return false;
  if (a.isin && b.isin) return norm(a.isin.value) === norm(b.isin.value);
  return norm(a.aksjeType?.value) === norm(b.aksjeType?.value);
}

/**
 * The share class as one string (the ISIN when the form has one, else the share type), for the identity the
 * outbox's duplicate guard keys an RF-1086 return on (`shared/outbox/duplicate-key.ts`).
 */
export function shareClassOf(form: {
  isin?: { value: string } | string;
  aksjeType?: { value: string } | string;
}): string {
  const value = (v: { value: string } | string | undefined) => norm(typeof v === 'string' ? v : v?.value);
  return value(form.isin) || value(form.aksjeType);
}

/**
 * Groups the forms into returns. Forms are matched only within their company (returns indexed by organisation
 * number), so a set of many companies' forms is grouped in time linear in the forms, not forms × returns.
 */
export function groupRf1086Forms(mains: Rf1086Hovedskjema[], shareholders: Rf1086Underskjema[]): Rf1086Set {
  const returns: Rf1086Return[] = [];
  const byCompany = new Map<string | undefined, Rf1086Return[]>();
  const ownerOf = (form: Rf1086ShareClassKey) =>
    byCompany.get(form.organisasjonsnummer?.value)?.find((r) => sameShareClass(r.main, form));
  const duplicateMains: Rf1086Hovedskjema[] = [];
  for (const main of mains) {
    if (ownerOf(main)) {
      duplicateMains.push(main);
      continue;
    }
    const created = { main, shareholders: [] };
    returns.push(created);
    const company = main.organisasjonsnummer?.value;
    const ofCompany = byCompany.get(company);
    if (ofCompany) ofCompany.push(created);
    else byCompany.set(company, [created]);
  }
  const unmatched: Rf1086Underskjema[] = [];
  for (const form of shareholders) {
    const owner = ownerOf(form);
    if (owner) owner.shareholders.push(form);
    else unmatched.push(form);
  }
  return { returns, duplicateMains, unmatched };
}

/** The shareholder's identifier, whichever kind was given. */
export function shareholderId(form: Rf1086Underskjema): string | undefined {
  const a = form.aksjonaer;
  return (a.fodselsnummer ?? a.organisasjonsnummer ?? a.utenlandskId)?.value;
}

/** Every form of the set: the returns' forms, then those left over (a second main form, an unmatched form). */
export function formsOf(set: Rf1086Set): Rf1086Form[] {
  return [...set.returns.flatMap((r) => [r.main, ...r.shareholders]), ...set.duplicateMains, ...set.unmatched];
}
