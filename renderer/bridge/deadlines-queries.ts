import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';

/** The deadlines belong to the active profile; a profile switch, a new setup or a received submission changes them. */
export const deadlinesKeys = {
  list: (months: number) => ['deadlines', 'list', months] as const,
  all: ['deadlines'] as const,
};

export function useDeadlines(months = 12) {
  const client = useQueryClient();
  useEffect(() => {
    const refresh = () => void client.invalidateQueries({ queryKey: deadlinesKeys.all });
    const offs = [
      bridge().on('profiles.changed', refresh),
      bridge().on('systemuser.status', refresh),
      bridge().on('outbox.changed', refresh),
    ];
    return () => offs.forEach((off) => off());
  }, [client]);
  return useQuery({
    queryKey: deadlinesKeys.list(months),
    queryFn: () => unwrap(bridge().deadlines.list({ months })),
  });
}

export function useSetWarnDays() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (days: number) => unwrap(bridge().deadlines.setWarnDays({ days })),
    onSuccess: () => void client.invalidateQueries({ queryKey: deadlinesKeys.all }),
  });
}

export function useOpenExtensionForm() {
  return useMutation({ mutationFn: () => unwrap(bridge().deadlines.openExtensionForm({ form: 'RF-1113' })) });
}

/** Opens the Frister page at a deadline when its OS warning is clicked. */
export function useDeadlineOpen(open: (deadlineId: string) => void) {
  useEffect(() => bridge().on('deadlines.open', ({ deadlineId }) => open(deadlineId)), [open]);
}
