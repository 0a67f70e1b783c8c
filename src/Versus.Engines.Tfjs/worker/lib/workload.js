'use strict';
// The Node side of 'prepare': builds the dataset a request describes (docs/data.md) in TensorFlow's channels-last
// layout, once per prepare, and reads the canonical weights for the host that needs them parsed (the Chromium host's
// page fetches and parses the weight file itself).
const { loadDataset } = require('./data');
const { imagesToNhwc } = require('./layout');
const { readSafetensors } = require('./safetensors');

function loadData(args) {
  const start = performance.now();
  const shape = args.spec.input;
  const data = loadDataset(args.data, shape, args.spec.classes);
  // Bytes become pixels in [0, 1]: divided by 255, as every engine scales them.
  const set = (s) => ({ images: imagesToNhwc(s.pixels, s.count, shape, 255), labels: s.labels, count: s.count });
  return { spec: args.spec, train: set(data.train), test: set(data.test), dataMs: performance.now() - start };
}

function loadWeights(path) {
  const start = performance.now();
  const tensors = readSafetensors(path).tensors;
  return { tensors, weightsMs: performance.now() - start };
}

module.exports = { loadData, loadWeights };
