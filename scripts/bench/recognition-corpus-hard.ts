/**
 * The second, harder corpus of the recognition benchmark (issue 19; scripts/bench/recognition-pool.ts):
 * the same subjects and generator as scripts/bench/recognition-corpus.ts, photographed
 * worse — a phone held at an angle (a perspective warp: the page a trapezoid on a desk),
 * uneven light (a lamp's falloff and a soft shadow across the page), a finger over the
 * page's edge or a second red stamp over its right column, and low resolution (a
 * 900-pixel-wide JPEG). Every image has the warp and uneven light; a fixed seed.
 */
import sharp from 'sharp';
import { renderLicencePng } from '@/lib/simulators/licence-image';
import { generatedDetails } from '@/lib/simulators/registry/details';
import { mulberry32, type BenchLicence } from './recognition-corpus';

type Rng = () => number;
type Corner = [number, number];

const DESK = { r: 120, g: 104, b: 88 };

/** Solves the homography taking the unit square's corners to `to` (8 unknowns, Gaussian elimination). */
function homography(from: Corner[], to: Corner[]): number[] {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    const pivot = rows.slice(c).reduce((best, row, i) => (Math.abs(row[c]!) > Math.abs(rows[best]![c]!) ? c + i : best), c);
    [rows[c], rows[pivot]] = [rows[pivot]!, rows[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = rows[r]![c]! / rows[c]![c]!;
      for (let k = c; k < 9; k++) rows[r]![k]! -= f * rows[c]![k]!;
    }
  }
  return [...rows.map((row, i) => row[8]! / row[i]!), 1];
}

/**
 * The page seen by a phone at an angle: each corner moved inwards by up to `strength`
 * of the side, on a desk-coloured canvas with a margin; nearest-neighbour sampling
 * through the inverse mapping, as a camera's pixels would be.
 */
async function perspective(png: Buffer, random: Rng, strength: number): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width: w, height: h } = info;
  const margin = Math.round(w * 0.08);
  const W = w + 2 * margin;
  const H = h + 2 * margin;
  const jitter = (side: number) => (random() * 0.7 + 0.3) * strength * side;
  const page: Corner[] = [
    [margin + jitter(w), margin + jitter(h) * 0.5],
    [margin + w - jitter(w), margin + jitter(h) * 0.5],
    [margin + w - jitter(w) * 0.4, margin + h - jitter(h) * 0.3],
    [margin + jitter(w) * 0.4, margin + h - jitter(h) * 0.3],
  ];
  // The inverse: canvas point → source point.
  const m = homography(page, [
    [0, 0],
    [w - 1, 0],
    [w - 1, h - 1],
    [0, h - 1],
  ]);
  const out = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const d = m[6]! * x + m[7]! * y + m[8]!;
      const sx = Math.round((m[0]! * x + m[1]! * y + m[2]!) / d);
      const sy = Math.round((m[3]! * x + m[4]! * y + m[5]!) / d);
      const o = (y * W + x) * 3;
      if (sx < 0 || sy < 0 || sx >= w || sy >= h) {
        out[o] = DESK.r;
        out[o + 1] = DESK.g;
        out[o + 2] = DESK.b;
      } else {
        const s = (sy * w + sx) * 3;
        out[o] = data[s]!;
        out[o + 1] = data[s + 1]!;
        out[o + 2] = data[s + 2]!;
      }
    }
  }
  return sharp(out, { raw: { width: W, height: H, channels: 3 } }).png().toBuffer();
}

/** A lamp on one side (a radial falloff) and a soft diagonal shadow band, multiplied over the image. */
async function unevenLight(png: Buffer, random: Rng): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const cx = Math.round(random() * width);
  const cy = Math.round(random() * height * 0.5);
  const dark = (0.45 + random() * 0.15).toFixed(2);
  const band = Math.round(width * (0.3 + random() * 0.4));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs>
      <radialGradient id="lamp" gradientUnits="userSpaceOnUse" cx="${cx}" cy="${cy}" r="${Math.round(width * 1.1)}">
        <stop offset="0" stop-color="rgb(255,250,240)"/><stop offset="1" stop-color="rgb(${Math.round(255 * Number(dark))},${Math.round(245 * Number(dark))},${Math.round(230 * Number(dark))})"/>
      </radialGradient>
      <filter id="soft"><feGaussianBlur stdDeviation="${Math.round(width / 40)}"/></filter>
    </defs>
    <rect width="100%" height="100%" fill="url(#lamp)"/>
    <polygon points="${band},0 ${band + width * 0.18},0 ${band - width * 0.1},${height} ${band - width * 0.28},${height}" fill="rgb(150,150,160)" filter="url(#soft)"/>
  </svg>`;
  return sharp(png).composite([{ input: Buffer.from(svg), blend: 'multiply' }]).png().toBuffer();
}

/** A fingertip from the bottom edge over the 经营范围 column (skin tone, a nail, soft edges). */
async function finger(png: Buffer, random: Rng): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const x = Math.round(width * (0.28 + random() * 0.15));
  const fw = Math.round(width * 0.09);
  const top = Math.round(height * (0.68 + random() * 0.08));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><filter id="s"><feGaussianBlur stdDeviation="4"/></filter></defs>
    <g filter="url(#s)" transform="rotate(${(random() * 24 - 12).toFixed(1)} ${x} ${height})">
      <rect x="${x - fw / 2}" y="${top + fw / 2}" width="${fw}" height="${height}" fill="rgb(214,160,132)"/>
      <ellipse cx="${x}" cy="${top + fw / 2}" rx="${fw / 2}" ry="${fw / 2}" fill="rgb(214,160,132)"/>
      <ellipse cx="${x}" cy="${top + fw * 0.45}" rx="${fw * 0.3}" ry="${fw * 0.35}" fill="rgb(236,196,180)"/>
    </g>
  </svg>`;
  return sharp(png).composite([{ input: Buffer.from(svg) }]).png().toBuffer();
}

/** A second red seal (公章) pressed over the right column (注册资本, 住所), half transparent as ink is. */
async function stamp(png: Buffer, random: Rng): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const cx = Math.round(width * (0.68 + random() * 0.1));
  const cy = Math.round(height * (0.45 + random() * 0.1));
  const r = Math.round(width * 0.085);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <g fill="none" stroke="rgb(210,30,40)" stroke-opacity="0.7">
      <circle cx="${cx}" cy="${cy}" r="${r}" stroke-width="${Math.round(r / 12)}"/>
      <circle cx="${cx}" cy="${cy}" r="${Math.round(r * 0.8)}" stroke-width="2"/>
    </g>
    <text x="${cx}" y="${cy + r * 0.2}" font-size="${Math.round(r * 0.6)}" text-anchor="middle" fill="rgb(210,30,40)" fill-opacity="0.6">★</text>
  </svg>`;
  return sharp(png).composite([{ input: Buffer.from(svg) }]).png().toBuffer();
}

const lowResolution = (png: Buffer, width: number) => sharp(png).resize({ width }).jpeg({ quality: 70 }).toBuffer();

const VARIANTS: { name: string; apply: (png: Buffer, random: Rng) => Promise<Buffer> }[] = [
  { name: 'warped, lamp', apply: async (png, r) => (await sharp(await unevenLight(await perspective(png, r, 0.05), r)).jpeg({ quality: 85 }).toBuffer()) },
  { name: 'warped, lamp, finger', apply: async (png, r) => sharp(await unevenLight(await perspective(await finger(png, r), r, 0.05), r)).jpeg({ quality: 85 }).toBuffer() },
  { name: 'warped, lamp, stamp', apply: async (png, r) => sharp(await unevenLight(await perspective(await stamp(png, r), r, 0.06), r)).jpeg({ quality: 85 }).toBuffer() },
  { name: 'warped, lamp, 900 px JPEG q70', apply: async (png, r) => lowResolution(await unevenLight(await perspective(png, r, 0.05), r), 900) },
  { name: 'strong warp, lamp', apply: async (png, r) => sharp(await unevenLight(await perspective(png, r, 0.09), r)).jpeg({ quality: 80 }).toBuffer() },
  { name: 'warped, lamp, finger, 1000 px', apply: async (png, r) => lowResolution(await unevenLight(await perspective(await finger(png, r), r, 0.06), r), 1000) },
];

/** One hard image for each licence of the first corpus (its subject and code, drawn again). */
export async function hardBenchLicences(easy: BenchLicence[]): Promise<BenchLicence[]> {
  const random = mulberry32(19_190_001);
  const out: BenchLicence[] = [];
  for (let i = 0; i < easy.length; i++) {
    const { expected, label } = easy[i]!;
    const kind = label.includes('营业执照') ? 'business_licence' : 'other';
    const variant = VARIANTS[i % VARIANTS.length]!;
    const png = await renderLicencePng({ code: expected.code, name: expected.name, licenceType: kind, legalRepName: '王某', ...generatedDetails(expected.code, kind) });
    out.push({ label, variant: variant.name, expected, bytes: await variant.apply(png, random) });
  }
  return out;
}

