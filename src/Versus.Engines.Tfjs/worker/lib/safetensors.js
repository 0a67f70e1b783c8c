'use strict';
// Reads (and, for 'save', writes) the canonical weight file (docs/model-spec.md): 8-byte little-endian header length, a JSON header, then
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

/**
 * The bytes of a canonical weight file holding `tensors` (name -> { shape, data: Float32Array }, in that order): the
 * header padded with spaces to 8 bytes, as the format allows, then the data little-endian (the byte order of every host
 * TensorFlow.js runs on here).
 */
function serializeSafetensors(tensors, metadata) {
  const header = {};
  if (metadata) header.__metadata__ = metadata;
  let offset = 0;
  for (const [name, t] of tensors) {
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + t.data.length * 4] };
    offset += t.data.length * 4;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((json.length + 8) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const bytes = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  bytes.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const [, t] of tensors) {
    bytes.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at);
    at += t.data.byteLength;
  }
  return bytes;
}

function readSafetensors(file) {
  const fs = require('fs');
  return parseSafetensors(fs.readFileSync(file), file);
}

function writeSafetensors(file, tensors, metadata) {
  const fs = require('fs');
  fs.writeFileSync(file, serializeSafetensors(tensors, metadata));
}

module.exports = { parseSafetensors, readSafetensors, serializeSafetensors, writeSafetensors };
