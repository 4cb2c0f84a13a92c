// Draws the app icon and the four tray icons as PNGs with nothing but zlib, so they can be
// regenerated anywhere: `node build/make-icons.mjs`. Shapes differ per state, not only colours,
// so the tray stays readable for colour-blind users and in monochrome panels.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLES = 4; // 4×4 supersampling per pixel: smooth edges without a graphics library

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA PNG of `size`×`size`; `paint(x, y)` returns [r, g, b, a] (0–255) for a point in 0..1 coordinates, or null. */
function png(size, paint) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = paint((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size);
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha; g += c[1] * alpha; b += c[2] * alpha; a += alpha;
        }
      }
      const n = SAMPLES * SAMPLES;
      const o = 1 + x * 4;
      if (a > 0) {
        row[o] = Math.round(r / a); row[o + 1] = Math.round(g / a); row[o + 2] = Math.round(b / a);
      }
      row[o + 3] = Math.round((a / n) * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (h, a = 255) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];
const dist = (x, y, cx = 0.5, cy = 0.5) => Math.hypot(x - cx, y - cy);
const inRoundedSquare = (x, y, margin, radius) => {
  const dx = Math.max(margin + radius - x, 0, x - (1 - margin - radius));
  const dy = Math.max(margin + radius - y, 0, y - (1 - margin - radius));
  return x >= margin && x <= 1 - margin && y >= margin && y <= 1 - margin && Math.hypot(dx, dy) <= radius;
};

const WHITE = hex('#ffffff');
const OUTLINE = hex('#1e1f22', 200); // keeps every icon visible on light and dark panels

const tray = {
  // Filled disc: running and connected.
  connected: (x, y) => {
    const d = dist(x, y);
    return d <= 0.36 ? hex('#23a55a') : d <= 0.44 ? OUTLINE : null;
  },
  // Ring with a centre dot: on its way.
  connecting: (x, y) => {
    const d = dist(x, y);
    if (d <= 0.12) return hex('#f0b232');
    if (d > 0.24 && d <= 0.36) return hex('#f0b232');
    return d <= 0.44 && d > 0.36 ? OUTLINE : null;
  },
  // Hollow grey ring: monitoring is off.
  stopped: (x, y) => {
    const d = dist(x, y);
    if (d > 0.24 && d <= 0.36) return hex('#9ca3af');
    return d <= 0.44 && d > 0.36 ? OUTLINE : null;
  },
  // Red disc with a white exclamation mark: needs attention.
  error: (x, y) => {
    const d = dist(x, y);
    if (d > 0.44) return null;
    if (d > 0.36) return OUTLINE;
    const bar = Math.abs(x - 0.5) <= 0.05 && y >= 0.27 && y <= 0.57;
    const dot = dist(x, y, 0.5, 0.67) <= 0.055;
    return bar || dot ? WHITE : hex('#da373c');
  },
};

// App icon: a blurple rounded square with a white "watching" ring and a green live dot.
const appIcon = (x, y) => {
  if (dist(x, y, 0.72, 0.72) <= 0.1) return hex('#23a55a');
  if (dist(x, y, 0.72, 0.72) <= 0.13) return WHITE;
  if (!inRoundedSquare(x, y, 0.04, 0.2)) return null;
  const d = dist(x, y);
  if ((d > 0.2 && d <= 0.28) || d <= 0.1) return WHITE;
  return hex('#5865f2');
};

const out = (name, buf) => {
  writeFileSync(join(here, name), buf);
  process.stdout.write(`wrote build/${name} (${buf.length} bytes)\n`);
};
for (const [state, paint] of Object.entries(tray)) {
  // 16 px for 1× displays; Electron picks the @2x file on HiDPI screens by itself.
  out(`tray-${state}.png`, png(16, paint));
  out(`tray-${state}@2x.png`, png(32, paint));
}
out('icon.png', png(512, appIcon));
