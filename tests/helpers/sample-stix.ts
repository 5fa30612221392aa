/**
 * The sample notices of content/ as the STIX export takes them (src/exchange/stix/notice-objects.ts), read
 * straight from their files and validated with the notice and translation schemas (images as file names).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { noticeTranslationSchema } from '../../src/model/translation.ts';
import { translationLanguageOf } from '../../src/model/translation.ts';
import type { NoticeData } from '../../src/model/notice.ts';
import type { StixNoticeInput } from '../../src/exchange/stix/notice-objects.ts';
import { schema } from './notice-data.ts';

/** The publisher and site of the tests' exports. */
export const TEST_PUBLISHER = { publisher: 'Test Customs Intelligence', siteUrl: 'https://modus.example.org' };

/** Every notice under `content/notices/` (default the repository's samples), in folder order. */
export function sampleNotices(dir = path.resolve('content/notices')): StixNoticeInput[] {
  return fs
    .readdirSync(dir)
    .sort()
    .map((slug) => {
      const folder = path.join(dir, slug);
      const { frontmatter, content } = parseFrontmatter(fs.readFileSync(path.join(folder, 'index.mdx'), 'utf8'));
      const data = schema.parse(frontmatter) as NoticeData;
      const translations: StixNoticeInput['translations'] = {};
      for (const file of fs.readdirSync(folder).sort()) {
        const lang = translationLanguageOf(file);
        if (!lang) continue;
        const t = parseFrontmatter(fs.readFileSync(path.join(folder, file), 'utf8'));
        translations[lang] = { frontmatter: noticeTranslationSchema().parse(t.frontmatter), body: t.content };
      }
      const { images: _images, ...rest } = data;
      return { slug, data: rest, body: content, translations };
    });
}
