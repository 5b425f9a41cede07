// Puts a finished build in place of dist/ without ever exposing a half-written site. The new tree is
// assembled next to dist/ (same file system), then swapped in with two renames; a crash between the two
// renames leaves `<dist>.previous`, which the next build moves back before doing anything else.
import { link, mkdir, readdir, rename, rm, copyFile, stat } from 'node:fs/promises';
import path from 'node:path';

export function previousDir(distDir: string): string {
  return `${distDir}.previous`;
}

/** Undo a swap interrupted between its two renames, and drop staging folders of interrupted builds. */
export async function recoverInterruptedBuild(distDir: string): Promise<void> {
  const previous = previousDir(distDir);
  if (!(await exists(distDir)) && (await exists(previous))) await rename(previous, distDir);
  await rm(previous, { recursive: true, force: true });
  const parent = path.dirname(distDir);
  const prefix = `${path.basename(distDir)}.staging-`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (name.startsWith(prefix)) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

export async function swapIntoPlace(nextDir: string, distDir: string): Promise<void> {
  const previous = previousDir(distDir);
  const hadDist = await exists(distDir);
  if (hadDist) await rename(distDir, previous);
  await rename(nextDir, distDir);
  if (hadDist) await rm(previous, { recursive: true, force: true });
}

/**
 * Copies a tree by hard links (cheap: no file content is copied), skipping `except` (relative paths).
 * Files are never modified in place afterwards, only replaced, so sharing inodes with dist/ is safe.
 */
export async function linkTree(from: string, to: string, except: Set<string> = new Set(), rel = ''): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (except.has(relPath)) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(src, dst, except, relPath);
    else if (entry.isFile()) await link(src, dst).catch(() => copyFile(src, dst));
  }
}

/** Moves every file of `from` into `to`, replacing what is there (both in the staging area). */
export async function overlayTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await overlayTree(src, dst);
    } else if (entry.isFile()) {
      await rm(dst, { force: true });
      await rename(src, dst);
    }
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
