import { Link } from 'wouter';
import type { ModelSummary } from '../api/api-types';
import { asCommercialUse, LicenseBadge } from '../components/badges';
import { formatMs, formatParameters } from '../format/format';

export function ModelRow({ model }: { model: ModelSummary }) {
  const none = <span className="muted">—</span>;
  return (
    <li className="model-row">
      <div className="model-row-main">
        <Link href={`/models/${model.namespace}/${model.name}`} className="model-row-name">
          {model.id}
        </Link>
        {model.displayName && model.displayName !== model.name && <span className="model-row-display">{model.displayName}</span>}
        {model.description && <p className="model-row-description">{model.description}</p>}
        <p className="model-row-license">
          <LicenseBadge license={model.license} commercialUse={asCommercialUse(model.commercialUse)} />
          {model.status === 'archived' && <span className="badge badge-muted">archived</span>}
        </p>
      </div>
      <dl className="model-row-facts">
        <div>
          <dt>Task</dt>
          <dd>{model.task ?? none}</dd>
        </div>
        <div>
          <dt>Parameters</dt>
          <dd title={model.parameters?.toLocaleString()}>
            {model.parameters !== null ? formatParameters(model.parameters) : <span className="muted">not known</span>}
          </dd>
        </div>
        <div>
          <dt>Formats</dt>
          <dd>{model.formats.length > 0 ? model.formats.join(', ') : none}</dd>
        </div>
        <div>
          <dt>Latest approved</dt>
          <dd>{model.latestApprovedVersion ?? <span className="muted">none yet</span>}</dd>
        </div>
        <div>
          <dt>Best latency</dt>
          <dd>{model.bestLatencyMs !== null ? `${formatMs(model.bestLatencyMs)} p50` : none}</dd>
        </div>
      </dl>
    </li>
  );
}
