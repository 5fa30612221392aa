/** One photo-like JPEG of a notice, with EXIF like an evidence photo (camera, capture time, GPS). */
import sharp from 'sharp';
import { prng } from './random.mjs';

const CAMERAS = [
  ['Canon', 'EOS 90D'],
  ['Nikon', 'D7500'],
  ['Sony', 'ILCE-7M3'],
  ['Samsung', 'SM-G991B'],
  ['Apple', 'iPhone 13'],
  ['FUJIFILM', 'X-T4'],
];

/**
 * Writes one photo-like JPEG to `file`: smooth colour fields, mid-frequency texture, fine grain, `label`; EXIF
 * with camera, capture time and GPS, all from `seed`. `width` and `height` are in pixels.
 */
export async function makeJpeg(file, { seed, label, width, height }) {
  const rand = prng(seed);
  const smallW = 8 + Math.floor(rand() * 10);
  const smallH = Math.max(4, Math.round((smallW * height) / width));
  const coarse = Buffer.alloc(smallW * smallH * 3);
  const base = [rand() * 255, rand() * 255, rand() * 255];
  for (let p = 0; p < coarse.length; p++) coarse[p] = Math.max(0, Math.min(255, base[p % 3] + (rand() - 0.5) * 180));
  const big = await sharp(coarse, { raw: { width: smallW, height: smallH, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const midW = Math.round(width / 8);
  const midH = Math.round(height / 8);
  const mid = Buffer.alloc(midW * midH);
  for (let p = 0; p < mid.length; p++) mid[p] = Math.floor(rand() * 256);
  const midBig = await sharp(mid, { raw: { width: midW, height: midH, channels: 1 } })
    .resize(width, height, { kernel: 'linear' })
    .raw()
    .toBuffer();
  // Fine grain from a cheap xorshift (a full-resolution PRNG call per pixel would be slow).
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let p = 0, q = 0; p < big.length; p += 3, q++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const grain = (x & 31) - 16;
    const tex = (midBig[q] - 128) * 0.35;
    big[p] = Math.max(0, Math.min(255, big[p] + tex + grain));
    big[p + 1] = Math.max(0, Math.min(255, big[p + 1] + tex + grain));
    big[p + 2] = Math.max(0, Math.min(255, big[p + 2] + tex + grain));
  }
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect x="${Math.round(width * (0.1 + rand() * 0.4))}" y="${Math.round(height * (0.1 + rand() * 0.4))}" width="${Math.round(width * 0.35)}" height="${Math.round(height * 0.3)}" fill="none" stroke="#ffde00" stroke-width="8"/>` +
      `<text x="40" y="${height - 50}" font-family="sans-serif" font-size="56" fill="#ffffff">${label}</text></svg>`,
  );
  const [make, model] = CAMERAS[seed % CAMERAS.length];
  const lat = rand() * 120 - 60;
  const lon = rand() * 340 - 170;
  const dms = (v) => {
    const a = Math.abs(v);
    const deg = Math.floor(a);
    const min = Math.floor((a - deg) * 60);
    const sec = Math.round(((a - deg) * 60 - min) * 6000);
    return `${deg}/1 ${min}/1 ${sec}/100`;
  };
  const taken = `20${String(12 + (seed % 13)).padStart(2, '0')}:0${1 + (seed % 9)}:1${seed % 10} 1${seed % 10}:2${seed % 10}:0${seed % 10}`;
  await sharp(big, { raw: { width, height, channels: 3 } })
    .composite([{ input: svg }])
    .jpeg({ quality: 85, mozjpeg: false })
    .withExif({
      IFD0: { Make: make, Model: model, Artist: 'Officer A', Copyright: 'Evidence photo, not for release' },
      IFD2: { DateTimeOriginal: taken, BodySerialNumber: `SN${seed}` },
      IFD3: {
        GPSLatitudeRef: lat >= 0 ? 'N' : 'S',
        GPSLatitude: dms(lat),
        GPSLongitudeRef: lon >= 0 ? 'E' : 'W',
        GPSLongitude: dms(lon),
      },
    })
    .toFile(file);
}
