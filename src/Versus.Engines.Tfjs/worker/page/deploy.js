'use strict';
// The page half of browser-probe.js. Times are taken here, with performance.now() (cross-origin isolated: 5 us).
(function () {
  async function floats(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`fetching ${url} failed: HTTP ${response.status}`);
    return new Float32Array(await response.arrayBuffer());
  }

  /** Warm-up for warmupMs, then batch-1 runs until budgetMs is spent or maxSamples are taken. */
  async function sample(runOne, count, o) {
    let i = 0;
    const warmEnd = performance.now() + o.warmupMs;
    while (performance.now() < warmEnd) await runOne(i++ % count);
    const samples = [];
    const end = performance.now() + o.budgetMs;
    while (performance.now() < end && samples.length < o.maxSamples) {
      const start = performance.now();
      await runOne(i++ % count);
      samples.push(performance.now() - start);
    }
    return samples;
  }

  async function tfjs(o) {
    await tf.ready();
    // A graph's custom layers (hard-swish, padded pooling, ...) must be registered before the model is rebuilt.
    versusRequire('./custom-layers').customLayers(tf);
    const { height: H, width: W, channels: C } = o.shape;
    const per = H * W * C;
    const images = await floats('/images-nhwc');
    let start = performance.now();
    const model = await tf.loadLayersModel('/tfjs-model/model.json');
    const loadMs = performance.now() - start;
    start = performance.now();
    const logits = tf.tidy(() => Array.from(model.predict(tf.tensor4d(images, [o.count, H, W, C])).dataSync()));
    const firstBatchMs = performance.now() - start;
    const one = (n) => tf.tidy(() => model.predict(tf.tensor4d(images.subarray(n * per, (n + 1) * per), [1, H, W, C])).dataSync());
    const samples = await sample(async (n) => one(n), o.count, o);
    const backend = tf.getBackend();
    let renderer = null;
    try {
      if (backend === 'webgl') renderer = versusGpu.webgl().webglRenderer;
    } catch {
      // The renderer labels the figures; they stand without it.
    }
    model.dispose();
    return { runtime: `TensorFlow.js ${tf.version.tfjs}`, backend, renderer, loadMs, firstBatchMs, logits, samples };
  }

  async function ort(o) {
    const runtime = window.ort;
    runtime.env.wasm.wasmPaths = '/ort/';
    // Threads need a cross-origin isolated page (SharedArrayBuffer); this one is.
    runtime.env.wasm.numThreads = self.crossOriginIsolated ? o.threads : 1;
    const { height: H, width: W, channels: C } = o.shape;
    const per = H * W * C;
    const images = await floats('/images-nchw');
    let start = performance.now();
    const session = await runtime.InferenceSession.create('/model.onnx', { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    const loadMs = performance.now() - start;
    const input = session.inputNames[0];
    const output = session.outputNames[0];
    start = performance.now();
    const batch = await session.run({ [input]: new runtime.Tensor('float32', images, [o.count, C, H, W]) });
    const logits = Array.from(batch[output].data);
    const firstBatchMs = performance.now() - start;
    const one = async (n) => (await session.run({ [input]: new runtime.Tensor('float32', images.slice(n * per, (n + 1) * per), [1, C, H, W]) }))[output].data;
    const samples = await sample(one, o.count, o);
    await session.release();
    return { runtime: `onnxruntime-web ${runtime.env.versions ? runtime.env.versions.web : ''}`.trim(), backend: 'wasm', threads: runtime.env.wasm.numThreads, simd: String(runtime.env.wasm.simd !== false), loadMs, firstBatchMs, logits, samples };
  }

  window.versusDeploy = { tfjs, ort };
})();
