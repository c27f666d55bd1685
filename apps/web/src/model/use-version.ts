import { useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/api-error';
import { useApi } from '../auth/auth-context';

/** One version in full: card, facts, parameters. */
export function useVersion(namespace: string, name: string, version: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['version', namespace, name, version],
    queryFn: () => dataOf(api.GET('/v1/models/{namespace}/{name}/versions/{version}', { params: { path: { namespace, name, version } } })),
  });
}
