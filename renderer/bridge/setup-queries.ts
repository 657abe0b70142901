import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import type { ChannelInput } from '../../shared/ipc/contract';
import type { SetupOverview } from '../../shared/domain/setup';

export const setupKeys = {
  overview: ['setup', 'overview'] as const,
  keychain: ['setup', 'keychain'] as const,
};

/** While the owner has not decided, the wizard re-reads the overview this often so "last checked" moves. */
const WAITING_REFRESH_MS = 3_000;

/** Where the active profile stands in the setup; redrawn when main says a request's status changed. */
export function useSetupOverview() {
  const client = useQueryClient();
  useEffect(() => {
    const refresh = () => void client.invalidateQueries({ queryKey: setupKeys.overview });
    const offStatus = bridge().on('systemuser.status', refresh);
    const offProfiles = bridge().on('profiles.changed', refresh);
    return () => {
      offStatus();
      offProfiles();
    };
  }, [client]);
  return useQuery({
    queryKey: setupKeys.overview,
    queryFn: () => unwrap(bridge().setup.status()),
    refetchInterval: (query) =>
      query.state.data?.request?.status === 'New' || query.state.data?.changeRequest?.status === 'New'
        ? WAITING_REFRESH_MS
        : false,
  });
}

export function useKeychainCheck() {
  return useQuery({ queryKey: setupKeys.keychain, queryFn: () => unwrap(bridge().keys.checkKeychain()) });
}

/** A setup change: main answers with the whole overview, which replaces the cached one. */
function useSetupChange<I>(call: (input: I) => Promise<SetupOverview>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (overview) => client.setQueryData(setupKeys.overview, overview),
  });
}

export const useGenerateKey = () => useSetupChange(() => unwrap(bridge().keys.generate()));
export const useImportKeyText = () =>
  useSetupChange((input: ChannelInput<'keys.importText'>) => unwrap(bridge().keys.importText(input)));
export const useMarkKeyRegistered = () =>
  useSetupChange((kid: string) => unwrap(bridge().keys.markRegistered({ kid })));
export const useRetireKey = () => useSetupChange((kid: string) => unwrap(bridge().keys.retire({ kid })));
export const useSetPortalKid = () =>
  useSetupChange((input: ChannelInput<'keys.setPortalKid'>) => unwrap(bridge().keys.setPortalKid(input)));
export const useRegisterSandboxClient = () =>
  useSetupChange(() => unwrap(bridge().maskinporten.registerSandboxClient()));
export const useSetClientId = () =>
  useSetupChange((clientId: string) => unwrap(bridge().maskinporten.setClientId({ clientId })));
export const useRegisterSystem = () =>
  useSetupChange((input: ChannelInput<'systemuser.registerSystem'>) =>
    unwrap(bridge().systemuser.registerSystem(input)),
  );
export const useCreateRequest = () =>
  useSetupChange((ownerOrgNumber: string) => unwrap(bridge().systemuser.createRequest({ ownerOrgNumber })));
export const useRefreshRequest = () => useSetupChange(() => unwrap(bridge().systemuser.refreshStatus()));
export const useDiscardRequest = () => useSetupChange(() => unwrap(bridge().systemuser.discardRequest()));
export const useTestConnection = () => useSetupChange(() => unwrap(bridge().maskinporten.testConnection()));
export const useChangeServices = () =>
  useSetupChange((input: ChannelInput<'systemuser.changeServices'>) =>
    unwrap(bridge().systemuser.changeServices(input)),
  );
export const useRefreshChange = () => useSetupChange(() => unwrap(bridge().systemuser.refreshChange()));
export const useDiscardChange = () => useSetupChange(() => unwrap(bridge().systemuser.discardChange()));

export function useOpenChangeApproval() {
  return useMutation({ mutationFn: () => unwrap(bridge().systemuser.openChangeApproval()) });
}

export function useImportKeyFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: 'key' | 'certificate' } | { kind: 'pkcs12'; password: string }) =>
      unwrap(bridge().keys.importFile(input)),
    onSuccess: ({ overview }) => client.setQueryData(setupKeys.overview, overview),
  });
}

export function useCopyPublicJwk() {
  return useMutation({ mutationFn: (kid: string) => unwrap(bridge().keys.copyPublicJwk({ kid })) });
}

export function useSavePublicJwk() {
  return useMutation({ mutationFn: (kid: string) => unwrap(bridge().keys.savePublicJwk({ kid })) });
}

export function useOpenApproval() {
  return useMutation({ mutationFn: () => unwrap(bridge().systemuser.openApproval()) });
}
