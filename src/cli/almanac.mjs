#!/usr/bin/env node
// Entry point of the `almanac` command. Plain JavaScript so that an old Node gets a clear message instead of a
// syntax error: the rest of Almanac is TypeScript that Node >= 22.18 runs directly (type stripping).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `error[NodeTooOld]: Almanac needs Node >= 22.18 (Node 24 LTS recommended); this is Node ${process.versions.node}.\n` +
      'hint: install Node 24, or run: npm install --prefix ~/.cache/almanac-node node@24 && ' +
      'export PATH=~/.cache/almanac-node/node_modules/.bin:$PATH\n',
  );
  process.exit(2);
}
// V8 sizes its young generation from the machine's memory: 64 MB semi-spaces on a 24 GB host, which a collection
// pass fills with short-lived strings, for 100 MB more peak memory and no speed (docs/collector.md, "One walk of
// the keyspace, and memory under 500 MB by default"). The size can only be set when the process starts, so
// Almanac restarts itself once with it, in place: execve keeps the process id, so cron's flock, systemd and a
// kill -9 still see one process. A size given explicitly (a node flag or NODE_OPTIONS) is left alone.
const YOUNG_GENERATION = '--max-semi-space-size=16';
const nodeOptions = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
if (!nodeOptions.some((o) => o.startsWith('--max-semi-space-size')) && typeof process.execve === 'function') {
  try {
    process.execve(process.execPath, [
      process.execPath,
      YOUNG_GENERATION,
      ...process.execArgv,
      ...process.argv.slice(1),
    ]);
  } catch {
    // Not allowed here (a sandbox, an odd platform): run on with V8's own size.
  }
}
const { main } = await import('./main.ts');
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
