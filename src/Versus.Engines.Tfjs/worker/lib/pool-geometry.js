'use strict';
// Where PyTorch's (and ONNX's) pooling windows fall, per axis, for the graph spec's maxpool2d and avgpool2d
// (docs/model-spec.md, "Graphs"): explicit padding before and after, and ceil mode, whose last window may run past the
// padded input. Keras pools only 'valid' or 'same', so the worker pads explicitly (minus infinity for max, zeros for
// average), adds the ceil-mode overhang at the bottom/right, pools 'valid', and rescales averages by the divisors below.
// All functions are pure.

/**
 * Output positions along one axis: floor (or ceil) of (size + before + after - kernel) / stride, plus one; in ceil mode
 * the last window must start inside the input or its leading padding (PyTorch's rule, as Versus.Core's GraphAnalyzer).
 */
function poolWindows(size, before, after, kernel, stride, ceil) {
  const span = size + before + after - kernel;
  if (span < 0) return 0;
  let count = (ceil ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  if (ceil && count > 0 && (count - 1) * stride >= size + before) count--;
  return count;
}

/** How far the last window reaches past the padded input (ceil mode only; else 0): extra padding at the bottom/right. */
function poolOverhang(size, before, after, kernel, stride, ceil) {
  const count = poolWindows(size, before, after, kernel, stride, ceil);
  return Math.max(0, (count - 1) * stride + kernel - (size + before + after));
}

/**
 * The divisor of each window along one axis: the positions it covers inside the padded input (countIncludePad, PyTorch's
 * rule: the ceil-mode overhang never counts), or inside the input alone (ONNX's default).
 */
function poolDivisors(size, before, after, kernel, stride, ceil, countIncludePad) {
  const count = poolWindows(size, before, after, kernel, stride, ceil);
  const [low, high] = countIncludePad ? [0, size + before + after] : [before, before + size];
  const divisors = new Array(count);
  for (let o = 0; o < count; o++) {
    const start = o * stride;
    divisors[o] = Math.max(0, Math.min(start + kernel, high) - Math.max(start, low));
  }
  return divisors;
}

/**
 * What an average's 'valid' Keras pool over the zero-padded input (which divides every window by kernelH * kernelW)
 * must be multiplied by, per output position: kernelH * kernelW / divisor, as a row-major [outH * outW] array.
 */
function averageScale(input, { kernel, stride, padding, ceil, countIncludePad }) {
  const [top, left, bottom, right] = padding;
  const rows = poolDivisors(input.height, top, bottom, kernel[0], stride[0], ceil, countIncludePad);
  const columns = poolDivisors(input.width, left, right, kernel[1], stride[1], ceil, countIncludePad);
  const scale = new Float32Array(rows.length * columns.length);
  const area = kernel[0] * kernel[1];
  rows.forEach((r, y) => columns.forEach((c, x) => { scale[y * columns.length + x] = area / Math.max(1, r * c); }));
  return { scale, height: rows.length, width: columns.length };
}

module.exports = { poolWindows, poolOverhang, poolDivisors, averageScale };
