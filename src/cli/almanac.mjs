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
const { main } = await import('./main.ts');
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
