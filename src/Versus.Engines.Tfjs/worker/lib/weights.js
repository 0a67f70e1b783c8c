'use strict';
// The canonical weights (PyTorch layout, by parameter name) as the Keras weight arrays of every layer the graph
// builder bound (lib/model.js), converted by lib/layout.js; kept by the engine for reset.
const { convKernelToHwio, depthwiseKernelToHwim, groupKernelToHwio, denseKernelToInOut } = require('./layout');

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

module.exports = { convertWeights };
