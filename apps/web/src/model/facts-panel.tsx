import type { ReactNode } from 'react';
import { formatBytes, formatParameters } from '../format/format';
import { type HardwareFit, type TensorSpec, readVersionFacts } from './version-facts';
import { ScrollRegion } from '../components/scroll-region';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function TensorTable({ caption, tensors }: { caption: string; tensors: TensorSpec[] }) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Shape</th>
          </tr>
        </thead>
        <tbody>
          {tensors.map((tensor) => (
            <tr key={tensor.name}>
              <td>
                <code>{tensor.name}</code>
              </td>
              <td>{tensor.type}</td>
              <td>
                <code>{tensor.shape}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function HardwareFitList({ fit }: { fit: HardwareFit }) {
  return (
    <div className="hardware-fit">
      <h3>Hardware fit</h3>
      <p className="small">
        Needs about <strong>{formatBytes(fit.estimatedBytes)}</strong> of accelerator memory
        {fit.rule && <span className="muted"> ({fit.rule})</span>}.
      </p>
      <ul className="fit-list">
        {fit.fits.map((entry) => (
          <li key={entry.memoryGb} className={entry.fits ? 'fits' : 'does-not-fit'}>
            <span aria-hidden="true">{entry.fits ? '✓' : '✗'}</span> {entry.memoryGb} GB{' '}
            <span className="visually-hidden">{entry.fits ? 'fits' : 'does not fit'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Props {
  facts: Record<string, unknown>;
  parameters: number | null;
  /** Null while the scanner has not read the files yet. */
  scannedAt: string | null;
}

export function FactsPanel({ facts, parameters, scannedAt }: Props) {
  const read = readVersionFacts(facts, parameters);
  const unknown = <span className="muted">not known</span>;
  return (
    <section aria-labelledby="facts-title" className="panel">
      <h2 id="facts-title">Facts</h2>
      {!scannedAt && <p className="muted small">The files have not been scanned yet: facts read from the weights appear once they are.</p>}
      <dl className="facts">
        <Fact label="Parameters">
          {read.parameters !== undefined ? (
            <span title={read.parameters.toLocaleString()}>{formatParameters(read.parameters)}</span>
          ) : (
            unknown
          )}
        </Fact>
        <Fact label="Data types">{read.dtypes.length > 0 ? read.dtypes.join(', ') : unknown}</Fact>
        <Fact label="Architecture">{read.architecture ?? read.modelType ?? unknown}</Fact>
        <Fact label="Context length">{read.contextLength !== undefined ? read.contextLength.toLocaleString() : unknown}</Fact>
        {read.layers !== undefined && <Fact label="Layers">{read.layers}</Fact>}
        {read.hiddenSize !== undefined && <Fact label="Hidden size">{read.hiddenSize}</Fact>}
        {read.vocabSize !== undefined && <Fact label="Vocabulary">{read.vocabSize.toLocaleString()}</Fact>}
        {read.quantization && <Fact label="Quantization">{read.quantization}</Fact>}
        {read.onnx?.opset !== undefined && <Fact label="ONNX opset">{read.onnx.opset}</Fact>}
        {read.hubRepo && <Fact label="Imported from">{read.hubRepo}</Fact>}
        {read.baseModel && <Fact label="Base model">{read.baseModel}</Fact>}
      </dl>
      {read.hardwareFit && <HardwareFitList fit={read.hardwareFit} />}
      {read.onnx && read.onnx.inputs.length > 0 && <TensorTable caption="ONNX inputs" tensors={read.onnx.inputs} />}
      {read.onnx && read.onnx.outputs.length > 0 && <TensorTable caption="ONNX outputs" tensors={read.onnx.outputs} />}
      <details className="raw-facts">
        <summary>All facts as recorded</summary>
        <pre tabIndex={0}>{JSON.stringify(facts, null, 2)}</pre>
      </details>
    </section>
  );
}
