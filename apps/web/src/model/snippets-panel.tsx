import { CodeBlock } from '../components/code-block';
import { ErrorNotice, Loading } from '../components/status-views';
import { useVersionFiles } from './files-panel';
import { usageSnippets } from './snippets/usage-snippets';
import { useVersion } from './use-version';

interface Props {
  namespace: string;
  name: string;
  version: string;
  approved: boolean;
  task: string | null;
}

export function SnippetsPanel({ namespace, name, version, approved, task }: Props) {
  const files = useVersionFiles(namespace, name, version);
  const detail = useVersion(namespace, name, version);
  if (!files.data || !detail.data) {
    const failed = files.error ?? detail.error;
    if (!failed) return <Loading />;
    const retry = () => {
      void files.refetch();
      void detail.refetch();
    };
    return <ErrorNotice error={failed} onRetry={retry} />;
  }
  const snippets = usageSnippets({
    origin: window.location.origin,
    repo: `${namespace}/${name}`,
    revision: version,
    task,
    approved,
    files: files.data.items.map((file) => file.path),
    facts: detail.data.facts,
  });
  return (
    <section aria-labelledby="use-title" className="panel">
      <h2 id="use-title">Use it</h2>
      <p>
        Vetted answers the Hugging Face Hub's download API under <code>{window.location.origin}/hf</code>: point your usual tools at it with{' '}
        <code>HF_ENDPOINT</code> and use a Vetted API key as the token. <code>main</code> is the newest approved version; these snippets pin{' '}
        <strong>{version}</strong>. The tools offered are those that can load what this version holds.
      </p>
      {snippets.map((snippet) => (
        <CodeBlock key={snippet.title} title={snippet.title} code={snippet.code} />
      ))}
    </section>
  );
}
