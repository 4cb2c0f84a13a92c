// A small Lottie animation (Bodymovin JSON: a rounded square turning once a second) standing in for a
// Lottie sticker's file on Discord's CDN. Its colour comes from the sticker id, like the fake's images.
import { crc32 } from 'node:zlib';

export function lottieFor(id: string): string {
  const hue = (crc32(id) % 360) / 360;
  const [r, g, b] = [hue, (hue + 0.33) % 1, (hue + 0.66) % 1].map((x) => Math.round((0.35 + 0.5 * x) * 1000) / 1000);
  const still = (k: unknown) => ({ a: 0, k });
  return JSON.stringify({
    v: '5.7.4',
    fr: 30,
    ip: 0,
    op: 30,
    w: 160,
    h: 160,
    nm: `sticker ${id}`,
    ddd: 0,
    assets: [],
    layers: [
      {
        ddd: 0,
        ind: 1,
        ty: 4,
        nm: 'square',
        sr: 1,
        ks: {
          o: still(100),
          r: { a: 1, k: [{ t: 0, s: [0], i: { x: [0.5], y: [1] }, o: { x: [0.5], y: [0] } }, { t: 30, s: [90] }] },
          p: still([80, 80, 0]),
          a: still([0, 0, 0]),
          s: still([100, 100, 100]),
        },
        ao: 0,
        shapes: [
          {
            ty: 'gr',
            nm: 'shape',
            it: [
              { ty: 'rc', d: 1, s: still([90, 90]), p: still([0, 0]), r: still(16) },
              { ty: 'fl', c: still([r, g, b, 1]), o: still(100), r: 1 },
              { ty: 'tr', p: still([0, 0]), a: still([0, 0]), s: still([100, 100]), r: still(0), o: still(100) },
            ],
          },
        ],
        ip: 0,
        op: 30,
        st: 0,
        bm: 0,
      },
    ],
  });
}
