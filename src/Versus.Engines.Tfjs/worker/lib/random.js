'use strict';
// xoshiro128** seeded by SplitMix32, the generated-shapes dataset and the epoch order: a bit-exact port of
// src/Versus.Core/Randomness/PortableRandom.cs, Data/GeneratedDataset.cs, Data/ShapeStrip.cs and Data/EpochOrder.cs
// (spec: docs/data.md).
// Every value is kept as an unsigned 32-bit integer with `>>> 0`; products use Math.imul so they wrap like C#'s uint.

const STREAM_WEIGHTS = 1;
const STREAM_TRAIN_DATA = 2;
const STREAM_TEST_DATA = 3;
const STREAM_EPOCH_ORDER_BASE = 1000;
const GOLDEN = 0x9E3779B9;

function rotl(v, k) {
  return ((v << k) | (v >>> (32 - k))) >>> 0;
}

class PortableRandom {
  constructor(seed, stream) {
    this.x = (seed + Math.imul(stream, GOLDEN)) >>> 0;
    this.s0 = this.splitMix32();
    this.s1 = this.splitMix32();
    this.s2 = this.splitMix32();
    this.s3 = this.splitMix32();
  }

  splitMix32() {
    this.x = (this.x + GOLDEN) >>> 0;
    let z = this.x;
    z = Math.imul(z ^ (z >>> 16), 0x85EBCA6B) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xC2B2AE35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  nextUInt() {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  nextDouble() {
    return this.nextUInt() / 4294967296;
  }

  nextInt(n) {
    return this.nextUInt() % n;
  }
}

const MAX_CLASSES = 1000000;

function covers(digit, dx, dy, r, t) {
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  const d2 = dx * dx + dy * dy;
  const inBox = ax <= r && ay <= r;
  switch (digit) {
    case 0: return ay <= t / 2 && ax <= r;
    case 1: return ax <= t / 2 && ay <= r;
    case 2: return Math.abs(dx - dy) <= t * 0.7 && inBox;
    case 3: return Math.abs(dx + dy) <= t * 0.7 && inBox;
    case 4: return (ay <= t / 2 || ax <= t / 2) && inBox;
    case 5: return (Math.abs(dx - dy) <= t * 0.7 || Math.abs(dx + dy) <= t * 0.7) && inBox;
    case 6: return d2 >= (r - t) * (r - t) && d2 <= r * r;
    case 7: return d2 <= r * r;
    case 8: return inBox && Math.max(ax, ay) >= r - t;
    default: return inBox;
  }
}

/** The number of digit strips: the decimal digits of classes - 1 (1 for up to 10 classes), as GeneratedDataset.Strips. */
function strips(classes) {
  let count = 1;
  for (let limit = 10; classes - 1 >= limit; limit *= 10) count++;
  return count;
}

/** One strip's shape parameters in draw order (ShapeStrip.Draw): centre, radius, stroke, brightness, tint per channel. */
function drawStrip(strip, digit, left, width, height, channels, random) {
  strip.digit = digit;
  const side = Math.min(height, width);
  strip.cx = left + width / 2 + (random.nextDouble() - 0.5) * width / 4;
  strip.cy = height / 2 + (random.nextDouble() - 0.5) * height / 4;
  strip.radius = side * (0.18 + 0.14 * random.nextDouble());
  strip.stroke = Math.max(1, side * (0.05 + 0.05 * random.nextDouble()));
  strip.brightness = 0.55 + 0.45 * random.nextDouble();
  for (let c = 0; c < channels; c++) strip.tint[c] = channels === 1 ? 1 : 0.4 + 0.6 * random.nextDouble();
}

/** Images as bytes C x H x W per image (canonical order) and Int32 labels, exactly as GeneratedDataset.Draw. */
function drawShapes(shape, classes, count, random) {
  const { channels, height, width } = shape;
  const elements = channels * height * width;
  const pixels = new Uint8Array(count * elements);
  const labels = new Int32Array(count);
  const stripCount = strips(classes);
  const shapes = Array.from({ length: stripCount }, () => ({ tint: new Float64Array(channels) }));
  const stripOf = Int32Array.from({ length: width }, (_, x) => Math.floor(x * stripCount / width));
  const h = height;
  const w = width;
  const stripWidth = w / stripCount;
  let offset = 0;
  for (let n = 0; n < count; n++) {
    const label = random.nextInt(classes);
    labels[n] = label;
    let place = 1;
    for (let k = 1; k < stripCount; k++) place *= 10;
    for (let k = 0; k < stripCount; k++, place /= 10)
      drawStrip(shapes[k], Math.floor(label / place) % 10, k * w / stripCount, stripWidth, h, channels, random);
    for (let c = 0; c < channels; c++) {
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const s = shapes[stripOf[x]];
          const ink = covers(s.digit, x + 0.5 - s.cx, y + 0.5 - s.cy, s.radius, s.stroke) ? s.brightness * s.tint[c] : 0;
          const value = 0.75 * ink + 0.3 * random.nextDouble();
          pixels[offset++] = Math.min(255, Math.floor(value * 255 + 0.5));
        }
      }
    }
  }
  return { pixels, labels, count };
}

function generatedDataset(shape, classes, seed, trainCount, testCount) {
  if (!(classes >= 1 && classes <= MAX_CLASSES)) throw new Error(`the generated dataset draws 1 to ${MAX_CLASSES} classes but the workload has ${classes}`);
  return {
    train: drawShapes(shape, classes, trainCount, new PortableRandom(seed, STREAM_TRAIN_DATA)),
    test: drawShapes(shape, classes, testCount, new PortableRandom(seed, STREAM_TEST_DATA)),
  };
}

/** Fisher-Yates from the last index down, stream 1000 + epoch: EpochOrder.Permutation. */
function epochOrder(seed, epoch, count) {
  const random = new PortableRandom(seed, STREAM_EPOCH_ORDER_BASE + epoch);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order;
}

module.exports = { PortableRandom, generatedDataset, drawShapes, epochOrder, STREAM_WEIGHTS };
