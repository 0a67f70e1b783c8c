'use strict';
// Reads the canonical weight file (docs/model-spec.md): 8-byte little-endian header length, a JSON header, then
// little-endian F32 data. Returns name -> { shape, data: Float32Array }.
const fs = require('fs');

function readSafetensors(file) {
  const bytes = fs.readFileSync(file);
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'));
  const base = 8 + headerLength;
  const tensors = new Map();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    if (entry.dtype !== 'F32') throw new Error(`${file}: tensor ${name} is ${entry.dtype}; the canonical file holds F32 only`);
    const [start, end] = entry.data_offsets;
    // Copied out: the header length need not keep the data 4-byte aligned inside the file buffer.
    const data = new Float32Array((end - start) / 4);
    Buffer.from(data.buffer).set(bytes.subarray(base + start, base + end));
    tensors.set(name, { shape: entry.shape, data });
  }
  return { tensors, metadata: header.__metadata__ || {} };
}

module.exports = { readSafetensors };
