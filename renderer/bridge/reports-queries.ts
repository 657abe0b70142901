import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import type { DroppedFile } from '../../shared/reports/report-views';

/** Drafts belong to a profile: the key carries its id, so switching profile shows that profile's drafts. */
export const reportKeys = {
  all: ['reports'] as const,
  drafts: (profileId: string | null) => ['reports', 'drafts', profileId] as const,
  draft: (profileId: string | null, id: string) => ['reports', 'draft', profileId, id] as const,
};

export function useDrafts(profileId: string | null) {
  return useQuery({
    queryKey: reportKeys.drafts(profileId),
    queryFn: async () => (await unwrap(bridge().reports.listDrafts())).drafts,
    enabled: profileId !== null,
  });
}

export function useDraft(profileId: string | null, id: string | null) {
  return useQuery({
    queryKey: reportKeys.draft(profileId, id ?? ''),
    queryFn: () => unwrap(bridge().reports.getDraft({ id: id ?? '' })),
    enabled: profileId !== null && id !== null,
  });
}

export function usePickReports() {
  return useMutation({ mutationFn: async () => (await unwrap(bridge().reports.pick())).checks });
}

export function useCheckDroppedReports() {
  return useMutation({
    mutationFn: async (files: DroppedFile[]) => (await unwrap(bridge().reports.checkContent({ files }))).checks,
  });
}

/** "Erstatt": the corrected a-melding, picked in main (no files) or dropped, checked as the received one's replacement. */
export function useReplaceAMelding() {
  return useMutation({
    mutationFn: async (input: { submissionId: string; files?: DroppedFile[] }) =>
      (await unwrap(bridge().reports.replaceAMelding(input))).checks,
  });
}

export function useCheckDraftSource() {
  return useMutation({
    mutationFn: async (id: string) => (await unwrap(bridge().reports.checkDraftSource({ id }))).checks,
  });
}

/** Every change to drafts refreshes the list and any opened draft. */
function useDraftMutation<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void client.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export const useSaveDraft = () =>
  useDraftMutation((checkId: string) => unwrap(bridge().reports.saveDraft({ checkId })));
export const useDeleteDraft = () => useDraftMutation((id: string) => unwrap(bridge().reports.deleteDraft({ id })));
export const useRecheckDraft = () => useDraftMutation((id: string) => unwrap(bridge().reports.recheckDraft({ id })));
