#!/usr/bin/env bash
# Installs what the tests need from Debian's packages (idempotent; skips what is already there).
#   dataset-fashion-mnist: the real IDX files the loader tests read.
#   nodejs, npm: the TensorFlow.js worker (its npm packages install themselves on first use: npm ci in tfjs-worker/).
#   chromium: the browser backends (tfjs:webgl, tfjs:webgpu) and the browser deployment probe, driven headless by
#     playwright-core; it brings Mesa's EGL/DRI drivers (llvmpipe) for WebGL without a GPU.
#   postgresql: the PostgreSQL store's tests start a server of their own from /usr/lib/postgresql/*/bin (initdb into a
#     temporary folder, as the 'postgres' user when run as root); the package's own cluster is not used.
#   python3-torchvision: torch 1.13 and torchvision for scripts/export-torchvision.py, which exports ResNet-18,
#     MobileNetV2 and SqueezeNet 1.1 with random weights for the ONNX import tests (about 5 minutes to install here,
#     roughly 60 packages; the tests skip with the reason without it). Run with /usr/bin/python3, Debian's interpreter.
#   strace: the durability test traces the CLI's fsync and rename calls (it skips with the reason without it).
set -euo pipefail
packages=()
[ -d /usr/share/datasets/fashion-mnist ] || packages+=(dataset-fashion-mnist)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || packages+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || packages+=(postgresql)
/usr/bin/python3 -c 'import torchvision' 2>/dev/null || packages+=(python3-torchvision)
command -v strace >/dev/null || packages+=(strace)
if [ ${#packages[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "warning: cannot install ${packages[*]} (not root, no sudo); tests that need them will be skipped with the reason" >&2; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
