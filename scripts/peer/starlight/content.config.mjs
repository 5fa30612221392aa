// The peer's content: Starlight's docs collection (src/content/docs/), with Starlight's own loader
// and frontmatter schema (title, description, …). Copied to src/content.config.mjs of the peer project.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
