import { useMutation } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import type { AvstemmingPeriod } from '../../shared/avstemming/avstemmingsrapport';

/** Fetching asks Skatteetaten each time (the report changes as a-meldinger arrive), so it is a mutation. */
export function useFetchAvstemming() {
  return useMutation({ mutationFn: (period: AvstemmingPeriod) => unwrap(bridge().avstemming.fetch({ period })) });
}

export function useExportAvstemming() {
  return useMutation({
    mutationFn: (input: { fra: string; til: string; format: 'csv' | 'pdf' }) =>
      unwrap(bridge().avstemming.export(input)),
  });
}
