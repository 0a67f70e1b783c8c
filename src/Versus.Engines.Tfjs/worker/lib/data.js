'use strict';
// Builds the dataset a prepare request describes (docs/data.md): generated shapes or IDX files. Data never crosses
// the pipe; the worker rebuilds the same bytes the .NET side would.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { generatedDataset } = require('./random');

const PARTS = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];

function locate(folder, part) {
  const dotted = part.replace('-idx', '.idx');
  for (const candidate of [part + '.gz', part, dotted + '.gz', dotted]) {
    const file = path.join(folder, candidate);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`${path.join(folder, part + '.gz')} is missing; the folder needs ${PARTS.join(', ')}`);
}

function readAll(file) {
  const bytes = fs.readFileSync(file);
  // Gzip is detected by its magic bytes, not the file name, as IdxDataset does.
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
}

function readSet(imagesPath, labelsPath, limit, classes) {
  const images = readAll(imagesPath);
  const labels = readAll(labelsPath);
  if (images.readInt32BE(0) !== 0x803) throw new Error(`${imagesPath} has the wrong magic number for an IDX image file`);
  if (labels.readInt32BE(0) !== 0x801) throw new Error(`${labelsPath} has the wrong magic number for an IDX label file`);
  const total = images.readInt32BE(4);
  const rows = images.readInt32BE(8);
  const cols = images.readInt32BE(12);
  const count = limit > 0 ? Math.min(limit, total) : total;
  // One byte a label in the file, widened to the Int32 labels every dataset holds (as IdxDataset does).
  const labelValues = Int32Array.from(labels.subarray(8, 8 + count));
  const bad = labelValues.findIndex((l) => l >= classes);
  if (bad >= 0) throw new Error(`${labelsPath}: label ${labelValues[bad]} at index ${bad} is outside the workload's ${classes} classes`);
  return { set: { pixels: new Uint8Array(images.subarray(16, 16 + count * rows * cols)), labels: labelValues, count }, rows, cols };
}

function loadDataset(source, shape, classes) {
  if (source.kind === 'generated') return generatedDataset(shape, classes, source.seed >>> 0, source.trainCount, source.testCount);
  if (source.kind === 'idx') {
    const folder = source.path;
    const train = readSet(locate(folder, PARTS[0]), locate(folder, PARTS[1]), source.trainCount, classes);
    const test = readSet(locate(folder, PARTS[2]), locate(folder, PARTS[3]), source.testCount, classes);
    if (shape.channels !== 1 || train.rows !== shape.height || train.cols !== shape.width)
      throw new Error(`the IDX images are 1x${train.rows}x${train.cols} but the workload takes ${shape.channels}x${shape.height}x${shape.width}`);
    return { train: train.set, test: test.set };
  }
  throw new Error(`unknown data source kind '${source.kind}'`);
}

module.exports = { loadDataset };
