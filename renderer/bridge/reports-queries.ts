import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import type { DroppedFile } from '../../shared/reports/report-views';
import type { RouteProgress } from '../../shared/reports/report-routing';
import { formatOrgNumber } from '../../shared/format';

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

/** Files for many clients: dropped files (a folder's too) routed by org number, each checked for its client. */
export function useRouteDroppedReports() {
  return useMutation({
    mutationFn: (files: DroppedFile[]) => unwrap(bridge().reports.route({ files })),
  });
}

/** The same for files or folders chosen in main's native dialog. */
export function usePickAndRouteReports() {
  return useMutation({
    mutationFn: (folders: boolean) => unwrap(bridge().reports.pickAndRoute({ folders })),
  });
}

/** Routed checks saved, each as its client's or profile's draft. */
export const useSaveRouted = () =>
  useDraftMutation(async (checkIds: string[]) => (await unwrap(bridge().reports.saveRouted({ checkIds }))).saved);

/**
 * How far routing has come (files read, then checked): the latest step main reported. Each routing starts with
 * "0 read", so the page shows it only while one runs.
 */
export function useRouteProgress(): RouteProgress | null {
  const [progress, setProgress] = useState<RouteProgress | null>(null);
  useEffect(() => bridge().on('reports.routeProgress', setProgress), []);
  return progress;
}

/**
 * "Add as client" for a routed file's unknown organisation: the name comes from Enhetsregisteret (its cached answer
 * when offline); without one the number stands in, and the Clients page can rename it.
 */
export function useAddRoutedClient() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (orgNumber: string) => {
      const lookup = await bridge().register.lookup({ orgNumber });
      const answer = lookup.ok ? lookup.value.answer : null;
      const name = answer?.status === 'found' ? answer.unit.name : formatOrgNumber(orgNumber);
      return unwrap(bridge().firm.addClient({ orgNumber, name }));
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['firm'] }),
  });
}
