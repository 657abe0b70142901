import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import type { ChannelInput } from '../../shared/ipc/contract';
import type { FirmClientsView } from '../../shared/domain/firm';
import type { EventPayload } from '../../shared/ipc/contract';

export const firmKeys = { clients: ['firm', 'clients'] as const };

/** The active firm's clients; a profile switch or a systembruker decision changes them. */
export function useFirmClients(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    const refresh = () => void client.invalidateQueries({ queryKey: firmKeys.clients });
    const offs = [bridge().on('profiles.changed', refresh), bridge().on('systemuser.status', refresh)];
    return () => offs.forEach((off) => off());
  }, [client]);
  return useQuery({ queryKey: firmKeys.clients, queryFn: () => unwrap(bridge().firm.clients()), enabled });
}

/** A change to the client list: main answers with the whole view, which replaces the cached one. */
function useClientsChange<I>(call: (input: I) => Promise<FirmClientsView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData(firmKeys.clients, view);
      void client.invalidateQueries({ queryKey: overviewKeys.of(view.profileId) });
    },
  });
}

export const useAddClient = () =>
  useClientsChange((input: ChannelInput<'firm.addClient'>) => unwrap(bridge().firm.addClient(input)));
export const useRemoveClient = () =>
  useClientsChange((orgNumber: string) => unwrap(bridge().firm.removeClient({ orgNumber })));
export const useSyncDelegations = () => useClientsChange(() => unwrap(bridge().firm.syncDelegations()));
export const useConfirmDelegation = () =>
  useClientsChange((orgNumber: string) => unwrap(bridge().firm.confirmDelegation({ orgNumber, delegated: true })));
export const useOpenClientAdmin = () => useMutation({ mutationFn: () => unwrap(bridge().firm.openClientAdmin()) });

/** How long the overview waits after a change for more before it asks main again. */
const OVERVIEW_REFRESH_MS = 250;

/**
 * The firm's home, per active profile. Kept until something changes it (no time-based refetch): switching back to a
 * profile shows its cached overview without asking main again. A change in an outbox, feedback or setup marks every
 * cached overview stale; only the one on screen is fetched at once (one call for all its clients), the others when
 * they are shown next.
 */
export function useClientOverview(profileId: string | null) {
  const client = useQueryClient();
  useEffect(() => {
    // A burst of changes (a folder of reports sent, each submission's every state) refetches once, after the last.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void client.invalidateQueries({ queryKey: overviewKeys.all }), OVERVIEW_REFRESH_MS);
    };
    const api = bridge();
    const offs = [
      api.on('outbox.changed', refresh),
      api.on('feedback.new', refresh),
      api.on('systemuser.status', refresh),
    ];
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [client]);
  return useQuery({
    queryKey: overviewKeys.of(profileId),
    queryFn: () => unwrap(bridge().firm.overview()),
    enabled: profileId !== null,
    staleTime: Infinity,
  });
}

export const overviewKeys = {
  all: ['firm', 'overview'] as const,
  of: (profileId: string | null) => ['firm', 'overview', profileId] as const,
};

/** Opens the client overview, filtered, when a firm's deadline warning is clicked. */
export function useOverviewOpen(open: (payload: EventPayload<'overview.open'>) => void) {
  useEffect(() => bridge().on('overview.open', open), [open]);
}
