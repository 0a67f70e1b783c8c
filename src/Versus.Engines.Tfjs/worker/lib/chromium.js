'use strict';
// Headless Chromium driven by playwright-core, with pages served from local files on 127.0.0.1: no CDN, no network.
// Used by the worker's chromium host (TensorFlow.js on webgl/webgpu) and by the browser deployment probe.
const fs = require('fs');
const http = require('http');
const path = require('path');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Overrides the browser executable (a Chrome install elsewhere). */
const EXECUTABLE_VARIABLE = 'VERSUS_CHROMIUM';

// Quiet, offline, reproducible: nothing phones home or updates while a measurement runs.
const COMMON_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-default-apps', '--disable-extensions', '--mute-audio', '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'];

// Per backend: how Chromium gets a GPU context here (BRIEF: WebGL on Mesa llvmpipe through ANGLE's EGL path is the
// fastest software GPU; on a machine with a real GPU the same flags use it). cpu and wasm need no GPU at all.
// --disable-gpu-watchdog: on a software GPU one batch-64 pass of a busy 2-core machine can outlast the GPU watchdog,
// which then resets the GPU process and loses the page's WebGL context (a CI run's depth-2 inference hung that way).
const BACKEND_FLAGS = {
  webgl: ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist', '--enable-gpu-rasterization', '--disable-gpu-watchdog'],
  webgpu: ['--enable-unsafe-webgpu', '--ignore-gpu-blocklist', '--enable-features=Vulkan', '--disable-gpu-watchdog'],
  cpu: ['--disable-gpu'],
  wasm: ['--disable-gpu'],
};

function findExecutable() {
  const configured = process.env[EXECUTABLE_VARIABLE];
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`${EXECUTABLE_VARIABLE}=${configured} does not exist; point it at a Chromium or Chrome executable`);
    return configured;
  }
  const found = CANDIDATES.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`Chromium is not installed (looked for ${CANDIDATES.join(', ')}); install Debian's 'chromium' package or set ${EXECUTABLE_VARIABLE}`);
  return found;
}

/** Launches headless Chromium for a backend; the caller closes it. */
async function launchChromium(backend) {
  const executablePath = findExecutable();
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    throw new Error(`playwright-core is not installed in the worker's node_modules (${e.message.split('\n')[0]})`);
  }
  const args = [...COMMON_FLAGS, ...(BACKEND_FLAGS[backend] || [])];
  const browser = await chromium.launch({ executablePath, headless: true, args, timeout: 60000 });
  return { browser, executablePath, version: browser.version(), flags: args };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.bin': 'application/octet-stream' };

/**
 * A static server on 127.0.0.1 (an ephemeral port) for a fixed set of routes: path -> file on disk, or -> bytes in
 * memory. Pages are cross-origin isolated (COOP/COEP), which gives them fine-grained performance.now() and lets wasm
 * use threads.
 */
async function startServer(routes) {
  const server = http.createServer((request, response) => {
    const route = routes.get(decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname));
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin', 'Cache-Control': 'no-store' };
    if (!route) {
      response.writeHead(404, headers);
      response.end('not found');
      return;
    }
    const body = typeof route === 'string' ? fs.readFileSync(route) : route.bytes;
    const type = route.type || TYPES[path.extname(typeof route === 'string' ? route : request.url)] || 'application/octet-stream';
    response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
    response.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { server, origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Serves CommonJS modules of lib/ to a page: each is wrapped so that the page's small loader (page/loader.js) can
 * require() it by the same relative name the Node code uses. Only modules that touch no Node API are served.
 */
function moduleRoute(file) {
  const source = fs.readFileSync(file, 'utf8');
  const name = './' + path.basename(file, '.js');
  const wrapped = `versusDefine(${JSON.stringify(name)}, function (require, module, exports) {\n${source}\n});\n`;
  return { bytes: Buffer.from(wrapped, 'utf8'), type: 'text/javascript' };
}

/** Peak resident set of a process and all its descendants (Linux VmHWM): Chromium runs in several processes. */
function treePeakRssBytes(rootPid) {
  try {
    const children = new Map();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (!children.has(ppid)) children.set(ppid, []);
        children.get(ppid).push(Number(entry));
      } catch {
        // the process ended while being read
      }
    }
    let total = 0;
    const pending = [rootPid];
    while (pending.length > 0) {
      const pid = pending.pop();
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (match) total += Number(match[1]) * 1024;
      } catch {
        // ended
      }
      pending.push(...(children.get(pid) || []));
    }
    return total;
  } catch {
    return null;
  }
}

module.exports = { launchChromium, findExecutable, startServer, moduleRoute, treePeakRssBytes, EXECUTABLE_VARIABLE };
