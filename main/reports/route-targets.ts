import { profileKind, reportsOrgOf, type Profile } from '../../shared/domain/profile';
import type { RegisterFacts } from '../../shared/domain/register-facts';
import type { Submission } from '../../shared/outbox/submission';
import type { CheckReportOptions } from './check-report-files';
import { knownAMeldingerOf } from './known-messages';
import { reportEnvironmentFor } from './report-environment';
import type { RoutingTarget } from './route-reports';

export interface RouteTargetSources {
  /** Every profile on this machine. */
  profiles(): readonly Profile[];
  /** A firm profile's clients. */
  clients(firm: Profile): Promise<readonly { orgNumber: string; name: string }[]>;
  /** A profile's outbox submissions (any profile, not only the active one). */
  submissionsOf(profile: Profile): Promise<readonly Submission[]>;
  register?(profile: Profile): Promise<RegisterFacts>;
  /** For tests: a fixed date, another schema folder. */
  check?: Partial<Pick<CheckReportOptions, 'today' | 'now' | 'schemaDir' | 'maxBytes'>>;
}

/**
 * Where files may be routed: with a firm profile active, its clients (each checked as the firm's report for that
 * client alone, against the firm's outbox for that client); otherwise every business profile set up here (a
 * business with two companies is a small firm), each with its own environment and outbox.
 */
export async function routingTargetsFor(active: Profile | null, sources: RouteTargetSources): Promise<RoutingTarget[]> {
  if (active && profileKind(active) === 'firm') {
    const clients = await sources.clients(active);
    return clients.map((client) => ({
      target: { kind: 'client', orgNumber: client.orgNumber, name: client.name, profileId: active.id, active: true },
      rules: async () => {
        const sent = (await sources.submissionsOf(active)).filter((s) => submissionOrg(s) === client.orgNumber);
        return rulesFor(active, sources, sent, [client.orgNumber]);
      },
    }));
  }
  // Two profiles for one org (sandbox and production): the active one wins, then the first made.
  const businesses = sources
    .profiles()
    .filter((p) => profileKind(p) === 'business')
    .sort(
      (a, b) => Number(b.id === active?.id) - Number(a.id === active?.id) || a.createdAt.localeCompare(b.createdAt),
    );
  const seen = new Set<string>();
  return businesses.flatMap((profile): RoutingTarget[] => {
    const orgNumber = reportsOrgOf(profile);
    if (seen.has(orgNumber)) return [];
    seen.add(orgNumber);
    return [
      {
        target: {
          kind: 'profile',
          orgNumber,
          name: profile.displayName,
          profileId: profile.id,
          active: profile.id === active?.id,
        },
        rules: async () => rulesFor(profile, sources, await sources.submissionsOf(profile)),
      },
    ];
  });
}

async function rulesFor(
  profile: Profile,
  sources: RouteTargetSources,
  submissions: readonly Submission[],
  clientOrgs?: readonly string[],
) {
  const register = sources.register ? await sources.register(profile) : undefined;
  return {
    options: {
      environment: reportEnvironmentFor(profile),
      profileOrg: reportsOrgOf(profile),
      ...(clientOrgs ? { clientOrgs } : {}),
      knownMessages: knownAMeldingerOf(submissions),
      ...(register ? { register } : {}),
      ...sources.check,
    },
    submissions,
  };
}

/** The organisation a submission reports for. */
function submissionOrg(s: Submission): string {
  switch (s.target.service) {
    case 'a-melding':
      return s.target.opplysningspliktig;
    case 'aksjonaerregisteroppgave':
    case 'tredjepart':
      return s.target.oppgavegiver;
    case 'skattekort-til-arbeidsgiver':
      return s.target.arbeidsgiver;
  }
}
