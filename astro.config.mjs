// The report site. Pages live in src/pages and read report bundles (data/reports) at build time;
// `almanac build` drives this config, so paths come from the environment it sets, not from here.
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

export default defineConfig({
  output: 'static',
  integrations: [react()],
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
