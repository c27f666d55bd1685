/** Where exporters (optimum, transformers.js conventions) put a model's full-precision and quantized graphs. */
const MAIN = ['model.onnx', 'onnx/model.onnx'];
const QUANTIZED = /(^|\/)model_quantized\.onnx$|_quantized\.onnx$/;

/**
 * The ONNX files worth an automatic benchmark: the main graph and its quantized variant when the repository
 * follows the usual layout, else the shallowest ONNX file. Decoder-with-past and other parts are left to
 * on-demand runs.
 */
export function mainOnnxFiles(paths: readonly string[]): string[] {
  const onnx = paths.filter((path) => path.toLowerCase().endsWith('.onnx'));
  const main = MAIN.find((path) => onnx.includes(path));
  const quantized = onnx.filter((path) => QUANTIZED.test(path)).sort(byDepthThenName)[0];
  const chosen = [main, quantized].filter((path): path is string => path !== undefined);
  if (chosen.length > 0) return chosen;
  const first = [...onnx].sort(byDepthThenName)[0];
  return first ? [first] : [];
}

export function byDepthThenName(a: string, b: string): number {
  return a.split('/').length - b.split('/').length || a.localeCompare(b);
}
