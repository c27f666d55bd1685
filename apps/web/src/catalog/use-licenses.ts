import { useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/api-error';
import type { License } from '../api/api-types';
import { useApi } from '../auth/auth-context';

/** The license catalog by id; it changes rarely, so one fetch per session serves every page. */
export function useLicenses() {
  const api = useApi();
  return useQuery({
    queryKey: ['licenses'],
    queryFn: async () => new Map<string, License>((await dataOf(api.GET('/v1/licenses'))).items.map((license) => [license.id, license])),
    staleTime: 5 * 60_000,
  });
}
