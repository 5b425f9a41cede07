// A hash of everything that shapes a page besides its data: the site's own source files and the versions
// of the libraries that render them. When it changes, every page is rebuilt.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const srcDir = fileURLToPath(new URL('../', import.meta.url));
const FOLDERS = ['charts', 'site', 'pages', 'layouts', 'components', 'styles', 'report'];
const LIBRARIES = ['astro', 'vega', 'vega-lite', 'vega-embed', 'react'];

export async function siteVersion(): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of FOLDERS) {
    for (const file of await listFiles(path.join(srcDir, folder))) {
      hash.update(path.relative(srcDir, file));
      hash.update(await readFile(file));
    }
  }
  const require = createRequire(import.meta.url);
  for (const lib of LIBRARIES) {
    hash.update(`${lib}@${await packageVersion(path.dirname(require.resolve(lib)), lib)}`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Walks up from a package's entry file to its package.json (some packages do not export that path). */
async function packageVersion(dir: string, name: string): Promise<string> {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    const pkg = (await readFile(path.join(d, 'package.json'), 'utf8').then(JSON.parse, () => null)) as {
      name?: string;
      version?: string;
    } | null;
    if (pkg?.name === name && pkg.version) return pkg.version;
  }
  return 'unknown';
}
