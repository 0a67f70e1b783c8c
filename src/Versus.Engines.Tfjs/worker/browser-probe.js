'use strict';
// The browser deployment probe: the trained model, deployed the two ways a web page can run it, exercised in headless
// Chromium with every script, wasm and model file served from local files on 127.0.0.1 (no CDN):
//  - TensorFlow.js: the Keras model converted to TensorFlow.js's layers-model format (model.json + weights.bin),
//    loaded with tf.loadLayersModel on the backend the page gets by default (webgl where there is a GPU context);
//  - ONNX: the exported .onnx file through onnxruntime-web's wasm build.
// Each runs the test images in one batch (its logits go back for comparison) and then batch-1 predictions, timed in
// the page, for a time budget. Usage: node browser-probe.js REQUEST.json; one JSON line on stdout, logs on stderr.
const fs = require('fs');
const path = require('path');
const { launchChromium, startServer, moduleRoute } = require('./lib/chromium');
const { buildModel, convertWeights } = require('./lib/model');
const { imagesToNhwc } = require('./lib/layout');
const { readSafetensors } = require('./lib/safetensors');

const protocolOut = process.stdout;
require('./lib/stdio').redirectConsoleToStderr();

/** Writes the model in TensorFlow.js's layers-model format: what tensorflowjs_converter would hand a web page. */
async function saveLayersModel(tf, spec, weightsPath, folder) {
  const { model, bindings } = buildModel(tf, spec);
  for (const { layer, values } of convertWeights(tf, bindings, readSafetensors(weightsPath).tensors)) layer.setWeights(values);
  fs.mkdirSync(folder, { recursive: true });
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    const data = Array.isArray(artifacts.weightData) ? Buffer.concat(artifacts.weightData.map((b) => Buffer.from(b))) : Buffer.from(artifacts.weightData);
    fs.writeFileSync(path.join(folder, 'weights.bin'), data);
    const manifest = {
      modelTopology: artifacts.modelTopology,
      format: 'layers-model',
      generatedBy: `TensorFlow.js v${tf.version.tfjs} (Versus)`,
      convertedBy: null,
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
    };
    fs.writeFileSync(path.join(folder, 'model.json'), JSON.stringify(manifest));
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  model.dispose();
  return ['model.json', 'weights.bin'].reduce((sum, f) => sum + fs.statSync(path.join(folder, f)).size, 0);
}

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const tf = require('@tensorflow/tfjs/dist/tf.es2017.js');
  await tf.setBackend('cpu');
  const modelFolder = path.join(request.outDirectory, 'tfjs-layers-model');
  const layersModelBytes = await saveLayersModel(tf, request.spec, request.weightsPath, modelFolder);

  const raw = fs.readFileSync(request.imagesPath);
  const nchw = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  const nhwc = imagesToNhwc(nchw, request.count, request.spec.input);
  const tfjsDist = path.dirname(require.resolve('@tensorflow/tfjs/dist/tf.es2017.min.js'));
  // onnxruntime-web's package exports do not include its dist files: found in node_modules directly.
  const ortDist = path.join(__dirname, 'node_modules', 'onnxruntime-web', 'dist');
  const page = path.join(__dirname, 'page');
  const routes = new Map([
    ['/', path.join(page, 'deploy.html')],
    ['/deploy.js', path.join(page, 'deploy.js')],
    ['/gpu.js', path.join(page, 'gpu.js')],
    ['/loader.js', path.join(page, 'loader.js')],
    ['/lib/pool-geometry.js', moduleRoute(path.join(__dirname, 'lib', 'pool-geometry.js'))],
    ['/lib/custom-layers.js', moduleRoute(path.join(__dirname, 'lib', 'custom-layers.js'))],
    ['/tf.js', path.join(tfjsDist, 'tf.es2017.min.js')],
    // The wasm-only build: it starts faster than the full ort.min.js and needs only the one wasm binary below.
    ['/ort.js', path.join(ortDist, 'ort.wasm.min.js')],
    ['/ort/ort-wasm-simd-threaded.wasm', path.join(ortDist, 'ort-wasm-simd-threaded.wasm')],
    ['/ort/ort-wasm-simd-threaded.mjs', path.join(ortDist, 'ort-wasm-simd-threaded.mjs')],
    ['/tfjs-model/model.json', path.join(modelFolder, 'model.json')],
    ['/tfjs-model/weights.bin', path.join(modelFolder, 'weights.bin')],
    ['/model.onnx', request.onnxPath],
    ['/images-nhwc', { bytes: Buffer.from(nhwc.buffer), type: 'application/octet-stream' }],
    ['/images-nchw', { bytes: Buffer.from(nchw.buffer, nchw.byteOffset, nchw.byteLength), type: 'application/octet-stream' }],
  ]);
  const server = await startServer(routes);
  let launched = null;
  try {
    process.env.LP_NUM_THREADS = String(request.threads);
    launched = await launchChromium('webgl');
    const tab = await launched.browser.newPage();
    tab.on('console', (m) => { if (m.type() === 'error') console.error(`[chromium] ${m.text()}`); });
    tab.on('pageerror', (e) => console.error(`[chromium page error] ${e.message}`));
    await tab.goto(`${server.origin}/`, { waitUntil: 'load', timeout: 60000 });
    const options = { count: request.count, shape: request.spec.input, classes: request.spec.classes, threads: request.threads, budgetMs: request.budgetMs, warmupMs: request.warmupMs, maxSamples: request.maxSamples };
    const settle = (promise) => promise.then((value) => ({ ok: true, ...value }), (e) => ({ ok: false, error: e.message.split('\n')[0] }));
    // One after the other: each gets the machine to itself while it is timed.
    const tfjs = await settle(tab.evaluate((o) => window.versusDeploy.tfjs(o), options));
    const ort = await settle(tab.evaluate((o) => window.versusDeploy.ort(o), options));
    const result = { chromium: launched.version, executable: launched.executablePath, flags: launched.flags.join(' '), layersModelBytes, layersModelFolder: modelFolder, tfjs, ort };
    await new Promise((resolve) => protocolOut.write(JSON.stringify(result) + '\n', resolve));
  } finally {
    if (launched) await launched.browser.close();
    await server.close();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
