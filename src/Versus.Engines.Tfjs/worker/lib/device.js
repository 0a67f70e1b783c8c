'use strict';
// What TensorFlow.js's kernels ran on, for hello's details (docs/protocol.md: `device` in words, `deviceKind` cpu, gpu
// or software-gpu). A "GPU" backend without a GPU runs on a software renderer (Mesa's llvmpipe here): its figures are
// CPU figures in disguise and must say so. Node only: the worker builds hello from what the page reported.
const os = require('os');

// Renderer names that mean the GPU API is implemented on the CPU, with the name to show for each.
const SOFTWARE_RENDERERS = [
  { pattern: /llvmpipe/i, name: 'llvmpipe' },
  { pattern: /lavapipe/i, name: 'lavapipe' },
  { pattern: /softpipe/i, name: 'softpipe' },
  { pattern: /swiftshader/i, name: 'SwiftShader' },
];

function cpuDevice() {
  const cpus = os.cpus();
  const model = cpus.length > 0 && cpus[0].model ? cpus[0].model.trim() : os.arch();
  return { device: `CPU: ${model}`, deviceKind: 'cpu' };
}

/** "a, b (c, d), e" -> ["a", "b (c, d)", "e"]: commas inside parentheses belong to their part. */
function splitTopLevel(text) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/**
 * The GPU behind a WebGL renderer string. ANGLE wraps the driver's own name: "ANGLE (Mesa, llvmpipe (LLVM 15.0.6,
 * 256 bits), OpenGL 4.5)" is vendor, renderer, API; the renderer is the part that names the device.
 */
function rendererDevice(renderer) {
  const text = String(renderer || '').trim();
  const angle = /^ANGLE \((.*)\)$/.exec(text);
  const parts = angle ? splitTopLevel(angle[1]) : [text];
  const name = parts.length >= 2 ? parts[1] : parts[0];
  const software = SOFTWARE_RENDERERS.find((s) => s.pattern.test(text));
  if (software) {
    // llvmpipe's own string carries its LLVM version and vector width; SwiftShader's a Vulkan wrapper: show the name.
    const shown = name.toLowerCase().startsWith(software.name.toLowerCase()) ? name : software.name;
    return { device: `${shown}, a software renderer`, deviceKind: 'software-gpu' };
  }
  return { device: name || 'an unnamed GPU', deviceKind: 'gpu' };
}

/** The device for a backend and the details the host reported (webglRenderer, webgpuAdapter). */
function deviceOf(backend, details) {
  if (backend === 'webgl' && details.webglRenderer) return rendererDevice(details.webglRenderer);
  if (backend === 'webgpu' && details.webgpuAdapter) {
    const found = rendererDevice(details.webgpuAdapter);
    // Chromium's fallback adapter is SwiftShader: software whatever its description says.
    if (details.webgpuFallbackAdapter === 'true' && found.deviceKind === 'gpu')
      return { device: `${details.webgpuAdapter} (fallback adapter), a software renderer`, deviceKind: 'software-gpu' };
    return found;
  }
  if (backend === 'webgl' || backend === 'webgpu') return { device: 'an unidentified GPU', deviceKind: 'gpu' };
  return cpuDevice();
}

module.exports = { deviceOf, rendererDevice, cpuDevice };
