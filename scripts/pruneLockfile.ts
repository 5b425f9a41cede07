// npm 11's `npm ci` refuses a lockfile whose packages name optional platform binaries (darwin, win32, arm…)
// that the lockfile does not contain. The registry this project installs from carries only some platforms'
// binaries for the newest releases, so `npm install` leaves such dangling optional edges behind. This removes
// them, keeping every package that is actually locked. Run `npm run lock:prune` after any `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

interface LockPackage {
  optionalDependencies?: Record<string, string>;
}
interface Lockfile {
  packages: Record<string, LockPackage>;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8')) as Lockfile;
const locked = new Set(Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, '')));
let removed = 0;
for (const entry of Object.values(lock.packages)) {
  const optional = entry.optionalDependencies;
  if (!optional) continue;
  for (const name of Object.keys(optional)) {
    if (!locked.has(name)) {
      delete optional[name];
      removed++;
    }
  }
  if (Object.keys(optional).length === 0) delete entry.optionalDependencies;
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
process.stdout.write(`package-lock.json: removed ${removed} optional dependencies that are not locked\n`);
