// `npm run preview`: serves the built site (dist/, or the configured distDir) on http://localhost:4321/ with a
// tiny static server, so the pages can be looked at exactly as a web server would deliver them.
// Options: --port N (default 4321), --host H (default 127.0.0.1; 0.0.0.0 to reach it from other machines),
// --dir PATH (default: the configured dist folder).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/loadConfig.ts';
import { staticHandler } from '../src/preview/staticHandler.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, dir: { type: 'string' } },
});
const root =
  values.dir !== undefined ? path.resolve(values.dir) : loadConfig({ cwd: process.cwd(), env: process.env }).paths.dist;
const port = Number(values.port ?? 4321);
const host = values.host ?? '127.0.0.1';

if (!existsSync(path.join(root, 'index.html'))) {
  process.stderr.write(
    `error[NothingToPreview]: ${root} has no index.html.\nhint: build the site first: npm run demo (or almanac build).\n`,
  );
  process.exit(2);
}

const handler = staticHandler(root);
const server = createServer((request, response) => {
  handler(request, response).catch((error: unknown) => {
    process.stderr.write(`preview: ${String(error)}\n`);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.on('error', (error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? `\nhint: port ${port} is taken; try npm run preview -- --port 4322` : '';
  process.stderr.write(`error[PreviewFailed]: ${error.message}${hint}\n`);
  process.exit(1);
});
server.listen(port, host, () => {
  const shown = host === '0.0.0.0' ? 'localhost' : host;
  process.stdout.write(`Serving ${root}\nOpen http://${shown}:${port}/ (Ctrl+C to stop)\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
