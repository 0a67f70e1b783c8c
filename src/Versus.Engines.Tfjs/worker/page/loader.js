'use strict';
// The page's half of lib/chromium.js moduleRoute: a CommonJS registry, so the engine code that runs in Node runs
// unchanged in the page. Modules register with versusDefine(name, factory) and are evaluated on first require.
(function () {
  const factories = new Map();
  const cache = new Map();
  function require(name) {
    if (cache.has(name)) return cache.get(name).exports;
    const factory = factories.get(name);
    if (!factory) throw new Error(`module '${name}' is not served to the page`);
    const module = { exports: {} };
    cache.set(name, module);
    factory(require, module, module.exports);
    return module.exports;
  }
  window.versusDefine = (name, factory) => factories.set(name, factory);
  window.versusRequire = require;
})();
