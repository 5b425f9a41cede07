// Runs Astro's build API on the site sources in this package, whatever the working directory.
// The pages learn what to render from a virtual module; all paths come from the caller.
import { fileURLToPath } from 'node:url';
import { symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'astro';
import type { ReportKind } from './PageView.ts';

const srcDir = fileURLToPath(new URL('../', import.meta.url));
const VIRTUAL_ID = 'virtual:almanac/site';
const RESOLVED_ID = '\0almanac-site';

export type AstroBuildInput = {
  /** A scratch folder that holds outDir; Astro's temporary server chunks are written under it. */
  stagingDir: string;
  outDir: string;
  workDir: string;
  cacheDir: string;
  siteTitle: string;
  reportPages: { kind: ReportKind; id: string }[];
};

export async function runAstroBuild(input: AstroBuildInput): Promise<void> {
  const moduleSource = [
    `export const workDir = ${JSON.stringify(input.workDir)};`,
    `export const siteTitle = ${JSON.stringify(input.siteTitle)};`,
    `export const reportPages = ${JSON.stringify(input.reportPages)};`,
  ].join('\n');
  // Astro writes its prerender chunks under outDir only when outDir is inside the working directory
  // (else into ./.astro of the working directory), and those chunks import packages by name. So the build
  // runs with the staging folder as working directory and a node_modules link to this package's modules.
  await symlink(nodeModulesDir(), path.join(input.stagingDir, 'node_modules'), 'dir');
  const cwd = process.cwd();
  process.chdir(input.stagingDir);
  try {
    await runBuild(input, moduleSource);
  } finally {
    process.chdir(cwd);
  }
}

async function runBuild(input: AstroBuildInput, moduleSource: string): Promise<void> {
  await build({
    // The project root is the staging folder (Astro writes its .astro/ type cache there, not into the
    // installed package, which may be read-only); the pages come from this package's src/.
    root: input.stagingDir,
    srcDir,
    configFile: false,
    outDir: input.outDir,
    cacheDir: input.cacheDir,
    logLevel: 'error',
    output: 'static',
    trailingSlash: 'always',
    devToolbar: { enabled: false },
    // The stylesheet goes inline so a page needs no other file; links are relative (see pagePath.ts).
    build: { format: 'directory', inlineStylesheets: 'always' },
    // No public/ folder: everything a page needs is inlined or written by the engine.
    publicDir: path.join(input.cacheDir, 'no-public'),
    vite: {
      logLevel: 'error',
      plugins: [
        {
          name: 'almanac-site-data',
          resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
          load: (id: string) => (id === RESOLVED_ID ? moduleSource : undefined),
        },
      ],
    },
  });
}

function nodeModulesDir(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('astro'));
  while (path.basename(dir) !== 'node_modules' && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}
