/**
 * Fixture content for the site tests: a folder under tests/fixtures/ is copied into a temporary
 * content folder (the tests never build from content/ and never write into the repository), and the
 * images listed in its `images.json` are generated there with sharp. "Evidence" JPEGs carry the
 * metadata that must never reach dist/ (field case F10): GPS position, camera make, model and serial
 * number, capture time, an EXIF artist and an XMP creator "Officer A"; an EXIF orientation can be set.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { ROOT, tempDir } from './site.ts';

/** Folder of the committed fixtures. */
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

/** One generated image: `evidence` (JPEG with identifying metadata) or `plain` (PNG, no metadata). */
export interface ImageSpec {
  kind: 'evidence' | 'plain';
  width: number;
  height: number;
  /** EXIF orientation (1–8) written into an evidence JPEG; 6 means "rotate 90° clockwise to view". */
  orientation?: number;
}

/** The identifying values written into evidence JPEGs, so tests can look for them in dist/. */
export const EVIDENCE = {
  make: 'FixtureCam',
  model: 'FC-9000',
  serial: 'SN-4711-0815',
  artist: 'Officer A',
  creator: 'Officer A',
  captured: '2023:05:01 10:11:12',
  gpsLatitude: '52/1 22/1 1234/100',
  gpsLongitude: '4/1 53/1 5678/100',
} as const;

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${EVIDENCE.creator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/**
 * Writes an image to `file`. The picture is a two-colour split (left half darker) so that a rotation
 * or a crop is visible in the output. Returns the path.
 */
export async function generateImage(file: string, spec: ImageSpec): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { width, height } = spec;
  const half = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      const dark = x < width / 2;
      half[o] = dark ? 40 : 200;
      half[o + 1] = dark ? 60 : 180;
      half[o + 2] = (y * 255) / height;
    }
  }
  let img = sharp(half, { raw: { width, height, channels: 3 } });
  if (spec.kind === 'plain') {
    await img.png().toFile(file);
    return file;
  }
  img = img.jpeg({ quality: 85 });
  // withMetadata writes the orientation tag (withExif alone resets it to 1); withExifMerge then adds the rest.
  if (spec.orientation) img = img.withMetadata({ orientation: spec.orientation });
  await img
    .withExifMerge({
      IFD0: { Make: EVIDENCE.make, Model: EVIDENCE.model, Artist: EVIDENCE.artist },
      IFD2: { BodySerialNumber: EVIDENCE.serial, DateTimeOriginal: EVIDENCE.captured },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: EVIDENCE.gpsLatitude, GPSLongitudeRef: 'E', GPSLongitude: EVIDENCE.gpsLongitude },
    })
    .withXmp(XMP)
    .toFile(file);
  return file;
}

/** A materialised fixture: its temporary content folder and the generated images (absolute paths). */
export interface Fixture {
  contentDir: string;
  images: string[];
  remove(): void;
}

/**
 * Copies `tests/fixtures/<name>` into a fresh temporary folder and generates the images its
 * `images.json` lists (paths relative to the fixture folder). `edit` may change files before images
 * are made (e.g. to write a bad variant of a notice).
 */
export async function materialise(name: string): Promise<Fixture> {
  const src = path.join(FIXTURES, name);
  if (!fs.existsSync(src)) throw new Error(`No fixture ${src}`);
  const contentDir = tempDir(`fixture-${name.replaceAll('/', '-')}`);
  fs.cpSync(src, contentDir, { recursive: true });
  const manifest = path.join(contentDir, 'images.json');
  const images: string[] = [];
  if (fs.existsSync(manifest)) {
    const specs = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, ImageSpec | string>;
    for (const [rel, spec] of Object.entries(specs)) {
      if (typeof spec === 'string') continue; // comment entries
      images.push(await generateImage(path.join(contentDir, rel), spec));
    }
  }
  return { contentDir, images, remove: () => fs.rmSync(contentDir, { recursive: true, force: true }) };
}

/** What a test says when exiftool is not installed (it fails; it never skips). */
export const EXIFTOOL_MISSING =
  'exiftool is required by the image tests (they prove no GPS, camera or creator metadata reaches dist/, field case F10): ' +
  'install it with "apt-get install -y libimage-exiftool-perl" (see .ci/run).';

/** Throws EXIFTOOL_MISSING unless `exiftool -ver` runs, so a suite fails in its setup rather than skipping. */
export function requireExiftool(): void {
  try {
    execFileSync('exiftool', ['-ver'], { stdio: 'ignore' });
  } catch (err) {
    throw new Error(EXIFTOOL_MISSING, { cause: err });
  }
}

/**
 * `exiftool -json -G1 -a -r` of the given files or folders: one object per file, keys as
 * `Group:Tag` (e.g. `GPS:GPSLatitude`, `XMP-dc:Creator`). Only files exiftool recognises are read.
 * Throws EXIFTOOL_MISSING when exiftool is not installed, and exiftool's own message when it fails.
 */
export function exiftool(paths: string[], extra: string[] = []): Array<Record<string, unknown>> {
  if (paths.length === 0) return [];
  let out: string;
  try {
    out = execFileSync('exiftool', ['-json', '-G1', '-a', '-r', ...extra, ...paths], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(EXIFTOOL_MISSING, { cause: err });
    // exiftool exits 1 when some file had an error but still prints JSON for the others; anything else is a failure.
    const e = err as { status?: number; stdout?: string; stderr?: string };
    if (e.status !== 1 || !e.stdout?.trim().startsWith('[')) throw new Error(`exiftool failed: ${e.stderr ?? String(err)}`, { cause: err });
    out = e.stdout;
  }
  return JSON.parse(out) as Array<Record<string, unknown>>;
}
