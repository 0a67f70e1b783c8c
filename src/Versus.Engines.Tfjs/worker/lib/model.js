'use strict';
// Builds a Keras (tf.layers) model from the resolved spec (ModelSpecWriter's JSON) with the functional API, in
// channels-last layout, and records which canonical parameter names feed which Keras layer.
const { convKernelToHwio, denseKernelToInOut, convKernelFromHwio, denseKernelFromInOut, kerasBatchNormMomentum } = require('./layout');

function buildModel(tf, spec) {
  const bindings = [];
  const input = tf.input({ shape: [spec.input.height, spec.input.width, spec.input.channels] });
  const state = { flattened: null };
  const output = applyLayers(tf, spec.layers, input, 'layers', bindings, state);
  const model = tf.model({ inputs: input, outputs: output, name: spec.id.replace(/[^A-Za-z0-9_]/g, '_') });
  return { model, bindings };
}

function applyLayers(tf, layers, x, prefix, bindings, state) {
  layers.forEach((layer, i) => { x = applyLayer(tf, layer, x, `${prefix}.${i}`, bindings, state); });
  return x;
}

function applyLayer(tf, layer, x, name, bindings, state) {
  switch (layer.type) {
    case 'conv2d': return conv(tf, x, name, layer.out, layer.kernel, layer.stride, layer.padding, layer.bias, bindings);
    case 'batchnorm2d': return batchNorm(tf, x, name, layer.epsilon, layer.momentum, bindings);
    case 'relu': return tf.layers.reLU().apply(x);
    case 'maxpool2d':
      // No padding and floor mode in the spec: Keras 'valid'.
      return tf.layers.maxPooling2d({ poolSize: layer.kernel, strides: layer.stride, padding: 'valid' }).apply(x);
    case 'globalavgpool': return tf.layers.globalAveragePooling2d({}).apply(x);
    case 'flatten': {
      const [, h, w, c] = x.shape;
      // Remembered until the next dense layer, whose rows are then permuted from C,H,W to H,W,C order.
      state.flattened = { channels: c, height: h, width: w };
      return tf.layers.flatten().apply(x);
    }
    case 'linear': {
      const dense = tf.layers.dense({ units: layer.out, useBias: layer.bias });
      const y = dense.apply(x);
      bindings.push({ kind: 'dense', name, layer: dense, bias: layer.bias, flattened: state.flattened });
      state.flattened = null;
      return y;
    }
    case 'dropout': return tf.layers.dropout({ rate: layer.p }).apply(x);
    case 'residual': return residual(tf, layer, x, name, bindings, state);
    default: throw new Error(`the TensorFlow.js worker has no mapping for layer type '${layer.type}'`);
  }
}

function conv(tf, x, name, filters, kernel, stride, padding, bias, bindings) {
  // PyTorch pads symmetrically by `padding`; Keras 'same' only matches that for stride 1 and odd kernels, so the
  // padding is always explicit and the convolution 'valid'.
  if (padding > 0) x = tf.layers.zeroPadding2d({ padding }).apply(x);
  const layer = tf.layers.conv2d({ filters, kernelSize: kernel, strides: stride, padding: 'valid', useBias: bias });
  bindings.push({ kind: 'conv', name, layer, bias });
  return layer.apply(x);
}

function batchNorm(tf, x, name, epsilon, momentum, bindings) {
  const layer = tf.layers.batchNormalization({ axis: -1, epsilon, momentum: kerasBatchNormMomentum(momentum) });
  bindings.push({ kind: 'bn', name, layer });
  return layer.apply(x);
}

function residual(tf, block, x, name, bindings, state) {
  const body = applyLayers(tf, block.body, x, `${name}.body`, bindings, state);
  let shortcut = x;
  if (block.shortcut === 'projection') {
    const stride = block.body.reduce((s, l) => s * (l.type === 'conv2d' || l.type === 'maxpool2d' ? l.stride : 1), 1);
    shortcut = conv(tf, x, `${name}.shortcut.conv`, body.shape[3], 1, stride, 0, false, bindings);
    // The spec fixes the projection's batch norm at PyTorch's defaults.
    shortcut = batchNorm(tf, shortcut, `${name}.shortcut.bn`, 1e-5, 0.1, bindings);
  }
  return tf.layers.reLU().apply(tf.layers.add().apply([body, shortcut]));
}

/** The Keras weight arrays of every bound layer, in canonical values converted to TensorFlow layout (kept for reset). */
function convertWeights(tf, bindings, tensors) {
  const take = (name) => {
    const t = tensors.get(name);
    if (!t) throw new Error(`the weight file has no tensor '${name}'`);
    return t;
  };
  return bindings.map((b) => {
    const values = [];
    if (b.kind === 'conv') {
      const w = take(`${b.name}.weight`);
      const [o, i, kh, kw] = w.shape;
      values.push(tf.tensor4d(convKernelToHwio(w.data, w.shape), [kh, kw, i, o]));
      if (b.bias) values.push(tf.tensor1d(take(`${b.name}.bias`).data));
    } else if (b.kind === 'dense') {
      const w = take(`${b.name}.weight`);
      const [o, i] = w.shape;
      values.push(tf.tensor2d(denseKernelToInOut(w.data, w.shape, b.flattened), [i, o]));
      if (b.bias) values.push(tf.tensor1d(take(`${b.name}.bias`).data));
    } else {
      for (const part of ['weight', 'bias', 'running_mean', 'running_var']) values.push(tf.tensor1d(take(`${b.name}.${part}`).data));
    }
    return { layer: b.layer, values };
  });
}

/**
 * Every bound layer's current weights in canonical layout and names (convertWeights in reverse), read back with
 * await data(): WebGPU has no synchronous readback.
 */
async function exportWeights(bindings) {
  const tensors = new Map();
  for (const b of bindings) {
    const values = b.layer.getWeights();
    const read = async (i) => ({ shape: values[i].shape, data: Float32Array.from(await values[i].data()) });
    if (b.kind === 'conv') {
      const w = await read(0);
      const [kh, kw, i, o] = w.shape;
      tensors.set(`${b.name}.weight`, { shape: [o, i, kh, kw], data: convKernelFromHwio(w.data, w.shape) });
      if (b.bias) tensors.set(`${b.name}.bias`, await read(1));
    } else if (b.kind === 'dense') {
      const w = await read(0);
      const [i, o] = w.shape;
      tensors.set(`${b.name}.weight`, { shape: [o, i], data: denseKernelFromInOut(w.data, w.shape, b.flattened) });
      if (b.bias) tensors.set(`${b.name}.bias`, await read(1));
    } else {
      const parts = ['weight', 'bias', 'running_mean', 'running_var'];
      for (let k = 0; k < parts.length; k++) tensors.set(`${b.name}.${parts[k]}`, await read(k));
    }
  }
  return tensors;
}

module.exports = { buildModel, convertWeights, exportWeights };
