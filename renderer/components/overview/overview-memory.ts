/**
 * Where the user left the overview, per profile, for this session: the address's query (search, sort, filters)
 * and the list's scroll offset. The client page's "back" returns there, and so does a switch back to the profile.
 */
interface OverviewPlace {
  search: string;
  offset: number;
}

const places = new Map<string, OverviewPlace>();

export function overviewPlace(profileId: string | null): OverviewPlace {
  return places.get(profileId ?? '') ?? { search: '', offset: 0 };
}

export function rememberOverviewPlace(profileId: string | null, change: Partial<OverviewPlace>): void {
  const key = profileId ?? '';
  places.set(key, { ...overviewPlace(key), ...change });
}

/** The overview's address with the query the user left it with. */
export function overviewHref(profileId: string | null): string {
  const { search } = overviewPlace(profileId);
  return search ? `/overview?${search}` : '/overview';
}
