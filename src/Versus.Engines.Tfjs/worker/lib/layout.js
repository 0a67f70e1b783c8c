'use strict';
// The one place where canonical (PyTorch) parameter layout becomes TensorFlow's (docs/model-spec.md, "TensorFlow layout"):
// - conv kernel  [out, in, kh, kw] (OIHW)  -> [kh, kw, in, out] (HWIO)
// - depthwise conv kernel [in * m, 1, kh, kw] (groups = in channels, m = out / in) -> [kh, kw, in, m]
// - grouped conv kernel [out, in / g, kh, kw] -> g HWIO kernels of out / g filters each, in channel order
// - dense kernel [out, in]                 -> [in, out]
// - a dense layer whose input is a flatten of a C x H x W map (directly or through elementwise nodes): canonical input
//   index c*H*W + h*W + w (PyTorch flattens NCHW) becomes h*W*C + w*C + c (TensorFlow flattens NHWC), so its rows are
//   permuted as well
// - batch norm weight/bias/running_mean/running_var -> gamma/beta/moving_mean/moving_variance (same values)
// and back again (convKernelFromHwio, depthwiseKernelFromHwim, denseKernelFromInOut) for 'save', which writes the
// trained state canonically
// - images N x C x H x W (the canonical input) -> N x H x W x C (TensorFlow's channels-last)
// All functions are pure: typed array in, Float32Array out.

/**
 * Images from NCHW to NHWC as float32, each value divided by `divisor`: 255 turns dataset bytes into pixels in [0, 1]
 * exactly as the .NET side does (a division, not a multiplication by 1/255, so the floats are bit-identical); 1 moves
 * float images unchanged.
 */
function imagesToNhwc(values, count, { channels: C, height: H, width: W }, divisor = 1) {
  const per = C * H * W;
  const out = new Float32Array(count * per);
  for (let n = 0; n < count; n++) {
    const base = n * per;
    for (let c = 0; c < C; c++)
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++)
          out[base + (y * W + x) * C + c] = values[base + (c * H + y) * W + x] / divisor;
  }
  return out;
}

function convKernelToHwio(data, [out, inC, kh, kw]) {
  const result = new Float32Array(data.length);
  for (let o = 0; o < out; o++)
    for (let i = 0; i < inC; i++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          result[((y * kw + x) * inC + i) * out + o] = data[((o * inC + i) * kh + y) * kw + x];
  return result;
}

/**
 * Depthwise [in * m, 1, kh, kw] -> [kh, kw, in, m]. PyTorch's output channel o comes from input channel floor(o / m);
 * TensorFlow's depthwise output channel i * m + k is filter k of input i: the same channel order, so only the kernel
 * moves.
 */
function depthwiseKernelToHwim(data, [out, one, kh, kw], inC) {
  if (one !== 1 || out % inC !== 0) throw new Error(`a depthwise kernel [${out}, ${one}, ${kh}, ${kw}] does not fit ${inC} input channels`);
  const m = out / inC;
  const result = new Float32Array(data.length);
  for (let i = 0; i < inC; i++)
    for (let k = 0; k < m; k++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          result[((y * kw + x) * inC + i) * m + k] = data[((i * m + k) * kh + y) * kw + x];
  return result;
}

/** Filters [g * out/groups, (g + 1) * out/groups) of a grouped conv kernel [out, in/groups, kh, kw], as HWIO. */
function groupKernelToHwio(data, [out, inPerGroup, kh, kw], groups, g) {
  const per = out / groups;
  const size = per * inPerGroup * kh * kw;
  return convKernelToHwio(data.subarray(g * size, (g + 1) * size), [per, inPerGroup, kh, kw]);
}

/**
 * Dense [out, in] -> [in, out]. With `flattened` = {channels, height, width} (the map a flatten turned into the
 * input), the rows are also reordered from C,H,W to H,W,C.
 */
function denseKernelToInOut(data, [out, inF], flattened) {
  const result = new Float32Array(data.length);
  if (!flattened) {
    for (let o = 0; o < out; o++)
      for (let i = 0; i < inF; i++) result[i * out + o] = data[o * inF + i];
    return result;
  }
  const { channels: C, height: H, width: W } = flattened;
  if (C * H * W !== inF) throw new Error(`a dense layer with ${inF} inputs cannot follow a flatten of ${C}x${H}x${W}`);
  for (let o = 0; o < out; o++)
    for (let c = 0; c < C; c++)
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++)
          result[((y * W + x) * C + c) * out + o] = data[o * inF + (c * H + y) * W + x];
  return result;
}

/** Keras keeps (1 - momentum) of the batch statistic where PyTorch keeps momentum of it. */
function kerasBatchNormMomentum(pytorchMomentum) {
  return 1 - pytorchMomentum;
}

/** HWIO [kh, kw, in, out] back to OIHW [out, in, kh, kw]. */
function convKernelFromHwio(data, [kh, kw, inC, out]) {
  const result = new Float32Array(data.length);
  for (let o = 0; o < out; o++)
    for (let i = 0; i < inC; i++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          result[((o * inC + i) * kh + y) * kw + x] = data[((y * kw + x) * inC + i) * out + o];
  return result;
}

/** A depthwise kernel [kh, kw, in, m] back to canonical [in * m, 1, kh, kw] (output channel i * m + k is filter k of input i). */
function depthwiseKernelFromHwim(data, [kh, kw, inC, m]) {
  const result = new Float32Array(data.length);
  for (let i = 0; i < inC; i++)
    for (let k = 0; k < m; k++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          result[((i * m + k) * kh + y) * kw + x] = data[((y * kw + x) * inC + i) * m + k];
  return result;
}

/** A dense kernel [in, out] back to [out, in], undoing the row permutation after a flatten (see denseKernelToInOut). */
function denseKernelFromInOut(data, [inF, out], flattened) {
  const result = new Float32Array(data.length);
  if (!flattened) {
    for (let o = 0; o < out; o++)
      for (let i = 0; i < inF; i++) result[o * inF + i] = data[i * out + o];
    return result;
  }
  const { channels: C, height: H, width: W } = flattened;
  if (C * H * W !== inF) throw new Error(`a dense layer with ${inF} inputs cannot follow a flatten of ${C}x${H}x${W}`);
  for (let o = 0; o < out; o++)
    for (let c = 0; c < C; c++)
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++)
          result[o * inF + (c * H + y) * W + x] = data[((y * W + x) * C + c) * out + o];
  return result;
}

module.exports = { convKernelToHwio, depthwiseKernelToHwim, groupKernelToHwio, denseKernelToInOut, convKernelFromHwio,
  depthwiseKernelFromHwim, denseKernelFromInOut, kerasBatchNormMomentum, imagesToNhwc };
