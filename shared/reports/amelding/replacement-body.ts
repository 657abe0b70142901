import type { LocalizedText } from '../../domain/localized';

/** The a-melding a replacement replaces, as the outbox keeps it. */
export interface ReplacedAMelding {
  meldingsId: string;
  kalendermaaned: string;
  opplysningspliktig: string;
}

export type ReplacementBody = { ok: true; body: string; meldingsId: string } | { ok: false; error: LocalizedText };

/**
 * A corrected a-melding made into the replacement of a received one (formats.md §2.4: "A replacement message sets
 * `erstatterMeldingsId` to the meldingsId of the message it replaces … for the same kalendermaaned and replaces the
 * whole message"): `erstatterMeldingsId` is set to the replaced meldingsId, and the file keeps its own meldingsId
 * unless it has none or reuses the replaced one (rule 181: unique per opplysningspliktig), when it gets a fresh
 * alphanumeric one (rule 181E). Another organisation or month is refused here, before any check: it cannot replace
 * that melding. The rest (166B: replaced once only, the replaced one received) is the checks' replacement rules.
 */
export function asReplacement(body: string, replaced: ReplacedAMelding, freshId: () => string): ReplacementBody {
  let json: { leveranse?: Record<string, unknown> };
  try {
    json = JSON.parse(body.replace(/^\uFEFF/, '')) as typeof json;
  } catch {
    return {
      ok: false,
      error: {
        nb: 'Erstatningen må være en a-melding i JSON, slik Skatteetatens API tar den imot.',
        en: 'The replacement must be an a-melding in JSON, as Skatteetaten’s API takes it.',
      },
    };
  }
  const leveranse = json?.leveranse;
  if (typeof leveranse !== 'object' || leveranse === null || Array.isArray(leveranse)) {
    return {
      ok: false,
      error: { nb: 'Filen har ingen leveranse.', en: 'The file has no leveranse.' },
    };
  }
  const opplysningspliktig = (leveranse.opplysningspliktig as { norskIdentifikator?: unknown } | undefined)
    ?.norskIdentifikator;
  if (opplysningspliktig !== replaced.opplysningspliktig || leveranse.kalendermaaned !== replaced.kalendermaaned) {
    return {
      ok: false,
      error: {
        nb: `Erstatningen må gjelde samme virksomhet og måned som meldingen den erstatter (${replaced.opplysningspliktig}, ${replaced.kalendermaaned}); filen gjelder ${String(opplysningspliktig)}, ${String(leveranse.kalendermaaned)}.`,
        en: `The replacement must be for the same organisation and month as the message it replaces (${replaced.opplysningspliktig}, ${replaced.kalendermaaned}); the file is for ${String(opplysningspliktig)}, ${String(leveranse.kalendermaaned)}.`,
      },
    };
  }
  const own = typeof leveranse.meldingsId === 'string' ? leveranse.meldingsId : '';
  const meldingsId = own && own !== replaced.meldingsId ? own : freshId();
  const replacement = { ...json, leveranse: { ...leveranse, meldingsId, erstatterMeldingsId: replaced.meldingsId } };
  return { ok: true, body: `${JSON.stringify(replacement, null, 2)}\n`, meldingsId };
}
