'use strict';
// The Node side of 'prepare': builds the dataset a request describes (docs/data.md) in TensorFlow's channels-last
// layout and reads the canonical weights, once per prepare; both hosts hand the result to the engine.
const { loadDataset, toNhwc } = require('./data');
const { readSafetensors } = require('./safetensors');

function loadWorkload(args) {
  const start = performance.now();
  const shape = args.spec.input;
  const data = loadDataset(args.data, shape, args.spec.classes);
  const train = { images: toNhwc(data.train, shape), labels: data.train.labels, count: data.train.count };
  const test = { images: toNhwc(data.test, shape), labels: data.test.labels, count: data.test.count };
  const dataMs = performance.now() - start;
  const weightsStart = performance.now();
  const tensors = readSafetensors(args.weightsPath).tensors;
  return { spec: args.spec, train, test, tensors, dataMs, weightsMs: performance.now() - weightsStart };
}

module.exports = { loadWorkload };
