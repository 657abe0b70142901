import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import { outboxKeys } from './outbox-queries';
import type { SchemeId } from '../../shared/tredjepart/schemes';

/** Tredjepart drafts belong to a profile: the key carries its id. */
export const tredjepartKeys = {
  all: ['tredjepart'] as const,
  drafts: (profileId: string | null) => ['tredjepart', 'drafts', profileId] as const,
  preview: (id: string) => ['tredjepart', 'preview', id] as const,
};

export function useTredjepartDrafts(profileId: string | null) {
  return useQuery({
    queryKey: tredjepartKeys.drafts(profileId),
    queryFn: async () => (await unwrap(bridge().tredjepart.listDrafts())).drafts,
    enabled: profileId !== null,
  });
}

export function usePickTredjepart() {
  return useMutation({
    mutationFn: async (input: { scheme: SchemeId; inntektsaar?: string }) =>
      (await unwrap(bridge().tredjepart.pick(input))).check,
  });
}

export function useCheckDroppedTredjepart() {
  return useMutation({
    mutationFn: (input: { scheme: SchemeId; name: string; contentBase64: string; inntektsaar?: string }) =>
      unwrap(bridge().tredjepart.checkContent(input)),
  });
}

function useDraftMutation<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void client.invalidateQueries({ queryKey: tredjepartKeys.all }),
  });
}

export const useSaveTredjepartDraft = () =>
  useDraftMutation((checkId: string) => unwrap(bridge().tredjepart.saveDraft({ checkId })));
export const useDeleteTredjepartDraft = () =>
  useDraftMutation((id: string) => unwrap(bridge().tredjepart.deleteDraft({ id })));

export function useTredjepartPreview(id: string | null) {
  return useQuery({
    queryKey: tredjepartKeys.preview(id ?? ''),
    queryFn: () => unwrap(bridge().tredjepart.preview({ id: id ?? '' })),
    enabled: id !== null,
    staleTime: 0,
  });
}

/** A routed tredjepart file checked for the scheme the user chose among those its fields fit. */
export function useCheckRoutedTredjepart() {
  return useMutation({
    mutationFn: (input: { fileId: string; scheme: SchemeId }) => unwrap(bridge().reports.checkRoutedTredjepart(input)),
  });
}

/** Queues the draft; the outbox's list is refreshed too. */
export function useSubmitTredjepart() {
  const client = useQueryClient();
  return useMutation({
    // A routed file's draft names its profile, which need not be the one shown.
    mutationFn: (input: string | { id: string; profileId: string }) =>
      unwrap(bridge().tredjepart.submit(typeof input === 'string' ? { id: input } : input)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: outboxKeys.all });
      void client.invalidateQueries({ queryKey: tredjepartKeys.all });
    },
  });
}
