// The site benchmarks' reference: Astro building the same number of pages with nothing on them, with the build
// options the site uses (static, directory format, inline styles). What the site build costs above it is ours:
// loading bundles, rendering charts, the page components and publishing.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'astro';
import type { Figure } from './Benchmark.ts';

/** Builds `pages` empty pages in a scratch project under `dir`; seconds from Astro's build call to its return. */
export async function astroEmptyPages(pages: number, dir: string): Promise<Figure> {
  const root = await mkdtemp(path.join(dir, 'astro-empty-'));
  try {
    const srcDir = path.join(root, 'src');
    await mkdir(path.join(srcDir, 'pages', '[id]'), { recursive: true });
    await writeFile(
      path.join(srcDir, 'pages', '[id]', 'index.astro'),
      `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: 'p' + i } }));\n}\n---\n<html lang="en"><head><title>empty</title></head><body></body></html>\n`,
    );
    // As in src/site/runAstroBuild.ts: Astro's prerender chunks import packages by name from the working directory.
    await symlink(nodeModulesDir(), path.join(root, 'node_modules'), 'dir');
    const cwd = process.cwd();
    process.chdir(root);
    const started = performance.now();
    try {
      await build({
        root,
        srcDir,
        configFile: false,
        outDir: path.join(root, 'out'),
        cacheDir: path.join(root, 'cache'),
        logLevel: 'error',
        output: 'static',
        trailingSlash: 'always',
        devToolbar: { enabled: false },
        build: { format: 'directory', inlineStylesheets: 'always' },
        publicDir: path.join(root, 'no-public'),
        vite: { logLevel: 'error' },
      });
    } finally {
      process.chdir(cwd);
    }
    return { value: (performance.now() - started) / 1000, unit: 's', notes: { emptyPages: pages } };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function nodeModulesDir(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('astro'));
  while (path.basename(dir) !== 'node_modules' && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}
