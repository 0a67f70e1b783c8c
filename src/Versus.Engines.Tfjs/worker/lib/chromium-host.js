'use strict';
// The chromium host: TensorFlow.js runs in a headless Chromium page (webgl, webgpu, cpu or wasm), served from local
// files on 127.0.0.1; this Node process keeps speaking the protocol and forwards each op to the page. Data never
// crosses the pipe per step: 'prepare' stages the dataset and weights once, the page fetches them once.
const path = require('path');
const { launchChromium, startServer, moduleRoute, treePeakRssBytes } = require('./chromium');

const PAGE_DIR = path.join(__dirname, '..', 'page');
const PAGE_MODULES = ['random', 'layout', 'pool-geometry', 'custom-layers', 'weights', 'model', 'safetensors', 'engine'];

function staticRoutes() {
  const tfjsDist = path.dirname(require.resolve('@tensorflow/tfjs/dist/tf.es2017.min.js'));
  const webgpuDist = path.dirname(require.resolve('@tensorflow/tfjs-backend-webgpu/dist/tf-backend-webgpu.es2017.min.js'));
  const wasmDist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.es2017.min.js'));
  const routes = new Map([
    ['/', path.join(PAGE_DIR, 'index.html')],
    ['/loader.js', path.join(PAGE_DIR, 'loader.js')],
    ['/gpu.js', path.join(PAGE_DIR, 'gpu.js')],
    ['/host.js', path.join(PAGE_DIR, 'host.js')],
    // The es2017 bundles: native classes and async, as in the Node host (the ES5 builds run the same kernels slower).
    ['/tf.js', path.join(tfjsDist, 'tf.es2017.min.js')],
    ['/tf-backend-webgpu.js', path.join(webgpuDist, 'tf-backend-webgpu.es2017.min.js')],
    ['/tf-backend-wasm.js', path.join(wasmDist, 'tf-backend-wasm.es2017.min.js')],
  ]);
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'])
    routes.set(`/wasm/${file}`, path.join(wasmDist, file));
  for (const name of PAGE_MODULES) routes.set(`/lib/${name}.js`, moduleRoute(path.join(__dirname, `${name}.js`)));
  return routes;
}

/**
 * Said when the page's WebGL context is lost: TensorFlow.js then polls sync objects of the dead context forever
 * ("clientWaitSync: object does not belong to this context"), so the op in flight fails now instead of at the timeout.
 */
const CONTEXT_LOST = "the page's WebGL context was lost (Chromium reset its GPU process); this worker cannot continue";

const bytesOf = (typed) => ({ bytes: Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength), type: 'application/octet-stream' });

class ChromiumHost {
  static async start(backend, threads) {
    const host = new ChromiumHost();
    host.lost = new Promise((_, reject) => { host.loseContext = () => { host.contextLost = true; reject(new Error(CONTEXT_LOST)); }; });
    host.lost.catch(() => {});
    host.routes = staticRoutes();
    host.server = await startServer(host.routes);
    try {
      // Mesa's llvmpipe (the software GPU behind webgl/webgpu without a real one) sizes its own thread pool: held to
      // the run's thread count, so every engine gets the same cores.
      process.env.LP_NUM_THREADS = String(threads);
      host.launched = await launchChromium(backend);
      host.page = await host.launched.browser.newPage();
      host.page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error(`[chromium] ${m.text()}`); });
      host.page.on('pageerror', (e) => console.error(`[chromium page error] ${e.message}`));
      host.page.on('crash', () => { host.crashed = true; console.error('[chromium] the page crashed'); });
      await host.page.exposeFunction('versusContextLost', () => { console.error(`[chromium] ${CONTEXT_LOST}`); host.loseContext(); });
      await host.page.goto(`${host.server.origin}/`, { waitUntil: 'load', timeout: 60000 });
      host.info = await host.page.evaluate(([b, t]) => window.versusHost.init(b, t), [backend, threads]);
      return host;
    } catch (e) {
      await host.close();
      throw e;
    }
  }

  get details() {
    const { backend, tfjs, ...rest } = this.info;
    return { ...rest, chromium: this.launched.version, chromiumExecutable: this.launched.executablePath, chromiumFlags: this.launched.flags.join(' '), llvmpipeThreads: process.env.LP_NUM_THREADS };
  }

  get tfjsVersion() { return this.info.tfjs; }

  get backend() { return this.info.backend; }

  /** Stages the workload for the page to fetch once, then has the page build the model. */
  async prepare(workload) {
    this.routes.set('/staged/train-images', bytesOf(workload.train.images));
    this.routes.set('/staged/train-labels', bytesOf(workload.train.labels));
    this.routes.set('/staged/test-images', bytesOf(workload.test.images));
    this.routes.set('/staged/test-labels', bytesOf(workload.test.labels));
    this.routes.set('/staged/weights', workload.weightsPath);
    const args = { spec: workload.spec, trainCount: workload.train.count, testCount: workload.test.count };
    return this.call('prepare', args);
  }

  /** Stages another weight file for the page to fetch, then has the page load it into the built model. */
  async load(weightsPath) {
    this.routes.set('/staged/weights', weightsPath);
    return this.call('load', {});
  }

  /** The page's model state in canonical layout, as name -> { shape, data: Float32Array }. */
  async exportWeights() {
    const exported = await this.call('exportWeights', {});
    return new Map(exported.map(({ name, shape, data }) => [name, { shape, data: Float32Array.from(data) }]));
  }

  async call(op, args) {
    if (this.crashed) throw new Error('the Chromium page crashed earlier; this worker cannot continue');
    if (this.contextLost) throw new Error(CONTEXT_LOST);
    return Promise.race([this.page.evaluate(([o, a]) => window.versusHost.call(o, a), [op, args]), this.lost]);
  }

  /**
   * Node plus every Chromium process (browser, renderer, GPU: Playwright starts them as this process's descendants),
   * since the engine's memory lives in the latter. A sum of per-process peaks: an upper bound of the tree's peak.
   */
  peakRssBytes() {
    return treePeakRssBytes(process.pid);
  }

  async close() {
    try {
      if (this.launched) await this.launched.browser.close();
    } finally {
      if (this.server) await this.server.close();
    }
  }
}

module.exports = { ChromiumHost };
