import type { Inntektsmottaker, Leveranse, Virksomhet } from './model';

export interface VirksomhetAt {
  readonly virksomhet: Virksomhet;
  readonly path: string;
}

export interface InntektsmottakerAt {
  readonly virksomhet: Virksomhet;
  readonly mottaker: Inntektsmottaker;
  readonly path: string;
}

export function virksomheterOf(leveranse: Leveranse): VirksomhetAt[] {
  return (leveranse.oppgave.virksomhet ?? []).map((virksomhet, i) => ({
    virksomhet,
    path: `leveranse/oppgave/virksomhet[${i + 1}]`,
  }));
}

export function inntektsmottakereOf(leveranse: Leveranse): InntektsmottakerAt[] {
  return virksomheterOf(leveranse).flatMap(({ virksomhet, path }) =>
    (virksomhet.inntektsmottaker ?? []).map((mottaker, j) => ({
      virksomhet,
      mottaker,
      path: `${path}/inntektsmottaker[${j + 1}]`,
    })),
  );
}
