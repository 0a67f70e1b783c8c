'use strict';
// The engine inside Chromium: the worker (lib/chromium-host.js) calls window.versusHost through page.evaluate. Every
// time is taken here with the page's performance.now() (the page is cross-origin isolated: 5 us resolution), so the
// figures are engine time; the worker adds only the round trip, which the harness records separately.
(function () {
  const { TfjsEngine } = versusRequire('./engine');
  const { parseSafetensors } = versusRequire('./safetensors');
  let engine = null;

  async function fetchBytes(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`fetching ${url} from the worker failed: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** What the GPU behind a backend is: the WebGL renderer string, or the WebGPU adapter's description. */
  async function gpuDetails(backend) {
    const details = {};
    if (backend === 'webgl') {
      details.webglVersion = String(tf.env().getNumber('WEBGL_VERSION'));
      Object.assign(details, versusGpu.webgl());
    }
    if (backend === 'webgpu' && navigator.gpu) {
      const adapter = await navigator.gpu.requestAdapter();
      const info = adapter && (adapter.info || (adapter.requestAdapterInfo && await adapter.requestAdapterInfo()));
      if (info) details.webgpuAdapter = [info.vendor, info.architecture, info.device, info.description].filter((s) => s).join(' / ') || 'unnamed adapter';
      if (adapter && adapter.isFallbackAdapter !== undefined) details.webgpuFallbackAdapter = String(adapter.isFallbackAdapter);
    }
    return details;
  }

  /** The float type the backend computes in, read from it: WebGL falls back to 16-bit textures where 32-bit ones cannot render. */
  function floatDtype() {
    const probe = tf.zeros([1]);
    const dtype = probe.dtype;
    probe.dispose();
    if (tf.getBackend() === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) return `${dtype} (float16 textures: WEBGL_RENDER_FLOAT32_ENABLED is false)`;
    return dtype;
  }

  async function init(backend, threads) {
    if (backend === 'wasm') {
      tf.wasm.setWasmPaths('/wasm/');
      if (typeof tf.wasm.setThreadsCount === 'function') tf.wasm.setThreadsCount(threads);
    }
    let ok = false;
    let reason = '';
    try {
      ok = await tf.setBackend(backend);
    } catch (e) {
      reason = `: ${e.message}`;
    }
    if (!ok) throw new Error(`TensorFlow.js backend '${backend}' did not initialise in Chromium${reason || ' (no usable context; see the browser flags and GPU drivers)'}`);
    await tf.ready();
    // A lost context never comes back for the tensors on it: the worker is told at once (lib/chromium-host.js).
    if (tf.getBackend() === 'webgl') tf.backend().gpgpu.gl.canvas.addEventListener('webglcontextlost', () => window.versusContextLost());
    engine = new TfjsEngine(tf);
    return { backend: tf.getBackend(), tfjs: tf.version.tfjs || tf.version['tfjs-core'], dtype: floatDtype(), userAgent: navigator.userAgent, crossOriginIsolated: String(self.crossOriginIsolated), ...(await gpuDetails(backend)) };
  }

  async function prepare(args) {
    const start = performance.now();
    const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
      ['train-images', 'train-labels', 'test-images', 'test-labels'].map((name) => fetchBytes(`/staged/${name}`)));
    // Staged as the raw bytes of the worker's Float32Array images and Int32Array labels (little-endian on both sides).
    const floats = (bytes) => new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const ints = (bytes) => new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const train = { images: floats(trainImages), labels: ints(trainLabels), count: args.trainCount };
    const test = { images: floats(testImages), labels: ints(testLabels), count: args.testCount };
    const fetchMs = performance.now() - start;
    // Reading the weight file (the Node side serves it from disk on this fetch) and parsing it count as model build,
    // as for every engine: fetched apart from the data so its time is not booked as data loading.
    const weightsStart = performance.now();
    const tensors = parseSafetensors(await fetchBytes('/staged/weights'), 'the weight file').tensors;
    const weightsMs = performance.now() - weightsStart;
    const result = engine.prepare({ spec: args.spec, train, test, tensors });
    return { ...result, buildMs: result.buildMs + weightsMs, fetchMs };
  }

  async function load() {
    const start = performance.now();
    const tensors = parseSafetensors(await fetchBytes('/staged/weights'), 'the weight file').tensors;
    const weightsMs = performance.now() - start;
    const result = engine.load({ tensors });
    return { buildMs: result.buildMs + weightsMs };
  }

  /** Plain arrays: what page.evaluate carries back to Node unchanged. */
  async function exportWeights() {
    const tensors = await engine.exportWeights();
    return Array.from(tensors, ([name, t]) => ({ name, shape: t.shape, data: Array.from(t.data) }));
  }

  async function call(op, args) {
    if (!engine) throw new Error("send 'hello' first: no engine is loaded");
    switch (op) {
      case 'prepare': return prepare(args);
      case 'warmup': return engine.warmup(args);
      case 'train': return engine.trainSteps(args);
      case 'evaluate': return engine.evaluate(args);
      case 'infer': return engine.inferTimed(args);
      case 'predict': return engine.predict(args);
      case 'load': return load();
      case 'exportWeights': return exportWeights();
      case 'reset': engine.reset(); return {};
      case 'matmul': return engine.matmul(args);
      default: throw new Error(`Unknown op '${op}'.`);
    }
  }

  window.versusHost = { init, call };
})();
