import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { bridge, unwrap } from './api';
import { isValidOrgNumber, normaliseOrgNumber } from '../../shared/domain/org-number';
import type { EnvironmentName } from '../../shared/domain/profile';
import { registerNameOf } from '../../shared/domain/register-name';

/**
 * Enhetsregisteret's answer for the number typed in a profile or client form, once it is a valid number; the
 * name field is filled from it while the user has not typed a name of their own (what they type is kept).
 * `environment`: the new profile's (a custom one's file is not read before it is added, so none is asked);
 * absent, the active profile's (a client).
 */
export function useRegisterName(
  orgText: string,
  name: string,
  setName: (name: string) => void,
  environment?: EnvironmentName,
) {
  const orgNumber = normaliseOrgNumber(orgText);
  const wanted = isValidOrgNumber(orgNumber) && environment !== 'custom';
  const lookup = useQuery({
    queryKey: ['register', environment ?? 'active', orgNumber],
    queryFn: () =>
      unwrap(
        bridge().register.lookup({
          orgNumber,
          ...(environment && environment !== 'custom' ? { environment } : {}),
        }),
      ),
    enabled: wanted,
    retry: false,
    staleTime: 5 * 60_000,
  });
  const filled = useRef('');
  const named = wanted && lookup.data ? registerNameOf(lookup.data) : null;
  useEffect(() => {
    if (!named?.ok || (name !== '' && name !== filled.current)) return;
    filled.current = named.name;
    setName(named.name);
    // Only a new answer fills the field; the user's edits do not bring the register's name back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lookup.data]);
  return { named, error: wanted ? lookup.error : null, pending: wanted && lookup.isFetching };
}
