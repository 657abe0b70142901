import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import type { PrerequisiteTick } from '../../shared/domain/prerequisites';

const checklistKey = ['prerequisites', 'checklist'] as const;

/** What the active profile has ticked as done of the setup prerequisites; re-read when the profile changes. */
export function usePrerequisiteChecklist() {
  const client = useQueryClient();
  useEffect(
    () => bridge().on('profiles.changed', () => void client.invalidateQueries({ queryKey: checklistKey })),
    [client],
  );
  return useQuery({ queryKey: checklistKey, queryFn: () => unwrap(bridge().prerequisites.checklist()) });
}

export function useTickPrerequisite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tick: PrerequisiteTick) => unwrap(bridge().prerequisites.tick(tick)),
    onSuccess: (checklist) => client.setQueryData(checklistKey, checklist),
  });
}
