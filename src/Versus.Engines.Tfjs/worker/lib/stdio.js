'use strict';
// stdout belongs to the caller's protocol: console.log/info/warn (TensorFlow.js prints hints there) go to stderr.
// TensorFlow.js's banner advising tfjs-node would end up as the tail of every failure reason; the backend in use is
// already reported, so it is dropped.
function redirectConsoleToStderr() {
  const toStderr = console.error.bind(console);
  const isNodeBanner = (args) => args.some((a) => typeof a === 'string' && (a.includes('install our node backend') || /^=+$/.test(a.trim())));
  for (const method of ['log', 'info', 'warn', 'debug', 'error']) console[method] = (...args) => { if (!isNodeBanner(args)) toStderr(...args); };
}

module.exports = { redirectConsoleToStderr };
