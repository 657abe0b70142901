import { serviceById } from '../../../shared/domain/services-catalogue';
import type { Avstemmingsrapport } from '../../../shared/avstemming/avstemmingsrapport';
import { formatScaled, fromInteger, parseScaled, roundProductToKroner } from '../../../shared/reports/decimal';
import { arbeidsgiveravgiftOf } from '../../../shared/reports/amelding/totals';
import { readReportDocument } from '../../../shared/reports/read-report-document';
import { altinnSlice } from '../altinn/altinn-state';
import type { EmulatorContext } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import type { EmulatorRoute } from '../router';
import { authorizeSystemUser, requireOrg, skeError } from './skatteetaten-answers';
import { skatteetatenSlice, type RegisteredSubmission } from './skatteetaten-state';

const SERVICE = serviceById('a-melding-avstemming');
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The sandbox a-melding avstemmingsrapport: Skatteetaten's registered a-meldinger for the org and months asked
 * for, per income recipient and per zone, made from the bodies the sandbox received. Scope, right and AMLD codes
 * are the documented ones (docs/api/avstemmingsrapport-amelding.md @ 3e022611); the path and the JSON are the ones
 * Innsender assumes (`shared/avstemming/avstemmingsrapport.ts`), because the contract is on SwaggerHub only.
 */
export function avstemmingRoutes(ctx: EmulatorContext, authority: SandboxTokenAuthority): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/skatteetaten/avstemmingsrapportamelding/v1/:opplysningspliktig',
      handle: async (req) => {
        const caller = await authorizeSystemUser(req, ctx, authority, 'AMLD', SERVICE.scope);
        const org = req.params.opplysningspliktig as string;
        requireOrg(caller, org, 'AMLD');
        if (!holdsRight(ctx, org)) {
          throw skeError(403, 'AMLD_005', 'Ikke tilgang', [
            { kode: 'AMLD_1015', melding: `Systembrukeren mangler rettigheten ${SERVICE.resource}` },
          ]);
        }
        const fra = req.query.get('fraOgMedKalendermaaned') ?? '';
        const til = req.query.get('tilOgMedKalendermaaned') ?? '';
        if (!YEAR_MONTH.test(fra) || !YEAR_MONTH.test(til) || fra > til) {
          throw skeError(400, 'AMLD_006', 'Feil i request', [
            {
              kode: 'AMLD_1022',
              melding: 'fraOgMedKalendermaaned og tilOgMedKalendermaaned må være YYYY-MM, fra ≤ til',
            },
          ]);
        }
        return { status: 200, body: reportFor(ctx, org, fra, til) };
      },
    },
  ];
}

/** A standard system user needs the single right; the a-ordning package also gives it. */
function holdsRight(ctx: EmulatorContext, org: string): boolean {
  return Object.values(altinnSlice(ctx.state).systemUsers).some(
    (u) =>
      u.reporteeOrgNo === org &&
      !u.isDeleted &&
      (u.rights.some((r) => r.resource.some((x) => x.value === SERVICE.resource)) ||
        u.accessPackages.some((p) => SERVICE.accessPackages.includes(p.urn))),
  );
}

function reportFor(ctx: EmulatorContext, org: string, fra: string, til: string): Avstemmingsrapport {
  const slice = skatteetatenSlice(ctx.state);
  const all = slice.submissions.filter((s) => s.service === 'a-melding' && s.org === org);
  const replaced = new Set(all.flatMap((s) => (s.replaces ? [s.replaces] : [])));
  const counted = all.filter((s) => s.period >= fra && s.period <= til && !replaced.has(s.reference));
  const report: Avstemmingsrapport = {
    opplysningspliktig: org,
    fraOgMedKalendermaaned: fra,
    tilOgMedKalendermaaned: til,
    opprettetTidspunkt: ctx.now().toISOString(),
    mottatteMeldinger: counted.map((s) => ({
      meldingsId: s.reference,
      kalendermaaned: s.period,
      mottattTidspunkt: s.receivedAt,
    })),
    inntektsmottakere: [],
    arbeidsgiveravgift: [],
  };
  let inntekt = 0n;
  let trekk = 0n;
  let aga = 0;
  for (const submission of counted) {
    const leveranse = receivedLeveranse(slice.documents, submission);
    for (const v of leveranse?.oppgave.virksomhet ?? []) {
      for (const person of v.inntektsmottaker ?? []) {
        const withheld = (person.forskuddstrekk ?? []).reduce((sum, f) => sum + f.beloep, 0);
        report.inntektsmottakere.push({
          identifikator: person.norskIdentifikator ?? '',
          ...(person.identifiserendeInformasjon ? { navn: person.identifiserendeInformasjon.navn } : {}),
          kalendermaaned: submission.period,
          inntekt: (person.inntekt ?? []).map((i) => ({
            beskrivelse:
              i.loennsinntekt?.beskrivelse ??
              i.ytelseFraOffentlige?.beskrivelse ??
              i.pensjonEllerTrygd?.beskrivelse ??
              i.naeringsinntekt?.beskrivelse ??
              '',
            fordel: i.fordel,
            beloep: i.beloep,
          })),
          forskuddstrekk: String(withheld),
        });
        for (const i of person.inntekt ?? []) inntekt += parseScaled(i.beloep) ?? 0n;
        trekk += fromInteger(withheld);
      }
      for (const zone of arbeidsgiveravgiftOf(v.arbeidsgiveravgift).perZone.values()) {
        const beloep = roundProductToKroner(zone.avgift);
        aga += beloep;
        report.arbeidsgiveravgift.push({
          kalendermaaned: submission.period,
          sone: zone.sone,
          grunnlag: formatScaled(zone.grunnlag),
          beloep: String(beloep),
        });
      }
    }
  }
  report.sum = { inntekt: formatScaled(inntekt), forskuddstrekk: formatScaled(trekk), arbeidsgiveravgift: String(aga) };
  return report;
}

/** The a-melding as the sandbox received it: the submission's own document (its first) in the forsendelse. */
function receivedLeveranse(documents: ReturnType<typeof skatteetatenSlice>['documents'], s: RegisteredSubmission) {
  const stored = Object.values(documents[s.forsendelseId] ?? {})[0];
  if (!stored) return null;
  const read = readReportDocument(stored.content, 'leveranse.json');
  return read.kind === 'amelding' ? read.document.leveranse : null;
}
