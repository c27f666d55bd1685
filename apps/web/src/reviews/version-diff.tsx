import type { Evidence, VersionDiff } from '../api/api-types';
import { formatBytes, formatMs, shortSha } from '../format/format';
import { FindingItem } from '../model/scan-panel';
import { formatFactValue, speedupText } from './evidence-format';
import { ScrollRegion } from '../components/scroll-region';

type FileChange = VersionDiff['files']['added'][number];

function FileRow({ change, before, after }: { change: string; before?: FileChange; after?: FileChange }) {
  const file = after ?? before!;
  const pair = (text: (file: FileChange) => string) => (before && after ? `${text(before)} → ${text(after)}` : text(file));
  return (
    <tr className={`file-${change}`}>
      <td>{change}</td>
      <td>
        <code>{file.path}</code>
      </td>
      <td className="numeric">{pair((f) => formatBytes(f.size))}</td>
      <td title={before && after ? `${before.sha256} → ${after.sha256}` : file.sha256}>
        <code>{pair((f) => shortSha(f.sha256))}</code>
      </td>
    </tr>
  );
}

function FileChanges({ files }: { files: VersionDiff['files'] }) {
  const rows = files.added.length + files.removed.length + files.changed.length;
  return (
    <>
      <p className="small">
        {files.changed.length} changed, {files.added.length} added, {files.removed.length} removed, {files.unchanged} unchanged
      </p>
      {rows > 0 && (
        <ScrollRegion label="Changed files">
          <table className="diff-files">
            <caption className="visually-hidden">Files that differ</caption>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Path</th>
                <th scope="col">Size</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {files.changed.map((file) => (
                <FileRow key={file.path} change="changed" before={file.before} after={file.after} />
              ))}
              {files.added.map((file) => (
                <FileRow key={file.path} change="added" after={file} />
              ))}
              {files.removed.map((file) => (
                <FileRow key={file.path} change="removed" before={file} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

function FactChanges({ facts }: { facts: VersionDiff['facts'] }) {
  return (
    <ScrollRegion label="Changed facts">
      <table className="diff-facts">
        <caption>Facts that changed</caption>
        <thead>
          <tr>
            <th scope="col">Fact</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {facts.map((change) => (
            <tr key={change.fact}>
              <th scope="row">{change.fact}</th>
              <td>{formatFactValue(change.fact, change.before)}</td>
              <td>{formatFactValue(change.fact, change.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** What changed since the previous approved version: the part of a new version a reviewer has not seen yet. */
export function VersionDiffView({ diff, headingId }: { diff: Evidence['diff']; headingId: string }) {
  if (diff === undefined) {
    return (
      <section className="evidence-section" aria-labelledby={headingId}>
        <h3 id={headingId}>Changes</h3>
        <p className="muted small">Not recorded: this review predates comparing versions.</p>
      </section>
    );
  }
  if (diff === null) {
    return (
      <section className="evidence-section" aria-labelledby={headingId}>
        <h3 id={headingId}>Changes</h3>
        <p className="muted small">The first version up for approval: there is no approved version to compare it with.</p>
      </section>
    );
  }
  return (
    <section className="evidence-section version-diff" aria-labelledby={headingId}>
      <h3 id={headingId}>Changes since {diff.base}</h3>
      <FileChanges files={diff.files} />
      {diff.facts.length > 0 ? <FactChanges facts={diff.facts} /> : <p className="muted small">No fact read from the files changed.</p>}
      {diff.license && (
        <p className="notice notice-warn">
          License changed: <strong>{diff.license.before ?? 'none'}</strong> → <strong>{diff.license.after ?? 'none'}</strong>
        </p>
      )}
      {diff.newFindings.length > 0 && (
        <>
          <h4>New findings</h4>
          <ul className="findings">
            {diff.newFindings.map((finding, index) => (
              <FindingItem key={`${finding.path}-${finding.code}-${index}`} finding={finding} path={finding.path} />
            ))}
          </ul>
        </>
      )}
      {diff.benchmarks.length > 0 && (
        <>
          <h4>Latency against {diff.base}</h4>
          <ul className="diff-benchmarks">
            {diff.benchmarks.map((pair) => (
              <li key={`${pair.file}-${pair.executionProvider}-${pair.hardware}`}>
                <code>{pair.file}</code> on {pair.executionProvider} <span className="muted">({pair.hardware})</span>: p50{' '}
                {formatMs(pair.baseP50Ms)} → {formatMs(pair.headP50Ms)} <strong>{speedupText(pair.speedup)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
