import { CodeBlock } from '../components/code-block';
import { Loading } from '../components/status-views';
import { useVersionFiles } from './files-panel';
import { usageSnippets } from './usage-snippets';

interface Props {
  namespace: string;
  name: string;
  version: string;
  approved: boolean;
  task: string | null;
}

export function SnippetsPanel({ namespace, name, version, approved, task }: Props) {
  const files = useVersionFiles(namespace, name, version);
  if (files.isPending) return <Loading />;
  const paths = files.data?.items.map((file) => file.path) ?? [];
  const examplePath = paths.find((path) => /\.(safetensors|onnx|gguf)$/.test(path)) ?? paths[0];
  const snippets = usageSnippets({
    origin: window.location.origin,
    repo: `${namespace}/${name}`,
    revision: version,
    task,
    approved,
    examplePath,
  });
  return (
    <section aria-labelledby="use-title" className="panel">
      <h2 id="use-title">Use it</h2>
      <p>
        Vetted answers the Hugging Face Hub's download API under <code>{window.location.origin}/hf</code>: point your usual tools at it with{' '}
        <code>HF_ENDPOINT</code> and use a Vetted API key as the token. <code>main</code> is the newest approved version; these snippets pin{' '}
        <strong>{version}</strong>.
      </p>
      {snippets.map((snippet) => (
        <CodeBlock key={snippet.title} title={snippet.title} code={snippet.code} />
      ))}
    </section>
  );
}
