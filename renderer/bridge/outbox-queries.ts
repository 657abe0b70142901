import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import type { Submission } from '../../shared/outbox/submission';
import type { OutboxProgress, OutboxStatus } from '../../shared/outbox/outbox-views';

/** The outbox belongs to a profile: the keys carry its id, so switching profile shows that profile's submissions. */
export const outboxKeys = {
  all: ['outbox'] as const,
  list: (profileId: string | null) => ['outbox', 'list', profileId] as const,
  status: ['outbox', 'status'] as const,
  preview: (draftId: string) => ['outbox', 'preview', draftId] as const,
};

/** The submissions, kept current by main's `outbox.changed` events (each one already on disk when sent). */
export function useSubmissions(profileId: string | null) {
  const client = useQueryClient();
  useEffect(
    () =>
      bridge().on('outbox.changed', ({ profileId: from, submission }) => {
        client.setQueryData<Submission[]>(outboxKeys.list(from), (list) => {
          if (!list) return list;
          const rest = list.filter((s) => s.id !== submission.id);
          return [submission, ...rest].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        });
      }),
    [client],
  );
  return useQuery({
    queryKey: outboxKeys.list(profileId),
    queryFn: async () => (await unwrap(bridge().outbox.list())).submissions,
    enabled: profileId !== null,
  });
}

/** Whether the outbox runs and reaches Skatteetaten; follows `outbox.connectivity`. */
export function useOutboxStatus() {
  const client = useQueryClient();
  useEffect(
    () =>
      bridge().on('outbox.connectivity', (status) => {
        client.setQueryData<OutboxStatus>(outboxKeys.status, status);
        void client.invalidateQueries({ queryKey: ['outbox', 'list'] });
      }),
    [client],
  );
  return useQuery({ queryKey: outboxKeys.status, queryFn: () => unwrap(bridge().outbox.connectivity()) });
}

/** The latest progress of each multi-step submission, by id (only while this page is open). */
export function useOutboxProgress(): Record<string, OutboxProgress> {
  const [progress, setProgress] = useState<Record<string, OutboxProgress>>({});
  useEffect(() => bridge().on('outbox.progress', (p) => setProgress((all) => ({ ...all, [p.id]: p }))), []);
  return progress;
}

export function useSubmitPreview(draftId: string | null) {
  return useQuery({
    queryKey: outboxKeys.preview(draftId ?? ''),
    queryFn: () => unwrap(bridge().outbox.preview({ draftId: draftId ?? '' })),
    enabled: draftId !== null,
    staleTime: 0,
  });
}

function useOutboxMutation<I>(call: (input: I) => Promise<Submission>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void client.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}

export const useSubmitDraft = () => useOutboxMutation((draftId: string) => unwrap(bridge().outbox.submit({ draftId })));
/** Sends a draft of the profile named (routing: a set-up profile that need not be the one shown). */
export const useSubmitDraftOf = () =>
  useOutboxMutation((input: { draftId: string; profileId: string }) => unwrap(bridge().outbox.submit(input)));

/**
 * Where each submission sent from this page has got to, by id, from main's `outbox.changed` events (which come for
 * every profile's outbox, not only the one shown), starting from what the send answered.
 */
export function useSubmissionStates(sent: readonly Submission[]): Record<string, Submission['state']['kind']> {
  const [changed, setChanged] = useState<Record<string, Submission['state']['kind']>>({});
  useEffect(
    () =>
      bridge().on('outbox.changed', ({ submission }) =>
        setChanged((all) => ({ ...all, [submission.id]: submission.state.kind })),
      ),
    [],
  );
  return Object.fromEntries(sent.map((s) => [s.id, changed[s.id] ?? s.state.kind]));
}
export const useCancelSubmission = () => useOutboxMutation((id: string) => unwrap(bridge().outbox.cancel({ id })));
export const useRetrySubmission = () => useOutboxMutation((id: string) => unwrap(bridge().outbox.retry({ id })));

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => unwrap(bridge().audit.verify()) });
}

export function useExportAudit() {
  return useMutation({ mutationFn: (format: 'csv' | 'json') => unwrap(bridge().audit.export({ format })) });
}
