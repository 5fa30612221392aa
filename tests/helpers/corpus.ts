/**
 * Fixture corpora written at test time: notices as MDX files with images made by sharp (solid
 * colours, optionally with GPS position, camera serial, creator and capture time in EXIF and XMP,
 * as an officer's camera writes them; field case F10).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { stringify } from 'yaml';

/** An image of a fixture notice. `colour` identifies it in dist/ after resizing. */
export interface FixtureImage {
  file: string;
  colour: [number, number, number];
  tlp?: string;
  alt?: string;
  /** Write GPS, serial, creator and capture time (default true). */
  gps?: boolean;
  width?: number;
  height?: number;
}

/** A fixture notice; frontmatter defaults make it valid. */
export interface FixtureNotice {
  slug: string;
  id: string;
  tlp: string;
  title: string;
  /** A sentence only this notice contains (put in the summary and the body). */
  sentinel: string;
  commodities?: string[];
  operation?: string;
  related?: string[];
  images: FixtureImage[];
  body?: string;
  /** Extra or overriding frontmatter fields. */
  data?: Record<string, unknown>;
}

const XMP_CREATOR = (who: string) =>
  `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
  `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${who}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** Writes a JPEG (or PNG by extension) of one colour, with camera metadata unless `gps: false`. */
export async function writeImage(file: string, img: Omit<FixtureImage, 'file'>): Promise<void> {
  const [r, g, b] = img.colour;
  let s = sharp({ create: { width: img.width ?? 1200, height: img.height ?? 900, channels: 3, background: { r, g, b } } });
  s = file.endsWith('.png') ? s.png() : s.jpeg({ quality: 90 });
  if (img.gps !== false) {
    s = s
      .withExif({
        IFD0: { Make: 'FixtureCam', Model: 'FC-1', Artist: 'Officer A' },
        IFD2: { DateTimeOriginal: '2023:10:29 10:11:12', BodySerialNumber: 'SN-4711-FIXTURE' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 26/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 45/1 0/1' },
      })
      .withXmp(XMP_CREATOR('Officer A'));
  }
  await s.toFile(file);
}

/** The MDX text of a fixture notice. */
export function noticeMdx(n: FixtureNotice): string {
  const data: Record<string, unknown> = {
    id: n.id,
    title: n.title,
    summary: `${n.title}. ${n.sentinel}`,
    tlp: n.tlp,
    status: 'active',
    published: '2030-01-15',
    ...(n.operation ? { operation: n.operation } : {}),
    crimeAreas: ['drug-trafficking'],
    commodities: n.commodities ?? ['cocaine'],
    concealment: { category: 'inside-goods', object: `Object of ${n.slug}` },
    transportModes: ['air-cargo'],
    indicators: ['Goods heavier than declared.'],
    recommendedActions: ['X-ray the goods.'],
    images: n.images.map((img) => ({
      src: img.file,
      alt: img.alt ?? `Picture for ${n.slug}`,
      kind: 'photo',
      ...(img.tlp ? { tlp: img.tlp } : {}),
    })),
    related: n.related ?? [],
    sources: [{ title: 'Fixture source', publisher: 'Modus tests' }],
    ...n.data,
  };
  return `---\n${stringify(data)}---\n${n.body ?? `## How it was hidden\n\n${n.sentinel}\n\nThe goods were found during a routine check.\n`}`;
}

/** Writes `notices` into `<dir>/notices/<slug>/` (index.mdx and images). Returns `dir`. */
export async function writeCorpus(dir: string, notices: readonly FixtureNotice[]): Promise<string> {
  for (const n of notices) {
    const folder = path.join(dir, 'notices', n.slug);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'index.mdx'), noticeMdx(n));
    for (const img of n.images) await writeImage(path.join(folder, img.file), img);
  }
  return dir;
}

/** Every file under `dir` with its SHA-256 and modification time, to prove nothing was changed. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const abs = path.join(d.parentPath, d.name);
    const st = fs.statSync(abs);
    out.set(path.relative(dir, abs), `${crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex')} ${st.mtimeMs}`);
  }
  return out;
}
