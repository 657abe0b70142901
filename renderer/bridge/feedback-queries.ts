import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';

/** Feedback belongs to the active profile: main answers for whichever is active, so a change refetches all. */
export const feedbackKeys = {
  all: ['feedback'] as const,
  status: ['feedback', 'status'] as const,
  list: ['feedback', 'list'] as const,
  item: (dialogId: string) => ['feedback', 'item', dialogId] as const,
};

/**
 * Keeps the feedback queries fresh from main's events: new feedback, a poll finished or the poller changed state,
 * and a profile change. Mounted once in the app shell, so the badge is right on every page.
 */
export function useFeedbackEvents() {
  const client = useQueryClient();
  useEffect(() => {
    const api = bridge();
    const refresh = () => void client.invalidateQueries({ queryKey: feedbackKeys.all });
    const offStatus = api.on('feedback.status', (status) => {
      client.setQueryData(feedbackKeys.status, status);
      void client.invalidateQueries({ queryKey: feedbackKeys.list });
    });
    const offNew = api.on('feedback.new', refresh);
    const offProfiles = api.on('profiles.changed', refresh);
    return () => {
      offStatus();
      offNew();
      offProfiles();
    };
  }, [client]);
}

export function useFeedbackStatus() {
  return useQuery({ queryKey: feedbackKeys.status, queryFn: () => unwrap(bridge().feedback.status()) });
}

export function useFeedbackList(enabled: boolean) {
  return useQuery({ queryKey: feedbackKeys.list, queryFn: () => unwrap(bridge().feedback.list()), enabled });
}

export function useFeedbackItem(dialogId: string | null) {
  return useQuery({
    queryKey: feedbackKeys.item(dialogId ?? ''),
    queryFn: () => unwrap(bridge().feedback.get({ dialogId: dialogId ?? '' })),
    enabled: dialogId !== null,
  });
}

export function useSyncFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(bridge().feedback.syncNow()),
    onSuccess: (status) => {
      client.setQueryData(feedbackKeys.status, status);
      void client.invalidateQueries({ queryKey: feedbackKeys.all });
    },
  });
}

export function useMarkFeedbackRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (dialogId: string) => unwrap(bridge().feedback.markRead({ dialogId })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: feedbackKeys.status });
      void client.invalidateQueries({ queryKey: feedbackKeys.list });
    },
  });
}

export function useDownloadFeedbackDocument() {
  return useMutation({
    mutationFn: (input: { transmissionId: string; attachmentId: string }) =>
      unwrap(bridge().feedback.downloadDocument(input)),
  });
}

/** Navigates to a feedback item when its OS notification is clicked. */
export function useFeedbackOpen(open: (dialogId: string) => void) {
  useEffect(() => bridge().on('feedback.open', ({ dialogId }) => open(dialogId)), [open]);
}
