import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, dataOf, messageOf } from '../api/api-error';
import type { ModelFile } from '../api/api-types';
import { useApi, useAuth } from '../auth/auth-context';
import { StatusBadge } from '../components/badges';
import { CopyButton } from '../components/copy-button';
import { Empty, QueryView } from '../components/status-views';
import { formatBytes } from '../format/format';
import { BROWSER_DOWNLOAD_LIMIT, downloadFile } from './download-file';
import { fileUrl } from './file-url';
import { NotDownloadable } from './not-downloadable';
import { ScrollRegion } from '../components/scroll-region';

export function useVersionFiles(namespace: string, name: string, version: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['files', namespace, name, version],
    queryFn: () =>
      dataOf(api.GET('/v1/models/{namespace}/{name}/versions/{version}/files', { params: { path: { namespace, name, version } } })),
  });
}

function DownloadButton({ file, url }: { file: ModelFile; url: string }) {
  const { key, session } = useAuth();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const filename = file.path.split('/').at(-1) ?? file.path;
  // With a session the cookie authorises the request: a plain link the browser streams, whatever the size.
  if (session) {
    return (
      <a href={url} className="button button-small" download={filename} aria-label={`Download ${file.path}`}>
        Download
      </a>
    );
  }
  if (file.size > BROWSER_DOWNLOAD_LIMIT) {
    return <CopyButton text={`curl -fLo ${filename} -H "Authorization: Bearer $HF_TOKEN" '${url}'`} label="Copy curl command" />;
  }
  const start = async () => {
    setState({ busy: true });
    try {
      await downloadFile(url, key ?? '', filename);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: messageOf(error) });
    }
  };
  return (
    <>
      <a
        href={url}
        className="button button-small"
        aria-label={`Download ${file.path}`}
        onClick={(event) => {
          event.preventDefault();
          if (!state.busy) void start();
        }}
      >
        {state.busy ? 'Downloading…' : 'Download'}
      </a>
      {state.error && (
        <span className="field-error" role="alert">
          {state.error}
        </span>
      )}
    </>
  );
}

interface Props {
  namespace: string;
  name: string;
  version: string;
  /** False for a revoked version: its files stay listed for those who may see them, without downloads. */
  downloadable: boolean;
}

export function FilesPanel({ namespace, name, version, downloadable }: Props) {
  const files = useVersionFiles(namespace, name, version);
  // Viewers may not list a revoked version's files: the notice says why instead of an error.
  const refused = !downloadable && files.error instanceof ApiError && files.error.status === 403;
  return (
    <section aria-labelledby="files-title" className="panel">
      <h2 id="files-title">Files</h2>
      {!downloadable && <NotDownloadable version={version} />}
      {!refused && (
        <QueryView query={files} label="Loading files…">
          {({ items }) =>
            items.length === 0 ? (
              <Empty title="This version has no files yet" />
            ) : (
              <ScrollRegion label="Files">
                <table className="files-table stacked-table">
                  <thead>
                    <tr>
                      <th scope="col">Path</th>
                      <th scope="col">Format</th>
                      <th scope="col">Size</th>
                      <th scope="col">SHA-256</th>
                      <th scope="col">Scan</th>
                      {downloadable && (
                        <th scope="col">
                          <span className="visually-hidden">Download</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((file) => (
                      <tr key={file.path}>
                        <td className="cell-wide">
                          <code>{file.path}</code>
                        </td>
                        <td data-label="Format">{file.format ?? '—'}</td>
                        <td data-label="Size" className="numeric" title={`${file.size.toLocaleString()} bytes`}>
                          {formatBytes(file.size)}
                        </td>
                        <td data-label="SHA-256" className="cell-wide">
                          <code className="sha" title={file.sha256}>
                            {file.sha256}
                          </code>
                        </td>
                        <td data-label="Scan">
                          <StatusBadge status={file.scan.status} />
                        </td>
                        {downloadable && (
                          <td className="file-download">
                            <DownloadButton file={file} url={fileUrl(window.location.origin, `${namespace}/${name}`, version, file.path)} />
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )
          }
        </QueryView>
      )}
    </section>
  );
}
