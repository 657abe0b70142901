import type { XmlElement } from '../xml/xml-element';

/**
 * The parts of the RF-1086 Hovedskjema and Underskjema (formats.md §3.2–3.3) that the consistency rules and the
 * summary need. The XSDs check everything else. Every value keeps where it came from, so a finding can point at it.
 */
export interface Rf1086Field {
  readonly value: string;
  readonly path: string;
  readonly line: number;
}

/** A dated event: a dividend, an issue or deletion of shares, an acquisition or a disposal. */
export interface Rf1086Event {
  readonly path: string;
  readonly line: number;
  readonly antall?: number;
  readonly beloep?: Rf1086Field;
  readonly perAksje?: Rf1086Field;
  readonly tidspunkt?: Rf1086Field;
}

export interface Rf1086ShareClassKey {
  readonly organisasjonsnummer?: Rf1086Field;
  readonly aksjeType?: Rf1086Field;
  readonly isin?: Rf1086Field;
  readonly inntektsaar?: Rf1086Field;
}

export interface Rf1086Hovedskjema extends Rf1086ShareClassKey {
  readonly form: 'hovedskjema';
  readonly file: string;
  /** The whole form as read, for the field-by-field controls of Skatteetaten's published list. */
  readonly tree: XmlElement;
  readonly navn?: string;
  readonly aksjekapital?: Rf1086Field;
  readonly aksjekapitalKlasse?: Rf1086Field;
  readonly palydende?: Rf1086Field;
  readonly antallAksjerFjoraret?: Rf1086Field;
  readonly antallAksjer?: Rf1086Field;
  /** Post 8. */
  readonly utbytte: Rf1086Event[];
  /** Post 9 (stiftelse, nyemisjon) and post 10 (fondsemisjon, splitt, fusjon, fisjon). */
  readonly utstedelser: Rf1086Event[];
  readonly omfordelingTilgang: Rf1086Event[];
  /** Post 11 (likvidasjon) and post 12 (spleis, fusjon, fisjon). */
  readonly slettinger: Rf1086Event[];
  readonly omfordelingAvgang: Rf1086Event[];
  /** Posts 13–18 that have a shareholder counterpart. */
  readonly overkursNedsettelser: Rf1086Event[];
  readonly nyemisjonForhoyelser: Rf1086Event[];
}

export interface Rf1086Underskjema extends Rf1086ShareClassKey {
  readonly form: 'underskjema';
  readonly file: string;
  /** The whole form as read, for the field-by-field controls of Skatteetaten's published list. */
  readonly tree: XmlElement;
  readonly aksjonaer: {
    readonly path: string;
    readonly line: number;
    readonly fodselsnummer?: Rf1086Field;
    readonly organisasjonsnummer?: Rf1086Field;
    readonly utenlandskId?: Rf1086Field;
    readonly navn?: string;
    readonly landkode?: string;
    readonly harAdresse: boolean;
  };
  readonly antallAksjerFjoraret?: Rf1086Field;
  readonly antallAksjer?: Rf1086Field;
  /** Post 21: `beloep` is Aksjeutbytte (a string in the XSD), `perAksje` unused, `antall` the shares paid on. */
  readonly utbytte: Rf1086Event[];
  /** Post 23 (kjøp, arv, gave, stiftelse, nyemisjon) with the previous owner's identifiers. */
  readonly tilganger: (Rf1086Event & { readonly tidligereEier?: Rf1086Field })[];
  /** Post 24. */
  readonly omfordelingTilgang: Rf1086Event[];
  /** Post 25 with the new owner's identifiers. */
  readonly avganger: (Rf1086Event & { readonly nyEier?: Rf1086Field })[];
  /** Post 26. */
  readonly omfordelingAvgang: Rf1086Event[];
  /** Posts 27–30 counterparts. */
  readonly overkursTilbakebetalinger: Rf1086Event[];
  readonly nyemisjonForhoyelser: Rf1086Event[];
}

export type Rf1086Form = Rf1086Hovedskjema | Rf1086Underskjema;
