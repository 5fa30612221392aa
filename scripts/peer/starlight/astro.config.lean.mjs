// The benchmark's peer: Starlight with a sidebar of one link (home). Starlight's default sidebar
// lists every page on every page, so its build time grows with the square of the pages; with one
// link it grows with the pages, which makes it the fairer and the harder peer to beat.
// Build: astro build --config astro.config.lean.mjs (Pagefind indexes the pages inside that build).
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://example.org',
  integrations: [starlight({ title: 'Peer Notices', sidebar: [{ label: 'Home', link: '/' }] })],
});
