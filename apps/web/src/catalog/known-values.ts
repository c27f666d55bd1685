/** Suggestions for the task filter: the Hub's common pipeline tags. */
export const COMMON_TASKS = [
  'text-generation',
  'text-classification',
  'token-classification',
  'question-answering',
  'summarization',
  'translation',
  'fill-mask',
  'feature-extraction',
  'sentence-similarity',
  'zero-shot-classification',
  'image-classification',
  'object-detection',
  'image-segmentation',
  'image-text-to-text',
  'text-to-image',
  'automatic-speech-recognition',
  'text-to-speech',
  'audio-classification',
];

/** The weight formats Vetted recognises. */
export const WEIGHT_FORMATS = ['safetensors', 'onnx', 'gguf', 'pickle', 'npy'];
