#!/usr/bin/env bash
# Sets up what the default run needs, once, from Debian's packages (idempotent: a no-op when everything is there):
#   nodejs, npm: the TensorFlow.js worker (its npm packages install themselves on first use: npm ci in tfjs-worker/).
#   chromium:    TensorFlow.js's webgl backend in headless Chromium (and the browser deployment probe); it brings Mesa's
#                EGL/DRI drivers (llvmpipe), a software GPU, where the machine has no GPU.
# Where it cannot install (not root and no sudo, apt fails, no network) it says nothing more and returns 0: the run goes
# on with the best TensorFlow.js backend left and prints one line saying what is missing and the fix.
set -uo pipefail
packages=()
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || [ -n "${VERSUS_CHROMIUM:-}" ] || packages+=(chromium)
[ ${#packages[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null || exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
  sudo=(sudo)
else
  exit 0
fi
log="${TMPDIR:-/tmp}/versus-setup.log"
echo "versus: installing ${packages[*]} with apt-get (first run only; log: $log)..." >&2
export DEBIAN_FRONTEND=noninteractive
# A failure is not reported here: the run reports what is still missing, once, with the fix.
{
  "${sudo[@]}" apt-get update -qq || true
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
} >"$log" 2>&1
exit 0
