'use strict';
// Loads TensorFlow.js with the requested backend and says which one is in force.
//  - 'tensorflow': @tensorflow/tfjs-node (native libtensorflow). Optional: its install downloads libtensorflow, which
//    fails offline, so it is never a dependency; it is used only where someone installed it and it loads.
//  - 'cpu': pure JavaScript kernels from the dist/tf.es2017.js bundle. `require('@tensorflow/tfjs')` in Node resolves
//    to dist/tf.node.js, whose down-levelled code runs the same kernels about 3.5x slower (docs/BRIEF).
//  - 'wasm': XNNPACK kernels (inference only: Conv2DBackpropFilter is not registered, so convolutions cannot train).
//  - 'auto': 'tensorflow' where it loads, else 'cpu'.
const path = require('path');
const Module = require('module');

function loadBundle() {
  return require('@tensorflow/tfjs/dist/tf.es2017.js');
}

/**
 * tfjs-node has no thread setting, but libtensorflow sizes its pools from TF_NUM_INTRAOP_THREADS and
 * TF_NUM_INTEROP_THREADS when it creates them, which happens as the binding loads: they must be set before the first
 * require. Nothing reads the sizes back, so the count is reported as configured, not applied.
 */
function tryLoadNode(threads) {
  process.env.TF_NUM_INTRAOP_THREADS = String(threads);
  process.env.TF_NUM_INTEROP_THREADS = String(threads);
  try {
    return { tf: require('@tensorflow/tfjs-node') };
  } catch (e) {
    return { error: e.message.split('\n')[0] };
  }
}

async function loadWasm(threads) {
  const tf = loadBundle();
  // The wasm backend requires '@tensorflow/tfjs-core'; it must register its kernels with the bundle's engine, not
  // with a second copy of the core, so that module name is answered with the bundle itself.
  const corePath = require.resolve('@tensorflow/tfjs-core');
  const cached = new Module(corePath);
  cached.filename = corePath;
  cached.loaded = true;
  cached.exports = tf;
  require.cache[corePath] = cached;
  // The es2017 build: the default (ES5) one cannot extend the bundle's native KernelBackend class.
  const wasm = require('@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.es2017.js');
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  wasm.setWasmPaths(path.join(wasmDir, 'dist') + path.sep);
  if (typeof wasm.setThreadsCount === 'function') wasm.setThreadsCount(threads);
  await tf.setBackend('wasm');
  await tf.ready();
  const details = { wasmSimd: String(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')), wasmThreads: String(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) };
  const readBack = typeof wasm.getThreadsCount === 'function';
  if (readBack) details.wasmThreadsCount = String(wasm.getThreadsCount());
  return { tf, details, threads: readBack ? wasm.getThreadsCount() : 1, threadControl: readBack ? 'applied' : 'not-controlled' };
}

async function loadTfjs(requested, threads) {
  const details = {};
  if (requested === 'tensorflow' || requested === 'auto') {
    const node = tryLoadNode(threads);
    if (node.tf) {
      await node.tf.setBackend('tensorflow');
      await node.tf.ready();
      const threadsNote = `TF_NUM_INTRAOP_THREADS=${process.env.TF_NUM_INTRAOP_THREADS}, TF_NUM_INTEROP_THREADS=${process.env.TF_NUM_INTEROP_THREADS} set before libtensorflow loaded; not readable back`;
      return { tf: node.tf, backend: 'tensorflow', threads, threadControl: 'configured', details: { ...details, tfjsNode: node.tf.version['tfjs-node'] || 'loaded', threadsNote } };
    }
    if (requested === 'tensorflow') throw new Error(`backend 'tensorflow' needs @tensorflow/tfjs-node, which does not load: ${node.error}`);
    details.tensorflowBackend = `not used: @tensorflow/tfjs-node does not load (${node.error})`;
  }
  if (requested === 'wasm') {
    const wasm = await loadWasm(threads);
    return { tf: wasm.tf, backend: 'wasm', threads: wasm.threads, threadControl: wasm.threadControl, details: { ...details, ...wasm.details } };
  }
  if (requested !== 'cpu' && requested !== 'auto') throw new Error(`unknown backend '${requested}'; use auto, tensorflow, cpu or wasm`);
  const tf = loadBundle();
  await tf.setBackend('cpu');
  await tf.ready();
  // JavaScript kernels run on the main thread only, whatever thread count was asked for.
  return { tf, backend: 'cpu', threads: 1, threadControl: 'not-controlled', details: { ...details, bundle: 'dist/tf.es2017.js' } };
}

/** Null when @tensorflow/tfjs-node loads here, else why not (one line). */
function nativeBackendProblem(threads) {
  const node = tryLoadNode(threads);
  return node.tf ? null : `@tensorflow/tfjs-node does not load (${node.error})`;
}

module.exports = { loadTfjs, nativeBackendProblem };
