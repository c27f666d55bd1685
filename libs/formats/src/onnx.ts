import type { ByteSource } from './byte-source.js';
import { type Finding, FormatError, type Inspection } from './finding.js';
import { ONNX_DTYPES, onnxDtypeName } from './onnx-dtypes.js';
import { ProtobufReader } from './protobuf-reader.js';
import { safeNumber, type TensorFacts, TensorTally } from './tensor-facts.js';

export interface OnnxValueInfo {
  name: string;
  /** A normalized dtype for tensors; `sequence`, `map`, `optional`, `opaque` or `unknown` otherwise. */
  dtype: string;
  /** A number is a fixed size, a string a symbolic one (`batch`); `?` is unknown. */
  shape: (number | string)[];
}

export interface OnnxExternalDataReference {
  tensor: string;
  dtype: string;
  dims: number[];
  /** What the data must measure, from dims and dtype; `null` for strings or sizes past 2^53. */
  expectedBytes: number | null;
  /** The `external_data` entries as written, unknown keys included. */
  entries: { key: string; value: string }[];
}

export type OnnxFacts = Omit<TensorFacts, 'parameters'> & {
  /**
   * Every initializer and every `Constant` node's value, in the main graph and its subgraphs (If, Loop, Scan…),
   * each tensor once; `null` when that cannot be known: no weights were found at all, or a sparse value has no
   * dims. Never a 0 that hides weights the parser did not see.
   */
  parameters: number | null;
  irVersion: number;
  opsets: { domain: string; version: number }[];
  producer: { name: string; version: string };
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  initializerCount: number;
  sparseInitializerCount: number;
  /** Nodes of the main graph (subgraphs and functions not counted). */
  nodeCount: number;
  /** Operator domains that are neither ONNX's nor onnxruntime's built-ins and not defined in the model. */
  customDomains: string[];
  externalData: OnnxExternalDataReference[];
};

/** ONNX's own operator sets. */
const STANDARD_DOMAINS = new Set(['', 'ai.onnx', 'ai.onnx.ml', 'ai.onnx.training', 'ai.onnx.preview.training']);
/** Contrib operators compiled into onnxruntime: no library of the model's is loaded for them. */
const RUNTIME_DOMAINS = new Set(['com.microsoft', 'com.microsoft.nchwc']);

const PROTOBUF_MAX_BYTES = 2 ** 31 - 1;
const MAX_NAME_BYTES = 256;
const MAX_EXTERNAL_KEY_BYTES = 256;
const MAX_EXTERNAL_VALUE_BYTES = 4096;
const MAX_RANK = 64;
const MAX_VALUE_INFOS = 1024;
const MAX_OPSETS = 64;
const MAX_EXTERNAL_REFERENCES = 10_000;
const MAX_CUSTOM_DOMAINS = 64;
const MAX_OPS_PER_DOMAIN = 64;
const MAX_FUNCTIONS = 1024;
const MAX_SIZE_FINDINGS = 20;
const EXTERNAL = 1;

/**
 * Reads an ONNX ModelProto's structure without its weights: versions, opsets, the main graph's inputs and
 * outputs, the dtypes and sizes of initializers and `Constant` values (from dims; `raw_data` is skipped, only
 * its length is checked), every `external_data` reference (initializers, sparse initializers and tensor
 * attributes, at any subgraph depth, in training graphs too), and operator domains (nodes of subgraphs and
 * model-local functions included). Subgraphs of the main graph add their weights too; training graphs and
 * functions add references and domains only. Subgraph depth is bounded by the protobuf reader's nesting limit.
 * A repeated singular field (two `graph` fields) is merged as protobuf merges it. A file that is not a valid
 * ModelProto is a `FormatError`.
 */
export async function inspectOnnx(source: ByteSource): Promise<Inspection<OnnxFacts>> {
  return new OnnxParser(source).parse();
}

interface TensorInfo {
  name: string;
  dims: bigint[];
  dataType: number;
  dataLocation: number;
  external: { key: string; value: string }[];
  rawDataBytes?: number;
}

/** What a `Constant` node's attribute holds, to be counted once the node's op type is known. */
type ConstantValue =
  { kind: 'tensor'; tensor: TensorInfo } | { kind: 'values'; dataType: number; count: number } | { kind: 'sparse'; sparse: SparseInfo };

interface SparseInfo {
  values?: TensorInfo;
  /** The dense shape. */
  dims: bigint[];
}

const FLOAT = 1;
const INT64 = 7;
const STRING = 8;
/** The `Constant` attributes that hold plain values, one or a list, and the ONNX data type of those values. */
const CONSTANT_LISTS: ReadonlyMap<string, number> = new Map([
  ['value_float', FLOAT],
  ['value_floats', FLOAT],
  ['value_int', INT64],
  ['value_ints', INT64],
  ['value_string', STRING],
  ['value_strings', STRING],
]);

interface DomainUse {
  ops: Set<string>;
  /** More distinct operators than kept: they cannot all be matched to local functions. */
  overflow: boolean;
}

class OnnxParser {
  private readonly reader: ProtobufReader;
  private readonly findings: Finding[] = [];
  private readonly tally = new TensorTally();
  private irVersion: number | undefined;
  private producer = { name: '', version: '' };
  private readonly opsets: OnnxFacts['opsets'] = [];
  private readonly inputs: OnnxValueInfo[] = [];
  private readonly outputs: OnnxValueInfo[] = [];
  private initializerCount = 0;
  private sparseInitializerCount = 0;
  private nodeCount = 0;
  private graphSeen = false;
  /** Tensor names counted in the main graph: a repeated `graph` field merges into one graph. */
  private readonly mainGraphNames = new Set<string>();
  /** Some weights could not be counted: the total is unknown. */
  private parametersUnknown = false;
  private readonly externalData: OnnxExternalDataReference[] = [];
  private readonly domains = new Map<string, DomainUse>();
  private readonly functions = new Set<string>();
  private readonly noted = new Map<string, number>();

  constructor(private readonly source: ByteSource) {
    this.reader = new ProtobufReader(source, 'onnx');
  }

  async parse(): Promise<Inspection<OnnxFacts>> {
    if (this.source.size > PROTOBUF_MAX_BYTES) {
      this.note('warning', 'onnx_over_protobuf_limit', 'The file is larger than the 2 GiB protobuf limit: runtimes refuse to parse it');
    }
    await this.reader.fields((field, wire) => this.modelField(field, wire));
    if (this.irVersion === undefined) throw new FormatError('onnx_not_a_model', 'The file has no ir_version: it is not an ONNX model');
    if (!this.graphSeen) throw new FormatError('onnx_not_a_model', 'The file has no graph: it is not an ONNX model');
    return { facts: this.facts(this.irVersion), findings: [...this.findings, ...this.domainFindings()] };
  }

  private facts(irVersion: number): OnnxFacts {
    const weights = this.tally.facts();
    return {
      ...weights,
      parameters: this.parametersUnknown || weights.tensorCount === 0 ? null : weights.parameters,
      irVersion,
      opsets: this.opsets,
      producer: this.producer,
      inputs: this.inputs,
      outputs: this.outputs,
      initializerCount: this.initializerCount,
      sparseInitializerCount: this.sparseInitializerCount,
      nodeCount: this.nodeCount,
      customDomains: this.customDomains(),
      externalData: this.externalData,
    };
  }

  private async modelField(field: number, wire: number): Promise<void> {
    const r = this.reader;
    switch (field) {
      case 1:
        this.irVersion = safeNumber(await r.int64(wire), 'ir_version');
        return;
      case 2:
        this.producer.name = await this.name(wire);
        return;
      case 3:
        this.producer.version = await this.name(wire);
        return;
      case 7:
        this.graphSeen = true;
        return this.graph(wire, 'main');
      case 8:
        return this.opset(wire);
      case 20: // training_info: initialization = 1, algorithm = 2
        return r.message(wire, () => r.fields((f, w) => (f === 1 || f === 2 ? this.graph(w, 'uncounted') : r.skip(w))));
      case 25:
        return this.function(wire);
      default:
        return r.skip(wire);
    }
  }

  private async opset(wire: number): Promise<void> {
    const r = this.reader;
    const opset = { domain: '', version: 0 };
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        if (field === 1) opset.domain = await this.name(w);
        else if (field === 2) opset.version = Number(await r.int64(w));
        else await r.skip(w);
      }),
    );
    if (this.opsets.length < MAX_OPSETS) this.opsets.push(opset);
    else this.note('info', 'onnx_list_truncated', `Only the first ${MAX_OPSETS} opset imports are listed`);
  }

  /**
   * `main`: the model's graph; `counted`: a subgraph of it, whose weights count; `uncounted`: a training graph or
   * a subgraph of a function or of one, read for references and domains only.
   */
  private async graph(wire: number, role: 'main' | 'counted' | 'uncounted'): Promise<void> {
    const r = this.reader;
    const main = role === 'main';
    const counted = main ? this.mainGraphNames : role === 'counted' ? new Set<string>() : undefined;
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        switch (field) {
          case 1:
            if (main) this.nodeCount += 1;
            return this.node(w, counted);
          case 5:
            return this.initializer(w, main, counted);
          case 15:
            return this.sparseInitializer(w, main, counted);
          case 11:
            return main ? this.valueInfo(w, this.inputs) : r.skip(w);
          case 12:
            return main ? this.valueInfo(w, this.outputs) : r.skip(w);
          default:
            return r.skip(w);
        }
      }),
    );
  }

  /** `counted`: the names of the weights counted so far in the node's graph, when its weights count. */
  private async node(wire: number, counted?: Set<string>): Promise<void> {
    const r = this.reader;
    let op = '';
    let domain = '';
    let output: string | undefined;
    const values = new Map<string, ConstantValue>();
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        if (field === 4) op = await this.name(w);
        else if (field === 7) domain = await this.name(w);
        else if (field === 2 && output === undefined) output = await this.name(w);
        else if (field === 5) await this.attribute(w, counted !== undefined, values);
        else await r.skip(w);
      }),
    );
    this.useDomain(domain, op);
    // Attributes may come before op_type on the wire: a Constant's value is counted once the node is read.
    if (counted && op === 'Constant' && (domain === '' || domain === 'ai.onnx')) {
      for (const value of values.values()) this.countConstant(value, output ?? '', counted);
    }
  }

  /** Reads an attribute's subgraphs and references, and keeps what a `Constant` value would hold in `values`. */
  private async attribute(wire: number, counted: boolean, values: Map<string, ConstantValue>): Promise<void> {
    const r = this.reader;
    let name = '';
    let listCount = 0;
    let value: ConstantValue | undefined;
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        switch (field) {
          case 1:
            name = await this.name(w);
            return;
          case 2: // f
          case 3: // i
          case 4: // s
          case 9: // strings
            listCount += 1;
            return r.skip(w);
          case 7: // floats
            listCount += await r.repeatedCount(w, 4);
            return;
          case 8: // ints
            listCount += await r.repeatedCount(w);
            return;
          case 5: {
            const tensor = await this.tensor(w);
            this.tensorReferences(tensor);
            value = { kind: 'tensor', tensor };
            return;
          }
          case 10: // tensors
            return this.tensorReferences(await this.tensor(w));
          case 6: // g
          case 11: // graphs
            return this.graph(w, counted ? 'counted' : 'uncounted');
          case 22: // sparse_tensor
            value = { kind: 'sparse', sparse: await this.sparseTensor(w) };
            return;
          case 23: // sparse_tensors
            await this.sparseTensor(w);
            return;
          default:
            return r.skip(w);
        }
      }),
    );
    const listType = CONSTANT_LISTS.get(name);
    if (listType !== undefined) values.set(name, { kind: 'values', dataType: listType, count: listCount });
    else if ((name === 'value' && value?.kind === 'tensor') || (name === 'sparse_value' && value?.kind === 'sparse'))
      values.set(name, value);
  }

  private countConstant(value: ConstantValue, output: string, counted: Set<string>): void {
    if (!this.firstTime(output, counted)) return;
    if (value.kind === 'tensor') this.count(value.tensor, 'Constant');
    else if (value.kind === 'sparse') this.countSparse(value.sparse);
    else this.countElements(value.dataType, BigInt(value.count));
  }

  private async function(wire: number): Promise<void> {
    const r = this.reader;
    let name = '';
    let domain = '';
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        if (field === 1) name = await this.name(w);
        else if (field === 10) domain = await this.name(w);
        else if (field === 7) await this.node(w);
        else await r.skip(w);
      }),
    );
    if (this.functions.size < MAX_FUNCTIONS) this.functions.add(`${domain}\n${name}`);
  }

  private async initializer(wire: number, main: boolean, counted?: Set<string>): Promise<void> {
    const tensor = await this.tensor(wire);
    this.tensorReferences(tensor);
    if (main) this.initializerCount += 1;
    if (counted && this.firstTime(tensor.name, counted)) this.count(tensor, 'Initializer');
  }

  private async sparseInitializer(wire: number, main: boolean, counted?: Set<string>): Promise<void> {
    const sparse = await this.sparseTensor(wire);
    if (main) this.sparseInitializerCount += 1;
    if (counted && this.firstTime(sparse.values?.name ?? '', counted)) this.countSparse(sparse);
  }

  /** A SparseTensorProto: its values and indices checked for external data, its dense shape kept. */
  private async sparseTensor(wire: number): Promise<SparseInfo> {
    const r = this.reader;
    const sparse: SparseInfo = { dims: [] };
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        if (field === 1 || field === 2) {
          const tensor = await this.tensor(w);
          this.tensorReferences(tensor);
          if (field === 1) sparse.values = tensor;
        } else if (field === 3) {
          await r.repeatedInt64(w, sparse.dims, MAX_RANK);
        } else {
          await r.skip(w);
        }
      }),
    );
    return sparse;
  }

  /** Whether a weight of this name is new to its graph; unnamed ones cannot repeat a name. */
  private firstTime(name: string, counted: Set<string>): boolean {
    if (name === '') return true;
    if (counted.has(name)) return false;
    counted.add(name);
    return true;
  }

  private async tensor(wire: number): Promise<TensorInfo> {
    const r = this.reader;
    const tensor: TensorInfo = { name: '', dims: [], dataType: 0, dataLocation: 0, external: [] };
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        switch (field) {
          case 1:
            return r.repeatedInt64(w, tensor.dims, MAX_RANK);
          case 2:
            tensor.dataType = await r.int32(w);
            return;
          case 8:
            tensor.name = await this.name(w);
            return;
          case 9:
            tensor.rawDataBytes = await r.skipBytes(w);
            return;
          case 13:
            tensor.external.push(await this.externalEntry(w));
            return;
          case 14:
            tensor.dataLocation = await r.int32(w);
            return;
          default:
            return r.skip(w);
        }
      }),
    );
    return tensor;
  }

  private async externalEntry(wire: number): Promise<{ key: string; value: string }> {
    const r = this.reader;
    const entry = { key: '', value: '' };
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        if (field !== 1 && field !== 2) return r.skip(w);
        const text = await r.string(w, field === 1 ? MAX_EXTERNAL_KEY_BYTES : MAX_EXTERNAL_VALUE_BYTES);
        if (text.truncated) throw new FormatError('onnx_external_data_too_long', 'An external_data key or value is implausibly long');
        if (field === 1) entry.key = text.value;
        else entry.value = text.value;
      }),
    );
    return entry;
  }

  /** Adds a weight to the parameter tally, checking `raw_data` has the size its dims say. */
  private count(tensor: TensorInfo, what: 'Initializer' | 'Constant'): void {
    const dtype = ONNX_DTYPES.get(tensor.dataType);
    if (!dtype) {
      throw new FormatError('onnx_unknown_dtype', `${what} ${tensor.name} has data type ${tensor.dataType}`, { tensor: tensor.name });
    }
    const bytes = this.countElements(tensor.dataType, elementCount(tensor));
    if (tensor.rawDataBytes !== undefined && tensor.dataLocation !== EXTERNAL && dtype.bits > 0 && BigInt(tensor.rawDataBytes) !== bytes) {
      this.note(
        'critical',
        'onnx_tensor_size_mismatch',
        `${what} ${tensor.name} holds ${tensor.rawDataBytes} bytes; its dims say ${bytes}`,
        {
          tensor: tensor.name,
        },
      );
    }
  }

  /** A sparse weight counts as the dense tensor a runtime makes of it; without a dense shape it cannot be counted. */
  private countSparse(sparse: SparseInfo): void {
    const dtype = sparse.values && ONNX_DTYPES.get(sparse.values.dataType);
    if (!dtype || sparse.dims.length === 0 || sparse.dims.some((dim) => dim < 0n)) {
      this.parametersUnknown = true;
      return;
    }
    this.countElements(
      sparse.values!.dataType,
      sparse.dims.reduce((product, dim) => product * dim, 1n),
    );
  }

  /** Adds `elements` of a known data type to the tally; returns their bytes. */
  private countElements(dataType: number, elements: bigint): bigint {
    const dtype = ONNX_DTYPES.get(dataType)!;
    const bytes = (elements * BigInt(dtype.bits) + 7n) / 8n;
    this.tally.add(dtype.name, elements, bytes);
    return bytes;
  }

  private tensorReferences(tensor: TensorInfo): void {
    if (tensor.dataLocation !== EXTERNAL && tensor.external.length === 0) return;
    if (this.externalData.length >= MAX_EXTERNAL_REFERENCES) {
      this.note(
        'critical',
        'onnx_limit_exceeded',
        `More than ${MAX_EXTERNAL_REFERENCES} tensors use external data; the rest were not checked`,
      );
      return;
    }
    const dtype = ONNX_DTYPES.get(tensor.dataType);
    const dims = tensor.dims.map((dim) => (dim >= 0n && dim <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(dim) : -1));
    let expectedBytes: number | null = null;
    if (dtype && dtype.bits > 0 && dims.every((dim) => dim >= 0)) {
      const bytes = (elementCount(tensor) * BigInt(dtype.bits) + 7n) / 8n;
      if (bytes <= BigInt(Number.MAX_SAFE_INTEGER)) expectedBytes = Number(bytes);
    }
    this.externalData.push({ tensor: tensor.name, dtype: onnxDtypeName(tensor.dataType), dims, expectedBytes, entries: tensor.external });
  }

  private async valueInfo(wire: number, into: OnnxValueInfo[]): Promise<void> {
    const r = this.reader;
    const info: OnnxValueInfo = { name: '', dtype: 'unknown', shape: [] };
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        if (field === 1) info.name = await this.name(w);
        else if (field === 2) await this.type(w, info);
        else await r.skip(w);
      }),
    );
    if (into.length < MAX_VALUE_INFOS) into.push(info);
    else this.note('info', 'onnx_list_truncated', `Only the first ${MAX_VALUE_INFOS} graph inputs and outputs are listed`);
  }

  private async type(wire: number, info: OnnxValueInfo): Promise<void> {
    const r = this.reader;
    const kinds: Record<number, string> = { 4: 'sequence', 5: 'map', 7: 'opaque', 9: 'optional' };
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        if (field === 1 || field === 8) return this.tensorType(w, info); // tensor_type, sparse_tensor_type
        const kind = kinds[field];
        if (kind) info.dtype = kind;
        return r.skip(w);
      }),
    );
  }

  private async tensorType(wire: number, info: OnnxValueInfo): Promise<void> {
    const r = this.reader;
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        if (field === 1) info.dtype = onnxDtypeName(await r.int32(w));
        else if (field === 2) await r.message(w, () => r.fields((f, dw) => (f === 1 ? this.dimension(dw, info) : r.skip(dw))));
        else await r.skip(w);
      }),
    );
  }

  private async dimension(wire: number, info: OnnxValueInfo): Promise<void> {
    const r = this.reader;
    let dim: number | string = '?';
    await r.message(wire, () =>
      r.fields(async (field, w) => {
        if (field === 1) {
          const value = await r.int64(w);
          dim = value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : '?';
        } else if (field === 2) {
          dim = await this.name(w);
        } else {
          await r.skip(w);
        }
      }),
    );
    if (info.shape.length < MAX_RANK) info.shape.push(dim);
    else this.note('info', 'onnx_list_truncated', `Only the first ${MAX_RANK} dimensions of a shape are listed`);
  }

  private useDomain(domain: string, op: string): void {
    if (STANDARD_DOMAINS.has(domain)) return;
    let use = this.domains.get(domain);
    if (!use) {
      if (this.domains.size >= MAX_CUSTOM_DOMAINS) {
        this.note(
          'critical',
          'onnx_limit_exceeded',
          `Nodes use more than ${MAX_CUSTOM_DOMAINS} operator domains; the rest were not listed`,
        );
        return;
      }
      use = { ops: new Set(), overflow: false };
      this.domains.set(domain, use);
    }
    if (use.ops.has(op)) return;
    if (use.ops.size < MAX_OPS_PER_DOMAIN) use.ops.add(op);
    else use.overflow = true;
  }

  /** Domains with an operator that is not one of the model's own functions: native code would run it. */
  private customDomains(): string[] {
    return [...this.domains]
      .filter(
        ([domain, use]) =>
          !RUNTIME_DOMAINS.has(domain) && (use.overflow || [...use.ops].some((op) => !this.functions.has(`${domain}\n${op}`))),
      )
      .map(([domain]) => domain)
      .sort();
  }

  private domainFindings(): Finding[] {
    const custom = this.customDomains().map((domain): Finding => ({
      severity: 'warning',
      code: 'onnx_custom_op_domain',
      message: `Operators from domain ${domain} need a custom operator library: native code the runtime loads`,
      evidence: { domain, ops: [...this.domains.get(domain)!.ops].filter((op) => !this.functions.has(`${domain}\n${op}`)) },
    }));
    const runtime = [...this.domains.keys()]
      .filter((domain) => RUNTIME_DOMAINS.has(domain))
      .map((domain): Finding => ({
        severity: 'info',
        code: 'onnx_vendor_op_domain',
        message: `Operators from ${domain} are onnxruntime built-ins: other runtimes may not run the model`,
        evidence: { domain, ops: [...this.domains.get(domain)!.ops] },
      }));
    return [...custom, ...runtime];
  }

  private async name(wire: number): Promise<string> {
    return (await this.reader.string(wire, MAX_NAME_BYTES)).value;
  }

  /** A finding reported at most a few times (per code), however often the file repeats it. */
  private note(severity: Finding['severity'], code: string, message: string, evidence?: Record<string, unknown>): void {
    const count = this.noted.get(code) ?? 0;
    this.noted.set(code, count + 1);
    if (count >= (code === 'onnx_tensor_size_mismatch' ? MAX_SIZE_FINDINGS : 1)) return;
    this.findings.push({ severity, code, message, ...(evidence ? { evidence } : {}) });
  }
}

function elementCount(tensor: TensorInfo): bigint {
  let elements = 1n;
  for (const dim of tensor.dims) {
    if (dim < 0n) throw new FormatError('onnx_negative_dim', `Tensor ${tensor.name} has a negative dimension`, { tensor: tensor.name });
    elements *= dim;
  }
  return elements;
}
