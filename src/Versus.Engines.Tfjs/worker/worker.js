'use strict';
// The Versus TensorFlow.js worker: speaks docs/protocol.md (JSON lines over stdio) for one engine on one workload.
// Usage: node worker.js --id ID --host auto|node|chromium --backend BACKEND
//   host auto:     the fastest backend that works here: tensorflow in Node (tfjs-node), else webgl in Chromium, else cpu
//   host node:     backend auto (tensorflow where @tensorflow/tfjs-node loads, else cpu), tensorflow, cpu or wasm
//   host chromium: backend webgl, webgpu, cpu or wasm, in a headless Chromium page (lib/chromium-host.js)
// stdout belongs to the protocol: console.log/info/warn (TensorFlow.js prints hints there) are sent to stderr.
const mainEnteredUnixMs = performance.timeOrigin + performance.now();
const readline = require('readline');
const { deviceOf } = require('./lib/device');

const protocolOut = process.stdout;
require('./lib/stdio').redirectConsoleToStderr();

// 2 added 'load' and 'save' (forward parity on trained state).
const PROTOCOL_VERSION = 2;
const options = parseOptions(process.argv.slice(2));
let engine = null;
let chromium = null;

function parseOptions(argv) {
  const result = { id: 'tfjs', host: 'node', backend: 'auto' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in result) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete option '${argv[i]}'; use --id ID --host node|chromium --backend BACKEND`);
    result[name] = argv[i + 1];
  }
  if (!['auto', 'node', 'chromium'].includes(result.host)) throw new Error(`unknown host '${result.host}'; use auto, node or chromium`);
  return result;
}

/** Peak resident set so far (Linux VmHWM; resourceUsage reports kilobytes), Chromium's processes included. */
function peakRssBytes() {
  if (chromium) return chromium.peakRssBytes();
  try {
    return process.resourceUsage().maxRSS * 1024;
  } catch {
    return null;
  }
}

async function hello(args) {
  const threads = Math.max(1, args.threads | 0);
  const start = performance.now();
  const loaded = options.host === 'auto' ? await startAuto(threads)
    : options.host === 'chromium' ? await startChromium(threads, options.backend) : await startNode(threads, options.backend);
  const engineLoadMs = performance.now() - start;
  const details = {
    ...loaded.details, tfjs: loaded.version, requestedBackend: options.backend, requestedThreads: String(threads),
    layersApi: 'tf.layers (Keras)', ...deviceOf(loaded.backend, loaded.details),
  };
  return {
    protocol: PROTOCOL_VERSION,
    engine: {
      id: options.id,
      framework: frameworkName(loaded.version, loaded.backend),
      version: `TensorFlow.js ${loaded.version}`,
      backend: loaded.backend,
      host: loaded.host,
      threads: loaded.threads,
      threadControl: loaded.threadControl,
      details,
    },
    mainEnteredUnixMs,
    engineLoadMs,
    pid: process.pid,
  };
}

/**
 * Which TensorFlow this is, precisely: TensorFlow.js runs its own kernels (JavaScript, WebGL, WebGPU, wasm) except on
 * the tensorflow backend, where tfjs-node hands them to native libtensorflow, the library Python's TensorFlow uses.
 */
function frameworkName(version, backend) {
  const release = String(version).split('.').slice(0, 2).join('.');
  return backend === 'tensorflow' ? `TensorFlow.js ${release} on libtensorflow (tfjs-node)` : `TensorFlow.js ${release} (Keras layers API)`;
}

/**
 * The fastest backend that works here, in this order: native libtensorflow (tfjs-node) in Node; WebGL in headless
 * Chromium (a GPU, or Mesa's llvmpipe without one: about 10x the JavaScript kernels on depth-2 training here); the
 * JavaScript cpu kernels in Node. details.autoChoice says what was chosen and why the faster ones were not.
 */
async function startAuto(threads) {
  const { nativeBackendProblem } = require('./lib/tfjs-loader');
  const native = nativeBackendProblem(threads);
  if (native === null) return startNode(threads, 'tensorflow');
  try {
    const loaded = await startChromium(threads, 'webgl');
    return { ...loaded, details: { ...loaded.details, autoChoice: `webgl in Chromium: ${native}` } };
  } catch (e) {
    // ChromiumHost.start has closed what it opened; `chromium` is only set once it succeeded.
    const loaded = await startNode(threads, 'cpu');
    return { ...loaded, details: { ...loaded.details, autoChoice: `cpu in Node: ${native}; webgl in Chromium did not start (${String(e.message).split('\n')[0]})` } };
  }
}

async function startNode(threads, backend) {
  const { loadTfjs } = require('./lib/tfjs-loader');
  const runtime = await loadTfjs(backend, threads);
  const { TfjsEngine } = require('./lib/engine');
  engine = new TfjsEngine(runtime.tf);
  const version = runtime.tf.version.tfjs || runtime.tf.version['tfjs-core'];
  const details = { ...runtime.details, dtype: floatDtype(runtime.tf) };
  return { version, backend: runtime.backend, host: `Node ${process.version}`, threads: runtime.threads, threadControl: runtime.threadControl, details };
}

/** The type the backend gives a float tensor, read from one it created rather than assumed. */
function floatDtype(tf) {
  const probe = tf.zeros([1]);
  const dtype = probe.dtype;
  probe.dispose();
  return dtype;
}

async function startChromium(threads, backend) {
  const { ChromiumHost } = require('./lib/chromium-host');
  chromium = await ChromiumHost.start(backend, threads);
  // GPU backends drive the GPU from the page's one JavaScript thread; llvmpipe (a software GPU) is held to `threads`.
  const effective = chromium.backend === 'cpu' ? 1 : threads;
  const threadControl = chromium.backend === 'cpu' ? 'not-controlled' : chromium.backend === 'wasm' ? 'configured' : 'not-cpu-threads';
  return { version: chromium.tfjsVersion, backend: chromium.backend, host: `Chromium ${chromium.launched.version} (headless)`, threads: effective, threadControl, details: chromium.details };
}

function requireEngine() {
  if (!engine) throw new Error("send 'hello' first: no engine is loaded");
  return engine;
}

/** Another state for the built model, from a canonical weight file (reading the file counts in buildMs, as in prepare). */
async function load(args) {
  if (chromium) return chromium.load(args.weightsPath);
  const { loadWeights } = require('./lib/workload');
  const { tensors, weightsMs } = loadWeights(args.weightsPath);
  const built = requireEngine().load({ tensors });
  return { buildMs: weightsMs + built.buildMs };
}

/** The model's current state, written as a canonical weight file another engine can load. */
async function save(args) {
  const { writeSafetensors } = require('./lib/safetensors');
  const tensors = chromium ? await chromium.exportWeights() : await requireEngine().exportWeights();
  writeSafetensors(args.path, tensors, { exportedBy: options.id });
  return {};
}

async function prepare(args) {
  const { loadData, loadWeights } = require('./lib/workload');
  const data = loadData(args);
  if (chromium) {
    const built = await chromium.prepare({ ...data, weightsPath: args.weightsPath });
    // The page's fetch of the staged data is data loading too; it reads and parses the weight file while building.
    return { dataMs: data.dataMs + built.fetchMs, buildMs: built.buildMs, trainCount: built.trainCount, testCount: built.testCount };
  }
  const { tensors, weightsMs } = loadWeights(args.weightsPath);
  const built = requireEngine().prepare({ ...data, tensors });
  return { dataMs: data.dataMs, buildMs: weightsMs + built.buildMs, trainCount: built.trainCount, testCount: built.testCount };
}

async function dispatch(op, args) {
  if (op === 'hello') return hello(args);
  if (op === 'prepare') return prepare(args);
  if (op === 'load') return load(args);
  if (op === 'save') return save(args);
  if (chromium) return chromium.call(op, args);
  switch (op) {
    case 'warmup': return requireEngine().warmup(args);
    case 'train': return requireEngine().trainSteps(args);
    case 'evaluate': return requireEngine().evaluate(args);
    case 'infer': return requireEngine().inferTimed(args);
    case 'predict': return requireEngine().predict(args);
    case 'reset': requireEngine().reset(); return {};
    case 'matmul': return requireEngine().matmul(args);
    default: throw new Error(`Unknown op '${op}'.`);
  }
}

/** Resolves once the line is handed to the OS, so an exit after the shutdown answer cannot lose it. */
function reply(message) {
  return new Promise((resolve) => protocolOut.write(JSON.stringify({ ...message, peakRssBytes: peakRssBytes() }) + '\n', resolve));
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  // One request at a time: the loop awaits each answer before reading on, as the protocol requires.
  for await (const line of lines) {
    if (line.trim().length === 0) continue;
    let id = -1;
    try {
      const request = JSON.parse(line);
      if (typeof request.id !== 'number') throw new Error('A request needs an id.');
      id = request.id;
      if (typeof request.op !== 'string') throw new Error('A request needs an op.');
      if (request.op === 'shutdown') {
        if (chromium) await chromium.close();
        await reply({ id, ok: true, result: {} });
        process.exit(0);
      }
      const result = await dispatch(request.op, request.args || {});
      await reply({ id, ok: true, result: result || {} });
    } catch (e) {
      await reply({ id, ok: false, error: `${e.name || 'Error'}: ${e.message}` });
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
