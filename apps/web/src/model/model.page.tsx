import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'wouter';
import { ApiError, dataOf } from '../api/api-error';
import type { Model, VersionSummary } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { useLicenses } from '../catalog/use-licenses';
import { LicenseBadge, StatusBadge } from '../components/badges';
import { Empty, ErrorNotice, Loading, QueryView } from '../components/status-views';
import { usePageTitle } from '../layout/use-page-title';
import { BenchmarksPanel } from './benchmarks-panel';
import { FactsPanel } from './facts-panel';
import { FilesPanel } from './files-panel';
import { HistoryPanel } from './history-panel';
import { LicensePanel } from './license-panel';
import { NotDownloadable } from './not-downloadable';
import { ScanPanel } from './scan-panel';
import { SnippetsPanel } from './snippets-panel';
import { useVersion } from './use-version';
import { VersionStatusNotice } from './version-status-notice';
import { VersionsPanel } from './versions-panel';

const ModelCard = lazy(() => import('./model-card'));

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'files', label: 'Files' },
  { id: 'use', label: 'Use it' },
  { id: 'license', label: 'License' },
  { id: 'scan', label: 'Scan' },
  { id: 'benchmarks', label: 'Benchmarks' },
  { id: 'history', label: 'History' },
  { id: 'versions', label: 'Versions' },
] as const;
type Tab = (typeof TABS)[number]['id'];

interface Props {
  namespace: string;
  name: string;
}

export function ModelPage({ namespace, name }: Props) {
  const api = useApi();
  const repo = `${namespace}/${name}`;
  usePageTitle(repo);
  const path = { namespace, name };
  const model = useQuery({
    queryKey: ['model', namespace, name],
    queryFn: () => dataOf(api.GET('/v1/models/{namespace}/{name}', { params: { path } })),
  });
  const versions = useQuery({
    queryKey: ['versions', namespace, name],
    queryFn: () => dataOf(api.GET('/v1/models/{namespace}/{name}/versions', { params: { path, query: { limit: 100 } } })),
  });

  if (model.isPending) return <Loading label="Loading the model…" />;
  if (model.isError) {
    if (model.error instanceof ApiError && model.error.status === 404) {
      return (
        <Empty title={`There is no model ${repo}`} page>
          <p>
            It may not exist, or have no approved version yet. <Link href="/">Back to the catalog</Link>
          </p>
        </Empty>
      );
    }
    return (
      <>
        <h1>{repo}</h1>
        <ErrorNotice error={model.error} onRetry={() => void model.refetch()} />
      </>
    );
  }
  return (
    <article className="model-page">
      <ModelHeader model={model.data} />
      <QueryView query={versions} label="Loading versions…">
        {({ items }) => <ModelBody model={model.data} versions={items} />}
      </QueryView>
    </article>
  );
}

function ModelHeader({ model }: { model: Model }) {
  const licenses = useLicenses();
  return (
    <header className="model-header">
      <p className="breadcrumb">
        <Link href="/">Catalog</Link> / {model.namespace}
      </p>
      <h1>{model.displayName ?? model.id}</h1>
      {model.displayName && <p className="muted">{model.id}</p>}
      {model.description && <p className="model-description">{model.description}</p>}
      <p className="model-meta">
        {model.task && <span className="badge badge-info">{model.task}</span>}
        <LicenseBadge
          license={model.license}
          commercialUse={model.license ? licenses.data?.get(model.license)?.terms.commercialUse : undefined}
        />
        {model.status === 'archived' && <span className="badge badge-muted">archived</span>}
        {model.tags.slice(0, 12).map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </p>
    </header>
  );
}

function ModelBody({ model, versions }: { model: Model; versions: VersionSummary[] }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('version');
  const selected =
    versions.find((v) => v.version === requested) ?? versions.find((v) => v.version === model.latestApprovedVersion) ?? versions[0];
  const tab: Tab = TABS.find((t) => t.id === searchParams.get('tab'))?.id ?? 'overview';
  const linkTo = (next: { version?: string; tab?: Tab }) => {
    const search = new URLSearchParams();
    const version = next.version ?? selected?.version;
    if (version) search.set('version', version);
    const nextTab = next.tab ?? tab;
    if (nextTab !== 'overview') search.set('tab', nextTab);
    return `/models/${model.id}?${search.toString()}`;
  };

  if (!selected) {
    return (
      <Empty title="No versions yet">
        <p>Publishers create a version by importing from a Hub or uploading files.</p>
      </Empty>
    );
  }
  return (
    <>
      <div className="version-bar">
        <label htmlFor="version-select">Version</label>
        <select
          id="version-select"
          value={selected.version}
          onChange={(event) => setSearchParams((current) => ({ ...Object.fromEntries(current), version: event.target.value }))}
        >
          {versions.map((version) => (
            <option key={version.version} value={version.version}>
              {version.version} ({version.status.replace('_', ' ')})
            </option>
          ))}
        </select>
        <StatusBadge status={selected.status} />
      </div>
      <VersionStatusNotice version={selected} />
      <nav aria-label="Model sections" className="tabs">
        {TABS.map((item) => (
          <Link key={item.id} href={linkTo({ tab: item.id })} className="tab" aria-current={item.id === tab ? 'page' : undefined}>
            {item.label}
          </Link>
        ))}
      </nav>
      <TabPanel tab={tab} model={model} version={selected} versions={versions} />
    </>
  );
}

function TabPanel({ tab, model, version, versions }: { tab: Tab; model: Model; version: VersionSummary; versions: VersionSummary[] }) {
  const { namespace, name } = model;
  switch (tab) {
    case 'files':
      return <FilesPanel namespace={namespace} name={name} version={version.version} downloadable={version.downloadable} />;
    case 'use':
      if (!version.downloadable) return <NotDownloadable version={version.version} />;
      return (
        <SnippetsPanel
          namespace={namespace}
          name={name}
          version={version.version}
          approved={version.status === 'approved'}
          task={model.task}
        />
      );
    case 'license':
      return <LicensePanel namespace={namespace} name={name} licenseId={version.license ?? model.license} />;
    case 'scan':
      return <ScanPanel namespace={namespace} name={name} version={version.version} />;
    case 'benchmarks':
      return <BenchmarksPanel model={model} versions={versions} selected={version.version} />;
    case 'history':
      return <HistoryPanel namespace={namespace} name={name} version={version.version} />;
    case 'versions':
      return <VersionsPanel repo={model.id} versions={versions} selected={version.version} />;
    case 'overview':
      return <Overview model={model} version={version.version} />;
  }
}

function Overview({ model, version }: { model: Model; version: string }) {
  const detail = useVersion(model.namespace, model.name, version);
  return (
    <QueryView query={detail} label="Loading the version…">
      {(data) => {
        const readme = readmeOf(data.card);
        return (
          <div className="overview">
            <section className="panel card-panel" aria-labelledby="card-title">
              <h2 id="card-title">Model card</h2>
              {readme ? (
                <Suspense fallback={<Loading label="Rendering the card…" />}>
                  <ModelCard readme={readme} />
                </Suspense>
              ) : (
                <Empty title="This version has no model card" />
              )}
            </section>
            <FactsPanel facts={data.facts} parameters={data.parameters} scannedAt={data.scannedAt} />
          </div>
        );
      }}
    </QueryView>
  );
}

function readmeOf(card: unknown): string | undefined {
  if (typeof card !== 'object' || card === null) return undefined;
  const readme = (card as { readme?: unknown }).readme;
  return typeof readme === 'string' && readme.trim() !== '' ? readme : undefined;
}
