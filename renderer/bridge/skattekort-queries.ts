import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import type { OrderInput, SkattekortOrderView } from '../../shared/skattekort/skattekort-views';

/** Orders belong to a profile: the keys carry its id. */
export const skattekortKeys = {
  all: ['skattekort'] as const,
  orders: (profileId: string | null) => ['skattekort', 'orders', profileId] as const,
  answer: (submissionId: string) => ['skattekort', 'answer', submissionId] as const,
};

/** The active profile's orders, kept current by `skattekort.changed` (the order's state and its answer's). */
export function useSkattekortOrders(profileId: string | null) {
  const client = useQueryClient();
  useEffect(
    () =>
      bridge().on('skattekort.changed', ({ profileId: from, order }) => {
        client.setQueryData<SkattekortOrderView[]>(skattekortKeys.orders(from), (list) => {
          if (!list) return list;
          const rest = list.filter((o) => o.submission.id !== order.submission.id);
          return [order, ...rest].sort((a, b) => b.submission.createdAt.localeCompare(a.submission.createdAt));
        });
        if (order.answer.kind === 'ready') {
          void client.invalidateQueries({ queryKey: skattekortKeys.answer(order.submission.id) });
        }
      }),
    [client],
  );
  return useQuery({
    queryKey: skattekortKeys.orders(profileId),
    queryFn: async () => (await unwrap(bridge().skattekort.orders())).orders,
    enabled: profileId !== null,
  });
}

export function useSkattekortAnswer(submissionId: string, ready: boolean) {
  return useQuery({
    queryKey: skattekortKeys.answer(submissionId),
    queryFn: () => unwrap(bridge().skattekort.answer({ submissionId })),
    enabled: ready,
  });
}

export function usePersonsFromDraft() {
  return useMutation({
    mutationFn: (draftId?: string) => unwrap(bridge().skattekort.personsFromDraft(draftId ? { draftId } : {})),
  });
}

export function usePersonsFromCsv() {
  return useMutation({ mutationFn: async () => (await unwrap(bridge().skattekort.personsFromCsv())).list });
}

export function useOrderSkattekort() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OrderInput) => unwrap(bridge().skattekort.order(input)),
    onSuccess: () => void client.invalidateQueries({ queryKey: skattekortKeys.all }),
  });
}

export function usePollNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (submissionId: string) => unwrap(bridge().skattekort.pollNow({ submissionId })),
    onSuccess: () => void client.invalidateQueries({ queryKey: skattekortKeys.all }),
  });
}

export function useExportSkattekort() {
  return useMutation({
    mutationFn: (input: { submissionId: string; format: 'csv' | 'json' }) => unwrap(bridge().skattekort.export(input)),
  });
}
