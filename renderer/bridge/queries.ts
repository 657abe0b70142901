import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import type { ChannelInput } from '../../shared/ipc/contract';

/** Query keys in one place, so a mutation or an event invalidates exactly what it changed. */
export const keys = {
  appInfo: ['app.info'] as const,
  settings: ['settings'] as const,
  profiles: ['profiles'] as const,
  environment: ['environment'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: () => unwrap(bridge().app.info()), staleTime: Infinity });
}

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => unwrap(bridge().settings.get()) });
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ChannelInput<'settings.update'>) => unwrap(bridge().settings.update(change)),
    onSuccess: (value) => client.setQueryData(keys.settings, value),
  });
}

export function useProfiles() {
  const client = useQueryClient();
  // Main announces every change (from this window, another window or the CLI's shared file on restart).
  useEffect(
    () =>
      bridge().on('profiles.changed', (state) => {
        client.setQueryData(keys.profiles, state);
        void client.invalidateQueries({ queryKey: keys.environment });
      }),
    [client],
  );
  return useQuery({ queryKey: keys.profiles, queryFn: () => unwrap(bridge().profiles.list()) });
}

export function useEnvironment() {
  const client = useQueryClient();
  useEffect(
    () => bridge().on('sandbox.status', () => void client.invalidateQueries({ queryKey: keys.environment })),
    [client],
  );
  return useQuery({ queryKey: keys.environment, queryFn: () => unwrap(bridge().environment.describe()) });
}

function useProfileMutation<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.profiles });
      void client.invalidateQueries({ queryKey: keys.environment });
    },
  });
}

export const useCreateProfile = () =>
  useProfileMutation((input: ChannelInput<'profiles.create'>) => unwrap(bridge().profiles.create(input)));
export const useActivateProfile = () => useProfileMutation((id: string) => unwrap(bridge().profiles.activate({ id })));
export const useRemoveProfile = () => useProfileMutation((id: string) => unwrap(bridge().profiles.remove({ id })));
export const useUpdateProfile = () =>
  useProfileMutation((input: ChannelInput<'profiles.update'>) => unwrap(bridge().profiles.update(input)));

/** Main's dialog for a custom environment file: the page gets a pick id and the hosts to confirm, never a path. */
export function usePickCustomEnvironment() {
  return useMutation({ mutationFn: () => unwrap(bridge().environment.pickCustomFile()) });
}

/** Confirms the active custom environment's non-standard hosts, exactly the ones shown. */
export function useConfirmHosts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (hosts: string[]) => unwrap(bridge().environment.confirmHosts({ hosts })),
    onSuccess: (description) => client.setQueryData(keys.environment, description),
  });
}

export function useOpenExternal() {
  return useMutation({ mutationFn: (url: string) => unwrap(bridge().external.open({ url })) });
}

/** Copies a short value (amount, KID, account number) to the OS clipboard through main. */
export function useCopyToClipboard() {
  return useMutation({ mutationFn: (text: string) => unwrap(bridge().clipboard.copy({ text })) });
}
