'use strict';
// The canonical weights (PyTorch layout, by parameter name) as the Keras weight arrays of every layer the graph
// builder bound (lib/model.js), converted by lib/layout.js; kept by the engine for reset.
const {
  convKernelToHwio, depthwiseKernelToHwim, groupKernelToHwio, denseKernelToInOut, convKernelFromHwio, depthwiseKernelFromHwim, denseKernelFromInOut,
} = require('./layout');

/** [{ layer, values }]: the tensors to hand each bound layer's setWeights, in Keras' weight order. */
function convertWeights(tf, bindings, tensors) {
  const take = (name) => {
    const t = tensors.get(name);
    if (!t) throw new Error(`the weight file has no tensor '${name}'`);
    return t;
  };
  return bindings.map((b) => ({ layer: b.layer, values: checked(b, () => KINDS[b.kind](tf, b, take)) }));
}

/**
 * A tensor of the wrong shape fails here, naming it, rather than deep inside Keras' setWeights or a layout transpose
 * with a message that names neither the node nor the tensor.
 */
function checked(b, convert) {
  const names = b.kind === 'bn' ? ['weight', 'bias', 'running_mean', 'running_var'] : ['weight', 'bias'];
  let values;
  try {
    values = convert();
  } catch (e) {
    if (/has no tensor/.test(e.message)) throw e;
    throw new Error(`the weight file's '${b.name}.weight' does not fit node '${b.name}' of the graph: ${e.message}`);
  }
  values.forEach((v, k) => {
    const expected = b.layer.weights[k] && b.layer.weights[k].shape;
    if (expected && (v.shape.length !== expected.length || v.shape.some((d, j) => d !== expected[j]))) {
      throw new Error(`the weight file's '${b.name}.${names[k]}' does not fit node '${b.name}' of the graph ` +
        `(converted to [${v.shape}], the layer holds [${expected}])`);
    }
  });
  return values;
}

const KINDS = {
  conv(tf, b, take) {
    const w = take(`${b.name}.weight`);
    const [o, i, kh, kw] = w.shape;
    return withBias(tf, b, take, tf.tensor4d(convKernelToHwio(w.data, w.shape), [kh, kw, i, o]));
  },
  depthwise(tf, b, take) {
    const w = take(`${b.name}.weight`);
    const [o, , kh, kw] = w.shape;
    return withBias(tf, b, take, tf.tensor4d(depthwiseKernelToHwim(w.data, w.shape, b.inChannels), [kh, kw, b.inChannels, o / b.inChannels]));
  },
  group(tf, b, take) {
    const w = take(`${b.name}.weight`);
    const [o, i, kh, kw] = w.shape;
    const per = o / b.groups;
    const values = [tf.tensor4d(groupKernelToHwio(w.data, w.shape, b.groups, b.group), [kh, kw, i, per])];
    if (b.bias) values.push(tf.tensor1d(take(`${b.name}.bias`).data.subarray(b.group * per, (b.group + 1) * per)));
    return values;
  },
  dense(tf, b, take) {
    const w = take(`${b.name}.weight`);
    const [o, i] = w.shape;
    return withBias(tf, b, take, tf.tensor2d(denseKernelToInOut(w.data, w.shape, b.flattened), [i, o]));
  },
  bn(tf, b, take) {
    // weight, bias, running_mean, running_var are Keras' gamma, beta, moving_mean, moving_variance: same values.
    return ['weight', 'bias', 'running_mean', 'running_var'].map((part) => tf.tensor1d(take(`${b.name}.${part}`).data));
  },
};

function withBias(tf, b, take, kernel) {
  return b.bias ? [kernel, tf.tensor1d(take(`${b.name}.bias`).data)] : [kernel];
}

/**
 * Every bound layer's current weights in canonical layout and names (convertWeights in reverse), read back with
 * await data(): WebGPU has no synchronous readback. A grouped convolution's per-group layers are put back together
 * in group order, PyTorch's output channel order.
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
    } else if (b.kind === 'depthwise') {
      const w = await read(0);
      const [kh, kw, i, m] = w.shape;
      tensors.set(`${b.name}.weight`, { shape: [i * m, 1, kh, kw], data: depthwiseKernelFromHwim(w.data, w.shape) });
      if (b.bias) tensors.set(`${b.name}.bias`, await read(1));
    } else if (b.kind === 'group') {
      const w = await read(0);
      const [kh, kw, i, per] = w.shape;
      const out = per * b.groups;
      if (!tensors.has(`${b.name}.weight`)) {
        tensors.set(`${b.name}.weight`, { shape: [out, i, kh, kw], data: new Float32Array(out * i * kh * kw) });
        if (b.bias) tensors.set(`${b.name}.bias`, { shape: [out], data: new Float32Array(out) });
      }
      tensors.get(`${b.name}.weight`).data.set(convKernelFromHwio(w.data, w.shape), b.group * per * i * kh * kw);
      if (b.bias) tensors.get(`${b.name}.bias`).data.set((await read(1)).data, b.group * per);
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

module.exports = { convertWeights, exportWeights };
