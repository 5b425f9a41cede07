import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticHandler } from '../../../src/preview/staticHandler.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const root = tempDir('preview');
const site = path.join(root, 'dist');
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(path.join(site, 'daily', '2026-11-21'), { recursive: true });
  mkdirSync(path.join(site, 'pdf', 'daily'), { recursive: true });
  writeFileSync(path.join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(path.join(site, 'daily', '2026-11-21', 'index.html'), '<h1>day</h1>');
  writeFileSync(path.join(site, 'pdf', 'daily', '2026-11-21.pdf'), '%PDF-1.7');
  writeFileSync(path.join(root, 'secret.txt'), 'outside');
  const handler = staticHandler(site);
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function rawGet(pathname: string): Promise<{ status: number | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path: pathname }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('staticHandler', () => {
  it('serves index.html for folders and files with their content type', async () => {
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<h1>home</h1>');
    expect(await (await fetch(`${base}/daily/2026-11-21/`)).text()).toBe('<h1>day</h1>');
    const pdf = await fetch(`${base}/pdf/daily/2026-11-21.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('redirects a folder without its slash, 404s what is missing', async () => {
    const redirect = await fetch(`${base}/daily/2026-11-21`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/daily/2026-11-21/');
    expect((await fetch(`${base}/weekly/2026-W47/`)).status).toBe(404);
  });

  it('never serves a file outside the root and answers only GET and HEAD', async () => {
    // Sent as written (fetch would normalize the dots away before they reach the server). An encoded slash
    // survives URL parsing and is refused; plain and encoded dot segments are resolved inside the root.
    expect(await rawGet('/..%2fsecret.txt')).toEqual({ status: 403, body: 'forbidden' });
    for (const attempt of ['/%2e%2e/secret.txt', '/../secret.txt', '/daily/../../secret.txt']) {
      const { status, body } = await rawGet(attempt);
      expect(status).toBe(404);
      expect(body).not.toContain('outside');
    }
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${base}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('13');
  });
});
