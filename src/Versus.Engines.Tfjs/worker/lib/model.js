'use strict';
// Builds a Keras (tf.layers) functional model from the resolved spec's graph (docs/model-spec.md, "Graphs"; a layer
// sequence arrives lowered to one), node by node in channels-last layout, and records which canonical parameter names
// feed which Keras layer. Every Keras layer is named after its node (helpers after `{node}.{part}`, which no other node
// can be named: no node name is a prefix path of another's).
const { kerasBatchNormMomentum } = require('./layout');
const { customLayers } = require('./custom-layers');
const { poolOverhang } = require('./pool-geometry');
const { convertWeights, exportWeights } = require('./weights');

// Elementwise operations: a flat vector keeps its element order through them.
const ELEMENTWISE = new Set(['relu', 'clip', 'leakyrelu', 'sigmoid', 'hardswish', 'dropout']);

function buildModel(tf, spec) {
  if (!spec.graph || !Array.isArray(spec.graph.nodes)) throw new Error('the spec has no "graph" of nodes; the TensorFlow.js worker builds networks from the resolved graph form');
  const builder = new GraphBuilder(tf, customLayers(tf));
  const input = tf.input({ shape: [spec.input.height, spec.input.width, spec.input.channels], name: 'input' });
  const values = new Map([['input', { tensor: input, flat: null }]]);
  let previous = 'input';
  for (const node of topologicalOrder(spec.graph.nodes)) {
    const inputs = (node.inputs || [previous]).map((name) => {
      if (!values.has(name)) throw new Error(`node '${node.name}' reads '${name}', which is not a node of the graph`);
      return values.get(name);
    });
    values.set(node.name, builder.apply(node, inputs));
    previous = node.name;
  }
  const outputName = spec.graph.output || previous;
  if (!values.has(outputName)) throw new Error(`the graph's output '${outputName}' is not a node of the graph`);
  const output = builder.canonical(values.get(outputName), `${kerasName(outputName)}.chw`);
  const model = tf.model({ inputs: input, outputs: output, name: spec.id.replace(/[^A-Za-z0-9_]/g, '_') });
  return { model, bindings: builder.bindings };
}

/** Nodes with every input before its reader (the resolved spec is ordered already; a hand-written one may not be). */
function topologicalOrder(nodes) {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const state = new Map();
  const ordered = [];
  const visit = (node, previous) => {
    if (state.get(node.name) === 'done') return;
    if (state.get(node.name) === 'active') throw new Error(`the graph has a cycle through node '${node.name}'`);
    state.set(node.name, 'active');
    for (const name of node.inputs || (previous ? [previous] : [])) if (byName.has(name)) visit(byName.get(name), null);
    state.set(node.name, 'done');
    ordered.push(node);
  };
  nodes.forEach((node, i) => visit(node, i > 0 && !node.inputs ? nodes[i - 1].name : null));
  return ordered;
}

/** Keras layer names must start with a letter or digit; node names may start with '_'. */
function kerasName(name) {
  return /^[A-Za-z0-9]/.test(name) ? name : `n${name}`;
}

/**
 * Applies graph nodes as Keras layers. A value is { tensor, flat }: `flat` = {channels, height, width} when the tensor
 * is a vector holding a C x H x W map in TensorFlow's H, W, C order (a flatten, possibly through elementwise nodes), so
 * that the dense layer reading it permutes its rows instead of the data (layout.js).
 */
class GraphBuilder {
  constructor(tf, custom) {
    this.tf = tf;
    this.custom = custom;
    this.bindings = [];
  }

  apply(node, inputs) {
    const tf = this.tf;
    const [x] = inputs;
    const name = kerasName(node.name);
    const image = () => {
      if (x.tensor.shape.length !== 4) throw new Error(`node '${node.name}' (${node.op}) needs an image input but gets a vector`);
      return x.tensor;
    };
    const same = (tensor) => ({ tensor, flat: null });
    switch (node.op) {
      case 'conv2d': return same(this.conv(node, name, image()));
      case 'batchnorm2d': {
        const layer = tf.layers.batchNormalization({ axis: -1, epsilon: node.epsilon, momentum: kerasBatchNormMomentum(node.momentum), name });
        this.bindings.push({ kind: 'bn', name: node.name, layer });
        return same(layer.apply(image()));
      }
      case 'maxpool2d': return same(this.maxPool(node, name, image()));
      case 'avgpool2d': return same(this.avgPool(node, name, image()));
      case 'globalavgpool': return same(tf.layers.globalAveragePooling2d({ name }).apply(image()));
      case 'flatten': {
        if (x.tensor.shape.length === 2) return x; // already flat: nothing moves
        const [, height, width, channels] = x.tensor.shape;
        const flat = height * width === 1 || channels === 1 ? null : { channels, height, width };
        return { tensor: tf.layers.flatten({ name }).apply(x.tensor), flat };
      }
      case 'linear': {
        if (x.tensor.shape.length !== 2) throw new Error(`node '${node.name}' (linear) needs a flat input but gets an image`);
        const layer = tf.layers.dense({ units: node.out, useBias: node.bias, name });
        this.bindings.push({ kind: 'dense', name: node.name, layer, bias: node.bias, flattened: x.flat });
        return same(layer.apply(x.tensor));
      }
      case 'add': {
        const flat = inputs.every((v) => sameFlat(v.flat, x.flat)) ? x.flat : null;
        const tensors = flat ? inputs.map((v) => v.tensor) : inputs.map((v, i) => this.canonical(v, `${name}.chw${i}`));
        return { tensor: tf.layers.add({ name }).apply(tensors), flat };
      }
      case 'concat':
        if (inputs.some((v) => v.tensor.shape.length !== 4)) throw new Error(`node '${node.name}' (concat) joins images along channels, but an input is a vector`);
        return same(tf.layers.concatenate({ axis: -1, name }).apply(inputs.map((v) => v.tensor)));
      default:
        if (ELEMENTWISE.has(node.op)) return { tensor: this.elementwise(node, name, x.tensor), flat: x.flat };
        throw new Error(`the TensorFlow.js worker has no mapping for op '${node.op}' (node '${node.name}')`);
    }
  }

  elementwise(node, name, x) {
    const tf = this.tf;
    switch (node.op) {
      case 'relu': return tf.layers.reLU({ name }).apply(x);
      case 'clip':
        // ReLU6 and every 0..max clip are Keras' ReLU with a ceiling; any other floor needs the custom layer.
        if (node.min === 0) return tf.layers.reLU({ maxValue: node.max, name }).apply(x);
        return new this.custom.VersusClip({ min: node.min, max: node.max, name }).apply(x);
      case 'leakyrelu': return tf.layers.leakyReLU({ alpha: node.alpha, name }).apply(x);
      case 'sigmoid': return tf.layers.activation({ activation: 'sigmoid', name }).apply(x);
      case 'hardswish': return new this.custom.VersusHardSwish({ name }).apply(x);
      case 'dropout': return tf.layers.dropout({ rate: node.p, name }).apply(x);
      default: throw new Error(`'${node.op}' is not elementwise`);
    }
  }

  /**
   * PyTorch pads by explicit amounts (possibly asymmetric); Keras 'same' matches that only for stride 1 and odd
   * kernels, so padding is always an explicit zeroPadding2d and the convolution 'valid'. Groups: 1 is conv2d, the input
   * channels is depthwiseConv2d (depthMultiplier = out / in), anything else one conv2d per group on a channel slice,
   * concatenated in group order (PyTorch's output channel order).
   */
  conv(node, name, x) {
    const tf = this.tf;
    const [top, left, bottom, right] = sides(node);
    if (top || left || bottom || right) x = tf.layers.zeroPadding2d({ padding: [[top, bottom], [left, right]], name: `${name}.pad` }).apply(x);
    const inChannels = x.shape[3];
    const groups = node.groups || 1;
    const strided = node.stride.some((s) => s > 1);
    const dilated = node.dilation.some((d) => d > 1);
    // TensorFlow.js takes a stride or a dilation above 1, never both: such a convolution runs at stride 1, subsampled.
    const strides = strided && dilated ? [1, 1] : node.stride;
    const common = { kernelSize: node.kernel, strides, dilationRate: node.dilation, padding: 'valid', useBias: node.bias };
    let y;
    if (groups === 1) {
      const layer = tf.layers.conv2d({ ...common, filters: node.out, name });
      this.bindings.push({ kind: 'conv', name: node.name, layer, bias: node.bias });
      y = layer.apply(x);
    } else if (groups === inChannels) {
      const layer = tf.layers.depthwiseConv2d({ ...common, depthMultiplier: node.out / inChannels, name });
      this.bindings.push({ kind: 'depthwise', name: node.name, layer, bias: node.bias, inChannels });
      y = layer.apply(x);
    } else {
      const per = inChannels / groups;
      const parts = [];
      for (let g = 0; g < groups; g++) {
        const slice = new this.custom.VersusChannelSlice({ begin: g * per, size: per, name: `${name}.slice${g}` }).apply(x);
        const layer = tf.layers.conv2d({ ...common, filters: node.out / groups, name: `${name}.group${g}` });
        this.bindings.push({ kind: 'group', name: node.name, layer, bias: node.bias, groups, group: g });
        parts.push(layer.apply(slice));
      }
      y = tf.layers.concatenate({ axis: -1, name }).apply(parts);
    }
    if (strided && dilated) y = new this.custom.VersusSubsample2D({ stride: node.stride, name: `${name}.stride` }).apply(y);
    return y;
  }

  /** Max pooling pads with minus infinity (never zeros), plus ceil mode's overhang at the bottom/right, then pools 'valid'. */
  maxPool(node, name, x) {
    const tf = this.tf;
    const [top, left, bottom, right] = sides(node);
    const [extraBottom, extraRight] = overhang(node, x);
    if (top || left || bottom + extraBottom || right + extraRight) {
      const padding = [[top, bottom + extraBottom], [left, right + extraRight]];
      x = new this.custom.VersusMinusInfinityPadding2D({ padding, name: `${name}.pad` }).apply(x);
    }
    return tf.layers.maxPooling2d({ poolSize: node.kernel, strides: node.stride, padding: 'valid', name }).apply(x);
  }

  /** Keras' 'valid' average where it is exact (no padding, no overhang), else VersusAvgPool2D with its divisors. */
  avgPool(node, name, x) {
    const extra = overhang(node, x);
    if (sides(node).every((p) => p === 0) && extra.every((p) => p === 0))
      return this.tf.layers.averagePooling2d({ poolSize: node.kernel, strides: node.stride, padding: 'valid', name }).apply(x);
    return new this.custom.VersusAvgPool2D({
      kernel: node.kernel, stride: node.stride, padding: node.padding, overhang: extra, ceil: !!node.ceil,
      countIncludePad: !!node.countIncludePad, name,
    }).apply(x);
  }

  /** The value in PyTorch's element order: a flat H, W, C vector goes back to C, H, W (reshape, permute, flatten). */
  canonical(value, name) {
    if (!value.flat) return value.tensor;
    const tf = this.tf;
    const { channels, height, width } = value.flat;
    const map = tf.layers.reshape({ targetShape: [height, width, channels], name: `${name}.map` }).apply(value.tensor);
    const chw = tf.layers.permute({ dims: [3, 1, 2], name: `${name}.permute` }).apply(map);
    return tf.layers.flatten({ name }).apply(chw);
  }
}

/** Ceil mode's extra padding at the bottom and right: [rows, columns]. */
function overhang(node, x) {
  const [top, left, bottom, right] = sides(node);
  return [
    poolOverhang(x.shape[1], top, bottom, node.kernel[0], node.stride[0], !!node.ceil),
    poolOverhang(x.shape[2], left, right, node.kernel[1], node.stride[1], !!node.ceil),
  ];
}

/** The node's padding as [top, left, bottom, right]: the resolved spec always writes it so ("same" is resolved in .NET). */
function sides(node) {
  const p = node.padding;
  if (!Array.isArray(p) || p.length !== 4) throw new Error(`node '${node.name}' has padding ${JSON.stringify(p)}; the worker needs the resolved [top, left, bottom, right]`);
  return p;
}

function sameFlat(a, b) {
  if (!a || !b) return a === b;
  return a.channels === b.channels && a.height === b.height && a.width === b.width;
}

module.exports = { buildModel, convertWeights, exportWeights };
