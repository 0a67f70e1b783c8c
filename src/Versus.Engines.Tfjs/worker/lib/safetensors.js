'use strict';
// Reads the canonical weight file (docs/model-spec.md): 8-byte little-endian header length, a JSON header, then
// little-endian F32 data. Returns name -> { shape, data: Float32Array }. parseSafetensors touches no Node API, so the
// Chromium host's page parses the same bytes with the same code.

function parseSafetensors(bytes, label) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  const base = 8 + headerLength;
  const tensors = new Map();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    if (entry.dtype !== 'F32') throw new Error(`${label}: tensor ${name} is ${entry.dtype}; the canonical file holds F32 only`);
    const [start, end] = entry.data_offsets;
    // Copied out: the header length need not keep the data 4-byte aligned inside the file buffer.
    const data = new Float32Array((end - start) / 4);
    new Uint8Array(data.buffer).set(bytes.subarray(base + start, base + end));
    tensors.set(name, { shape: entry.shape, data });
  }
  return { tensors, metadata: header.__metadata__ || {} };
}

function readSafetensors(file) {
  const fs = require('fs');
  return parseSafetensors(fs.readFileSync(file), file);
}

module.exports = { parseSafetensors, readSafetensors };
