'use strict';
// The graph operations Keras has no layer for, as tf.layers.Layer subclasses registered with
// tf.serialization.registerClass: a model that uses them saves to the layers-model format and loads again
// (tf.loadLayersModel) wherever this module has been loaded with that TensorFlow.js instance (the browser probe's page
// loads it too). Every config is plain JSON (no infinities: JSON writes them as null).
const { averageScale } = require('./pool-geometry');

const registered = new WeakMap();

/** The custom layer classes for one TensorFlow.js instance, defined and registered once. */
function customLayers(tf) {
  if (!registered.has(tf)) registered.set(tf, define(tf));
  return registered.get(tf);
}

function single(inputs) {
  return Array.isArray(inputs) ? inputs[0] : inputs;
}

function define(tf) {
  /** min(max(x, min), max): the spec's clip where min is not 0 (ReLU6 and other 0..max clips use tf.layers.reLU). */
  class VersusClip extends tf.layers.Layer {
    constructor(config) {
      super(config);
      this.min = config.min;
      this.max = config.max;
    }

    call(inputs) {
      return tf.tidy(() => tf.clipByValue(single(inputs), this.min, this.max));
    }

    getConfig() {
      return { ...super.getConfig(), min: this.min, max: this.max };
    }
  }
  VersusClip.className = 'VersusClip';

  /** x * relu6(x + 3) / 6, as PyTorch's Hardswish. */
  class VersusHardSwish extends tf.layers.Layer {
    call(inputs) {
      return tf.tidy(() => {
        const x = single(inputs);
        return tf.div(tf.mul(x, tf.clipByValue(tf.add(x, 3), 0, 6)), 6);
      });
    }
  }
  VersusHardSwish.className = 'VersusHardSwish';

  /** Pads height and width with minus infinity (max pooling's padding): padding is [[top, bottom], [left, right]]. */
  class VersusMinusInfinityPadding2D extends tf.layers.Layer {
    constructor(config) {
      super(config);
      this.padding = config.padding;
    }

    computeOutputShape(shape) {
      const [[top, bottom], [left, right]] = this.padding;
      const grow = (d, by) => (d == null ? null : d + by);
      return [shape[0], grow(shape[1], top + bottom), grow(shape[2], left + right), shape[3]];
    }

    call(inputs) {
      return tf.tidy(() => tf.pad(single(inputs), [[0, 0], ...this.padding, [0, 0]], -Infinity));
    }

    getConfig() {
      return { ...super.getConfig(), padding: this.padding };
    }
  }
  VersusMinusInfinityPadding2D.className = 'VersusMinusInfinityPadding2D';

  /**
   * Average pooling with explicit (possibly asymmetric) zero padding, ceil mode and either divisor (pool-geometry.js):
   * zero-pad, Keras 'valid' average, then rescale each window from kernel area to its own divisor.
   */
  class VersusAvgPool2D extends tf.layers.Layer {
    constructor(config) {
      super(config);
      for (const key of ['kernel', 'stride', 'padding', 'overhang', 'ceil', 'countIncludePad']) this[key] = config[key];
    }

    build(shape) {
      this.geometry = averageScale({ height: shape[1], width: shape[2] }, this);
      this.built = true;
    }

    computeOutputShape(shape) {
      const g = averageScale({ height: shape[1], width: shape[2] }, this);
      return [shape[0], g.height, g.width, shape[3]];
    }

    call(inputs) {
      return tf.tidy(() => {
        const [top, left, bottom, right] = this.padding;
        const [extraBottom, extraRight] = this.overhang;
        const padded = tf.pad(single(inputs), [[0, 0], [top, bottom + extraBottom], [left, right + extraRight], [0, 0]]);
        const mean = tf.avgPool(padded, this.kernel, this.stride, 'valid');
        const { scale, height, width } = this.geometry;
        return tf.mul(mean, tf.tensor4d(scale, [1, height, width, 1]));
      });
    }

    getConfig() {
      const { kernel, stride, padding, overhang, ceil, countIncludePad } = this;
      return { ...super.getConfig(), kernel, stride, padding, overhang, ceil, countIncludePad };
    }
  }
  VersusAvgPool2D.className = 'VersusAvgPool2D';

  /** Channels begin .. begin + size - 1 of an image: one group of a grouped convolution. */
  class VersusChannelSlice extends tf.layers.Layer {
    constructor(config) {
      super(config);
      this.begin = config.begin;
      this.size = config.size;
    }

    computeOutputShape(shape) {
      return [shape[0], shape[1], shape[2], this.size];
    }

    call(inputs) {
      return tf.tidy(() => tf.slice(single(inputs), [0, 0, 0, this.begin], [-1, -1, -1, this.size]));
    }

    getConfig() {
      return { ...super.getConfig(), begin: this.begin, size: this.size };
    }
  }
  VersusChannelSlice.className = 'VersusChannelSlice';

  /**
   * Every stride-th row and column: a convolution with both a stride and a dilation above 1 (which TensorFlow.js
   * refuses) runs at stride 1 and is subsampled, which selects exactly the strided convolution's windows.
   */
  class VersusSubsample2D extends tf.layers.Layer {
    constructor(config) {
      super(config);
      this.stride = config.stride;
    }

    computeOutputShape(shape) {
      const down = (d, s) => (d == null ? null : Math.ceil(d / s));
      return [shape[0], down(shape[1], this.stride[0]), down(shape[2], this.stride[1]), shape[3]];
    }

    call(inputs) {
      return tf.tidy(() => {
        const x = single(inputs);
        return tf.stridedSlice(x, [0, 0, 0, 0], x.shape, [1, this.stride[0], this.stride[1], 1]);
      });
    }

    getConfig() {
      return { ...super.getConfig(), stride: this.stride };
    }
  }
  VersusSubsample2D.className = 'VersusSubsample2D';

  const classes = { VersusClip, VersusHardSwish, VersusMinusInfinityPadding2D, VersusAvgPool2D, VersusChannelSlice, VersusSubsample2D };
  for (const cls of Object.values(classes)) tf.serialization.registerClass(cls);
  return classes;
}

module.exports = { customLayers };
