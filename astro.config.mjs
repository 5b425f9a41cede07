// `almanac build` does not read this file: src/site/runAstroBuild.ts drives Astro's build() API with an
// inline config (paths from the Almanac config, page data from a virtual module). The settings below
// mirror that inline config for editor tooling. The chart island is bundled separately as a classic
// script (src/site/buildClientScript.ts) so that pages also work from file://.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
