/** What the runner reads of an output tensor; ONNX Runtime's `Tensor` fits it. */
export type OutputTensor = { type: string; dims: readonly number[]; data: ArrayLike<number | bigint> | readonly string[] };

export const isNumeric = (data: OutputTensor['data']): data is ArrayLike<number | bigint> =>
  !Array.isArray(data) || typeof data[0] !== 'string';
