'use strict';
// What GPU is behind TensorFlow.js's webgl backend in this page, for the labels on every figure: the unmasked
// renderer and vendor strings (e.g. "ANGLE (Mesa/X.org, llvmpipe ...)", the software rasteriser without a GPU).
// Served to both pages: the engine host (host.js) and the browser deployment probe (deploy.js).
window.versusGpu = {
  /** Throws when the webgl backend is not the one in use. */
  webgl() {
    const gl = tf.backend().gpgpu.gl;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return {
      webglRenderer: info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
      webglVendor: info ? gl.getParameter(info.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR),
    };
  },
};
