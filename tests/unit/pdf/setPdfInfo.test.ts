import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { setPdfInfo } from '../../../src/pdf/setPdfInfo.ts';

/** A minimal one-page PDF with a classic cross-reference table, written byte by byte. */
function minimalPdf(): Uint8Array {
  const objects = [
    '<< /Producer (test) >>',
    '<< /Type /Catalog /Pages 3 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 2 0 R /Info 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

describe('setPdfInfo', () => {
  it('adds title, author, subject and keywords (any characters) without touching the original bytes', async () => {
    const original = minimalPdf();
    const updated = setPdfInfo(original, {
      title: 'Daily report: Saturday 21 November 2026 · Almanac',
      author: 'Almanac',
      subject: 'Success rate 98.3% — m-13<script>(1)</script> fails',
      keywords: 'daily, 2026-11-21, Europe/Berlin',
      creator: 'Almanac 0.1.0',
      date: new Date('2026-11-22T07:00:05Z'),
    });
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const document = await getDocumentProxy(new Uint8Array(updated));
    const info = (await document.getMetadata()).info as Record<string, unknown>;
    expect(document.numPages).toBe(1);
    expect(info).toMatchObject({
      Title: 'Daily report: Saturday 21 November 2026 · Almanac',
      Author: 'Almanac',
      Subject: 'Success rate 98.3% — m-13<script>(1)</script> fails',
      Keywords: 'daily, 2026-11-21, Europe/Berlin',
      Creator: 'Almanac 0.1.0',
      CreationDate: 'D:20261122070005Z',
    });
    await document.loadingTask.destroy();
  });

  it('refuses a file without a classic trailer', () => {
    expect(() =>
      setPdfInfo(new Uint8Array(Buffer.from('%PDF-1.7\nnot really\n')), {
        title: 't',
        author: 'a',
        subject: 's',
        keywords: 'k',
        creator: 'c',
        date: new Date(0),
      }),
    ).toThrow(/no classic trailer/);
  });
});
