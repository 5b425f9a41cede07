import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypes } from './contentTypes.ts';

/**
 * A request handler that serves the files under `root`, as any static web server would: `/x/` serves
 * `x/index.html`, `/x` redirects to `/x/` when x is a folder, nothing outside `root` is reachable, and only GET
 * and HEAD are answered. For previewing dist/ only; production uses a real web server (docs/operations.md).
 */
export function staticHandler(root: string) {
  const base = path.resolve(root);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://preview').pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    const file = path.resolve(base, `.${pathname}`);
    if (pathname.includes('\0') || (file !== base && !file.startsWith(base + path.sep))) {
      response.writeHead(403).end('forbidden');
      return;
    }
    let target = file;
    let info = await stat(target).catch(() => null);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${encodeURI(pathname)}/` }).end();
        return;
      }
      target = path.join(file, 'index.html');
      info = await stat(target).catch(() => null);
    }
    if (!info?.isFile()) {
      const notFound = path.join(base, '404.html');
      const page = await stat(notFound).catch(() => null);
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      if (page?.isFile() && request.method === 'GET') createReadStream(notFound).pipe(response);
      else response.end('<!doctype html><title>Not found</title><p>Not found.</p>');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(target).pipe(response);
  };
}
