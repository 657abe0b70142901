import { AppError } from '../../shared/domain/app-error';
import type { KnownAMelding } from '../../shared/reports/amelding/rules/rule-context';
import { isFinal, type Submission } from '../../shared/outbox/submission';

/**
 * The a-meldinger the uniqueness and replacement rules hold a file to, from the profile's outbox: received ones
 * are `sent` (Skatteetaten has them); queued, sending and failed ones are `on-its-way` (a failed one is retried,
 * by the outbox or the user). Rejected and cancelled ones never reached Skatteetaten's register, and drafts are
 * not here at all, so re-checking a draft never trips over its own meldingsId.
 */
export function knownAMeldingerOf(submissions: readonly Submission[]): KnownAMelding[] {
  const known: KnownAMelding[] = [];
  for (const s of submissions) {
    if (s.target.service !== 'a-melding') continue;
    const { meldingsId, kalendermaaned, opplysningspliktig, erstatterMeldingsId } = s.target;
    const base = {
      meldingsId,
      kalendermaaned,
      opplysningspliktig,
      ...(erstatterMeldingsId ? { erstatterMeldingsId } : {}),
    };
    if (s.state.kind === 'received') {
      const receipt = s.state.receipt.forsendelseId ?? s.state.receipt.dialogId;
      known.push({ ...base, status: { kind: 'sent', at: s.state.at, receipt } });
    } else if (!isFinal(s.state)) {
      known.push({ ...base, status: { kind: 'on-its-way', since: s.createdAt } });
    }
  }
  return known;
}

/** The active profile's submissions, for the checks' duplicate rules; none when there is no active profile. */
export async function profileSubmissions(outbox: {
  list(): Promise<readonly Submission[]>;
}): Promise<readonly Submission[]> {
  try {
    return await outbox.list();
  } catch (thrown) {
    // No active profile: nothing sent, so nothing to compare with. Anything else must not pass for "none sent".
    if (thrown instanceof AppError && thrown.code === 'OUTBOX_NO_PROFILE') return [];
    throw thrown;
  }
}
