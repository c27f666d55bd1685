/**
 * The smallest real ONNX model: `y = Identity(x)`, float32 [1], opset 17, producer `vetted-probe`. Creating a
 * session from it tells whether an execution provider can start here, apart from any model's own faults.
 * A test rebuilds it from its description and compares the bytes.
 */
export const PROBE_MODEL = Buffer.from(
  'CAgSDHZldHRlZC1wcm9iZRoBMTo+ChQKAXgSAXkaAm4wIghJZGVudGl0eRIEdGVzdFoPCgF4EgoKCAgBEgQKAggBYg8KAXkSCgoICAESBAoCCAFCAhAR',
  'base64',
);
