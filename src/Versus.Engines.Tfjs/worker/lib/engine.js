'use strict';
// One workload on TensorFlow.js: model, shared initial weights, data, optimizer, and the per-step calls the protocol
// times. Every call returns only once its result is read back (await data(): WebGPU has no synchronous readback, and
// its dataSync() returns zeros without waiting), so the timings are honest. It touches no
// Node API: the Node host (lib/workload.js) and the Chromium host (page/host.js) load the data and weights and hand
// them over.
const { buildModel, convertWeights, exportWeights } = require('./model');
const { epochOrder } = require('./random');

// The order training warm-up uses, as WorkerSession.Warmup: a fixed seed unrelated to the run's.
const WARMUP_SEED = 0xC0FFEE;

class TfjsEngine {
  constructor(tf) {
    this.tf = tf;
    this.inferCursor = 0;
    this.orderEpoch = -1;
  }

  /**
   * Builds the model from the resolved spec and sets the initial weights. `train` and `test` hold channels-last float
   * images ({ images, labels, count }); `tensors` the canonical weights by name.
   */
  prepare({ spec, train, test, tensors }) {
    this.release();
    this.spec = spec;
    this.train = train;
    this.test = test;
    const shape = spec.input;
    this.imageSize = shape.channels * shape.height * shape.width;
    const start = performance.now();
    const { model, bindings } = buildModel(this.tf, spec);
    this.model = model;
    this.bindings = bindings;
    this.initial = convertWeights(this.tf, bindings, tensors);
    this.reset();
    const buildMs = performance.now() - start;
    return { buildMs, trainCount: train.count, testCount: test.count };
  }

  /**
   * Replaces the weights and running statistics with `tensors` (canonical, by name), as if prepared with them: reset
   * returns to them. Converted in full before the old ones are let go, so a file that does not fit changes nothing.
   */
  load({ tensors }) {
    this.requireModel();
    const start = performance.now();
    const converted = convertWeights(this.tf, this.bindings, tensors);
    for (const { values } of this.initial) values.forEach((v) => v.dispose());
    this.initial = converted;
    this.reset();
    return { buildMs: performance.now() - start };
  }

  /** The current state in canonical layout: name -> { shape, data }, the names and order of the weight file. */
  async exportWeights() {
    this.requireModel();
    return exportWeights(this.bindings);
  }

  reset() {
    this.requireModel();
    for (const { layer, values } of this.initial) layer.setWeights(values);
    if (this.optimizer) this.optimizer.dispose();
    this.optimizer = this.createOptimizer();
  }

  createOptimizer() {
    const t = this.spec.training;
    // tf.train.momentum is PyTorch's SGD (dampening 0): accum = momentum * accum + g; w -= lr * accum.
    if (t.optimizer === 'sgd') return this.tf.train.momentum(t.learningRate, t.momentum, false);
    // tfjs Adam divides the bias-corrected moments like PyTorch: w -= lr * m_hat / (sqrt(v_hat) + epsilon).
    if (t.optimizer === 'adam') return this.tf.train.adam(t.learningRate, t.beta1, t.beta2, t.epsilon);
    throw new Error(`the TensorFlow.js worker has no optimizer '${t.optimizer}'`);
  }

  /** One optimizer step on the training images at `indices`, in that order; returns the mean cross-entropy. */
  async trainStep(indices) {
    const tf = this.tf;
    this.requireModel();
    const cost = tf.tidy(() => {
      const [x, y] = this.batch(this.train, indices, true);
      const variables = this.model.trainableWeights.map((w) => w.read());
      return this.optimizer.minimize(() => crossEntropy(tf, this.model.apply(x, { training: true }), y), true, variables);
    });
    const loss = (await cost.data())[0];
    cost.dispose();
    return loss;
  }

  async warmup(args) {
    const ms = [];
    if (args.kind === 'train') {
      const order = epochOrder(WARMUP_SEED, 0, this.train.count);
      // Whole batches only, wrapping within the epoch as WorkerSession does: time-based warm-up can outlast an epoch.
      const steps = Math.max(1, Math.floor(this.train.count / args.batch));
      for (let i = 0; i < args.iterations; i++) ms.push(await time(() => this.trainStep(slice(order, (i % steps) * args.batch, args.batch))));
      this.reset();
    } else {
      for (let i = 0; i < args.iterations; i++) {
        const indices = this.nextTestBatch(args.batch);
        ms.push(await time(() => this.infer(indices)));
      }
    }
    return { ms };
  }

  /**
   * `iterations` n x n fp32 matrix products, each timed with its read-back: a GPU backend has finished only when the
   * values are back (the same rule as every other timed call here). Operands are kept between calls of one size.
   */
  async matmul(args) {
    const tf = this.tf;
    const n = args.size | 0;
    if (!(n >= 1)) throw new Error(`a matrix product needs a size of at least 1, not ${args.size}`);
    if (this.matmulSize !== n) {
      if (this.operands) this.operands.forEach((t) => t.dispose());
      this.operands = [tf.randomUniform([n, n], 0, 1, 'float32', 1), tf.randomUniform([n, n], 0, 1, 'float32', 2)];
      this.matmulSize = n;
    }
    const ms = [];
    for (let i = 0; i < args.iterations; i++) {
      const start = performance.now();
      const product = tf.matMul(this.operands[0], this.operands[1]);
      await product.data();
      ms.push(performance.now() - start);
      product.dispose();
    }
    return { ms };
  }

  async trainSteps(args) {
    const batch = this.spec.training.batchSize;
    if (this.orderEpoch !== args.epoch) {
      this.order = epochOrder(args.seed >>> 0, args.epoch, this.train.count);
      this.orderEpoch = args.epoch;
    }
    const stepsPerEpoch = Math.floor(this.train.count / batch);
    if (args.firstStep < 0 || args.firstStep + args.steps > stepsPerEpoch)
      throw new Error(`steps ${args.firstStep}..${args.firstStep + args.steps} are outside the epoch's ${stepsPerEpoch} steps`);
    const stepMs = [];
    const losses = [];
    for (let i = 0; i < args.steps; i++) {
      const indices = slice(this.order, (args.firstStep + i) * batch, batch);
      const start = performance.now();
      losses.push(await this.trainStep(indices));
      stepMs.push(performance.now() - start);
    }
    return { stepMs, losses };
  }

  /** The logits of the test images at `indices`, read back. */
  async infer(indices) {
    this.requireModel();
    const y = this.tf.tidy(() => this.model.predict(this.batch(this.test, indices, false)[0]));
    const values = await y.data();
    y.dispose();
    return values;
  }

  async inferTimed(args) {
    const ms = [];
    for (let i = 0; i < args.iterations; i++) {
      const indices = this.nextTestBatch(args.batch);
      ms.push(await time(() => this.infer(indices)));
    }
    return { ms };
  }

  async predict(args) {
    const start = performance.now();
    const logits = Array.from(await this.infer(args.indices));
    return { logits, ms: performance.now() - start };
  }

  async evaluate(args) {
    const tf = this.tf;
    this.requireModel();
    const count = this.test.count;
    if (count === 0) throw new Error('the dataset has no test images to evaluate on');
    const start = performance.now();
    let lossSum = 0;
    let correct = 0;
    for (let first = 0; first < count; first += args.batchSize) {
      const indices = [];
      for (let i = first; i < Math.min(first + args.batchSize, count); i++) indices.push(i);
      const both = tf.tidy(() => {
        const [x, y] = this.batch(this.test, indices, true);
        const logits = this.model.predict(x);
        const loss = tf.mul(crossEntropy(tf, logits, y), indices.length);
        const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32'));
        return tf.stack([loss, hits]);
      });
      const [l, c] = await both.data();
      both.dispose();
      lossSum += l;
      correct += c;
    }
    return { accuracy: correct / count, loss: lossSum / count, ms: performance.now() - start };
  }

  /** Images (N x H x W x C) and, when asked, one-hot labels for the images at `indices`. */
  batch(set, indices, withLabels) {
    const tf = this.tf;
    const size = this.imageSize;
    const images = new Float32Array(indices.length * size);
    indices.forEach((index, i) => {
      if (!(index >= 0 && index < set.count)) throw new Error(`index ${index} is outside the set's ${set.count} images`);
      images.set(set.images.subarray(index * size, (index + 1) * size), i * size);
    });
    const { height, width, channels } = this.spec.input;
    const x = tf.tensor4d(images, [indices.length, height, width, channels]);
    if (!withLabels) return [x];
    const labels = Int32Array.from(indices, (index) => set.labels[index]);
    return [x, tf.oneHot(tf.tensor1d(labels, 'int32'), this.spec.classes)];
  }

  nextTestBatch(batch) {
    const indices = [];
    for (let i = 0; i < batch; i++) indices.push(this.inferCursor++ % this.test.count);
    return indices;
  }

  requireModel() {
    if (!this.model) throw new Error("send 'prepare' first: no model is built");
  }

  release() {
    if (this.optimizer) this.optimizer.dispose();
    if (this.model) this.model.dispose();
    if (this.initial) for (const { values } of this.initial) values.forEach((v) => v.dispose());
    if (this.operands) this.operands.forEach((t) => t.dispose());
    this.optimizer = this.model = this.initial = this.operands = this.bindings = null;
    this.matmulSize = 0;
    this.orderEpoch = -1;
  }
}

/** Mean softmax cross-entropy on logits, PyTorch's F.cross_entropy. */
function crossEntropy(tf, logits, oneHot) {
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1)));
}

function slice(order, start, count) {
  const from = start % order.length;
  return Array.from(order.subarray(from, Math.min(from + count, order.length)));
}

async function time(action) {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

module.exports = { TfjsEngine };
