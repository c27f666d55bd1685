import { useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/api-error';
import { useApi } from '../auth/auth-context';
import { Empty, QueryView } from '../components/status-views';
import { LicenseCheckForm } from './license-check-form';
import { LicenseDetails } from './license-details';

export function LicensePanel({ namespace, name, licenseId }: { namespace: string; name: string; licenseId: string | null }) {
  const api = useApi();
  const license = useQuery({
    queryKey: ['license', licenseId],
    queryFn: () => dataOf(api.GET('/v1/licenses/{id}', { params: { path: { id: licenseId ?? '' } } })),
    enabled: licenseId !== null,
  });
  if (!licenseId) {
    return (
      <section className="panel" aria-labelledby="license-title">
        <h2 id="license-title">License</h2>
        <Empty title="No license declared">
          <p>Without a license nobody may assume any right to use this model; reviewers cannot approve it.</p>
        </Empty>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="license-title">
      <h2 id="license-title">License</h2>
      <QueryView query={license} label="Loading the license…">
        {(data) => <LicenseDetails license={data} />}
      </QueryView>
      <LicenseCheckForm namespace={namespace} name={name} />
    </section>
  );
}
