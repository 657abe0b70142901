import { error, type Finding } from '../finding';
import type { XmlElement } from '../xml/xml-element';
import type { Rf1086Event, Rf1086Field, Rf1086Form, Rf1086Hovedskjema, Rf1086Underskjema } from './model';

export type Rf1086ReadResult = { ok: true; form: Rf1086Form } | { ok: false; finding: Finding };

/** Which RF-1086 form a root element is, by its fixed skjemanummer (890 main, 923 shareholder). */
export function rf1086FormKind(root: XmlElement): 'hovedskjema' | 'underskjema' | undefined {
  if (root.name !== 'Skjema' || root.ns !== '') return undefined;
  const skjemanummer = root.attributes.skjemanummer;
  const blankett = root.attributes.blankettnummer;
  if (skjemanummer === '890' || blankett === 'RF-1086') return 'hovedskjema';
  if (skjemanummer === '923' || blankett === 'RF-1086-U') return 'underskjema';
  return undefined;
}

/** A cursor over the form's element tree that builds document paths as it goes. */
class At {
  constructor(
    readonly element: XmlElement,
    readonly path: string,
  ) {}

  one(name: string): At | undefined {
    const child = this.element.children.find((c) => c.name === name);
    return child && new At(child, `${this.path}/${name}`);
  }

  all(name: string): At[] {
    return this.element.children
      .filter((c) => c.name === name)
      .map((child, i) => new At(child, `${this.path}/${name}[${i + 1}]`));
  }

  field(name: string): Rf1086Field | undefined {
    const at = this.one(name);
    const value = at?.element.text.trim();
    return at && value !== undefined && value !== '' ? { value, path: at.path, line: at.element.line } : undefined;
  }

  count(name: string): number | undefined {
    const value = this.field(name)?.value;
    return value !== undefined && /^\d+(\.0*)?$/.test(value) ? Math.trunc(Number(value)) : undefined;
  }

  event(fields: { antall?: string; beloep?: string; perAksje?: string; tidspunkt?: string }): Rf1086Event {
    return {
      path: this.path,
      line: this.element.line,
      ...(fields.antall && this.count(fields.antall) !== undefined ? { antall: this.count(fields.antall) } : {}),
      ...(fields.beloep && this.field(fields.beloep) ? { beloep: this.field(fields.beloep) } : {}),
      ...(fields.perAksje && this.field(fields.perAksje) ? { perAksje: this.field(fields.perAksje) } : {}),
      ...(fields.tidspunkt && this.field(fields.tidspunkt) ? { tidspunkt: this.field(fields.tidspunkt) } : {}),
    };
  }
}

const many = (parent: At | undefined, group: string, item: string) => parent?.one(group)?.all(item) ?? [];

export function readRf1086Xml(root: XmlElement, file: string): Rf1086ReadResult {
  const kind = rf1086FormKind(root);
  if (!kind) {
    return {
      ok: false,
      finding: error(
        'RF1086_NOT_RECOGNISED',
        '',
        'Filen er ikke et RF-1086 hovedskjema (skjemanummer 890) eller underskjema (skjemanummer 923).',
        'The file is not an RF-1086 main form (skjemanummer 890) or shareholder form (skjemanummer 923).',
      ),
    };
  }
  const skjema = new At(root, 'Skjema');
  return { ok: true, form: kind === 'hovedskjema' ? readHovedskjema(skjema, file) : readUnderskjema(skjema, file) };
}

function readHovedskjema(skjema: At, file: string): Rf1086Hovedskjema {
  const selskap = skjema.one('GenerellInformasjon-grp-2587')?.one('Selskap-grp-2588');
  const opplysninger = skjema.one('Selskapsopplysninger-grp-2589');
  const klasse = opplysninger?.one('AksjekapitalIDenneAksjeklassen-grp-3444');
  const antall = opplysninger?.one('AntallAksjerIDenneAksjeklassen-grp-3445');
  const endringer = skjema.one('EndringerIAksjekapitalOgOverkurs-grp-3460');
  return {
    form: 'hovedskjema',
    file,
    tree: skjema.element,
    organisasjonsnummer: selskap?.field('EnhetOrganisasjonsnummer-datadef-18'),
    navn: selskap?.field('EnhetNavn-datadef-1')?.value,
    aksjeType: selskap?.field('AksjeType-datadef-17659'),
    isin: selskap?.field('EnhetISINNummer-datadef-17513'),
    inntektsaar: selskap?.field('Inntektsar-datadef-692'),
    aksjekapital: opplysninger?.one('AksjekapitalForHeleSelskapet-grp-3443')?.field('Aksjekapital-datadef-87'),
    aksjekapitalKlasse: klasse?.field('AksjekapitalISINAksjetype-datadef-17664'),
    palydende: opplysninger?.one('PalydendePerAksje-grp-3447')?.field('AksjeMvPalydende-datadef-23945'),
    antallAksjerFjoraret: antall?.field('AksjerMvAntallFjoraret-datadef-29166'),
    antallAksjer: antall?.field('AksjerMvAntall-datadef-29167'),
    utbytte: many(skjema, 'Utbytte-grp-3449', 'UtdeltSkatterettsligUtbytteILopetAvInntektsaret-grp-3451').map((at) =>
      at.event({
        beloep: 'AksjeUtbytteISINAksjetype-datadef-17665',
        perAksje: 'AksjeUtbyttePerAksje-datadef-23946',
        tidspunkt: 'AksjeUtbytteTidspunkt-datadef-17667',
      }),
    ),
    utstedelser: many(
      skjema,
      'UtstedelseAvAksjerIfmStiftelseNyemisjonMv-grp-3452',
      'AntallNyutstedteAksjer-grp-3453',
    ).map((at) =>
      at.event({
        antall: 'AksjerNyutstedteStiftelseMvAntall-datadef-17668',
        tidspunkt: 'AksjerNyutstedteStiftelseMvTidspunkt-datadef-17671',
      }),
    ),
    omfordelingTilgang: many(
      skjema,
      'UtstedelseAvAksjerIfmFondsemisjonSplittMv-grp-3454',
      'NyutstedteAksjerOmfordeling-grp-3455',
    ).map((at) =>
      at.event({
        antall: 'AksjerNyutstedteFondsemisjonMvAntall-datadef-17677',
        tidspunkt: 'AksjerNyutstedteFondsemisjonMvTidspunkt-datadef-17680',
      }),
    ),
    slettinger: many(
      skjema,
      'SlettingAvAksjerIfmLikvidasjonPartiellLikvidasjonMv-grp-3456',
      'SlettedeAksjerAvgang-grp-3457',
    ).map((at) =>
      at.event({
        antall: 'AksjerSlettedeLikvidasjonMvAntall-datadef-17688',
        tidspunkt: 'AksjerSlettedeLividasjonMvTidspunkt-datadef-17692',
      }),
    ),
    omfordelingAvgang: many(
      skjema,
      'SlettingAvAksjerIfmSpleisSkattefriFusjonFisjon-grp-3458',
      'SlettedeAksjerOmfordeling-grp-3459',
    ).map((at) =>
      at.event({
        antall: 'AksjerSlettedeSpleisMvAntall-datadef-17693',
        tidspunkt: 'AksjerSlettedeSpleisMvTidspunkt-datadef-17696',
      }),
    ),
    overkursNedsettelser: (
      endringer?.all('NedsettelseAvInnbetaltOverkursMedTilbakebetalingTilAksjonarene-grp-3461') ?? []
    ).map((at) => at.event({ tidspunkt: 'AksjerOverkursNedsettelseTidspunkt-datadef-17708' })),
    nyemisjonForhoyelser: (endringer?.all('ForhoyelseAvAKVedOkningAvPalydende-grp-3463') ?? []).map((at) =>
      at.event({ tidspunkt: 'AksjeNyemisjonTidspunkt-datadef-17716' }),
    ),
  };
}

function readUnderskjema(skjema: At, file: string): Rf1086Underskjema {
  const opplysninger = skjema.one('SelskapsOgAksjonaropplysninger-grp-3987');
  const selskap = opplysninger?.one('Selskapsidentifikasjon-grp-3986');
  const aksjonaer = opplysninger?.one('NorskUtenlandskAksjonar-grp-3988');
  const antall = skjema.one('AntallAksjerUtbytteOgTilbakebetalingAvTidligereInnbetaltKapit-grp-3990');
  const perAksjonaer = antall?.one('AntallAksjerPerAksjonar-grp-3989');
  const endringer = skjema.one('EndringerIAksjekapitalOgOverkurs-grp-3997');
  return {
    form: 'underskjema',
    file,
    tree: skjema.element,
    organisasjonsnummer: selskap?.field('EnhetOrganisasjonsnummer-datadef-18'),
    aksjeType: selskap?.field('AksjeType-datadef-17659'),
    isin: selskap?.field('EnhetISINNummer-datadef-17513'),
    inntektsaar: selskap?.field('Inntektsar-datadef-692'),
    aksjonaer: {
      path: aksjonaer?.path ?? 'Skjema',
      line: aksjonaer?.element.line ?? skjema.element.line,
      fodselsnummer: aksjonaer?.field('AksjonarFodselsnummer-datadef-1156'),
      organisasjonsnummer: aksjonaer?.field('AksjonarOrganisasjonsnummer-datadef-7597'),
      utenlandskId: aksjonaer?.field('AksjonarUtenlandskIdenifikasjonsnummer-datadef-26626'),
      navn: aksjonaer?.field('AksjonarNavn-datadef-1153')?.value,
      landkode: aksjonaer?.field('AksjonarLandkode-datadef-17740')?.value,
      harAdresse: (aksjonaer?.all('Adresse-grp-7722') ?? []).some((a) => a.field('AksjonarAdresse-datadef-1154')),
    },
    antallAksjerFjoraret: perAksjonaer?.field('AksjerAntallFjoraret-datadef-29168'),
    antallAksjer: perAksjonaer?.field('AksjonarAksjerAntall-datadef-17741'),
    utbytte: (antall?.all('UtdeltUtbyttePerAksjonar-grp-3991') ?? []).map((at) =>
      at.event({
        beloep: 'Aksjeutbytte-datadef-29169',
        antall: 'AksjerUtbytteAntall-datadef-17742',
        tidspunkt: 'AksjerUtbytteTidspunkt-datadef-17769',
      }),
    ),
    tilganger: many(
      skjema.one('Transaksjoner-grp-3992'),
      'KjopArvGaveStiftelseNyemisjonMv-grp-3993',
      'AntallAksjerITilgang-grp-3998',
    ).map((at) => ({
      ...at.event({ antall: 'AksjerKjopAntall-datadef-12153', tidspunkt: 'AksjerErvervsdato-datadef-17746' }),
      tidligereEier:
        at.field('AksjonarTidligereFodselsnummer-datadef-26530') ??
        at.field('AksjonarTidligereOrganisasjonsnummer-datadef-26531'),
    })),
    omfordelingTilgang: (
      skjema
        .one('FondsemisjonSplittSkattefriFusjonFisjonSammenslaingDelingAv-grp-3994')
        ?.all('AntallAksjerITilgangIfmOmfordeling-grp-3999') ?? []
    ).map((at) =>
      at.event({
        antall: 'AksjerTilgangFondsemisjonMvAntall-datadef-17748',
        tidspunkt: 'AksjerTilgangFondsemisjonMvTidspunkt-datadef-17750',
      }),
    ),
    avganger: (
      skjema.one('SalgArvGaveLikvidasjonPartiellLikvidasjonMv-grp-3995')?.all('AksjerIAvgang-grp-4002') ?? []
    ).map((at) => ({
      ...at.event({
        antall: 'AksjerArvMvOmsattAntall-datadef-17752',
        tidspunkt: 'AksjerArvMvOmsattTidspunkt-datadef-17754',
      }),
      nyEier:
        at.field('AksjonarOvertakendeFodselsnummer-datadef-26532') ??
        at.field('AksjonarOvertakendeOrganisasjonsnummer-datadef-26533'),
    })),
    omfordelingAvgang: (
      skjema
        .one('SpleisSkattefriFusjonOgSkattefriFisjon-grp-3996')
        ?.all('AntallAksjerIAvgangVedOmfordeling-grp-4003') ?? []
    ).map((at) =>
      // Post 26's count is typed as a decimal in the XSD; whole shares are expected.
      at.event({
        antall: 'AksjerSpleisMvAvgangAntall-datadef-24007',
        tidspunkt: 'AksjerSpleisMvTidspunkt-datadef-17759',
      }),
    ),
    overkursTilbakebetalinger: (endringer?.all('TilbakebetaltTidligereInnbetaltOverkursForAksjen-grp-4001') ?? []).map(
      (at) => at.event({ tidspunkt: 'OverkursTilbakebetaltTidspunkt-datadef-17766' }),
    ),
    nyemisjonForhoyelser: (endringer?.all('ForhoyelseAvInnbetaltAksjekapitalVedOkning-grp-4987') ?? []).map((at) =>
      at.event({ tidspunkt: 'AksjeNyemisjonTidspunktAksjonar-datadef-22075' }),
    ),
  };
}
