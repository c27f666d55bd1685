import { Link } from 'wouter';
import { Empty } from './components/status-views';

export function NotFoundPage() {
  return (
    <Empty title="There is no page here" page>
      <p>
        <Link href="/">Back to the catalog</Link>
      </p>
    </Empty>
  );
}
