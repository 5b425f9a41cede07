import { AlmanacError } from '../errors/AlmanacError.ts';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  /** When the document was made (the export time). */
  date: Date;
}

/**
 * Sets the document information dictionary of a PDF by appending an incremental update (PDF 1.7 §7.5.6): a new
 * Info object, a one-entry cross-reference section and a trailer pointing back at the original. Chromium maps
 * only <title> to the metadata, and an update leaves every original byte in place, so this cannot damage the
 * page content. Only classic cross-reference tables (what Chromium's Skia writer emits) are handled.
 */
export function setPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  const trailer = trailerAt >= 0 ? tail.slice(trailerAt) : '';
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const rootRef = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!startxref || !size || !rootRef) {
    throw new AlmanacError('PdfMetadataFailed', 'The PDF from Chromium has no classic trailer to update.', {
      hint: 'This Chromium writes a format Almanac cannot annotate; report it with `chromium --version`.',
    });
  }
  const objectNumber = Number(size[1]);
  const date = pdfDate(info.date);
  const body =
    `\n${objectNumber} 0 obj\n<< /Title ${pdfString(info.title)} /Author ${pdfString(info.author)}` +
    ` /Subject ${pdfString(info.subject)} /Keywords ${pdfString(info.keywords)}` +
    ` /Creator ${pdfString(info.creator)} /Producer ${pdfString('Chromium (Skia/PDF) via Almanac')}` +
    ` /CreationDate (${date}) /ModDate (${date}) >>\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = pdf.length + Buffer.byteLength(body, 'latin1');
  const update =
    body +
    `xref\n0 1\n0000000000 65535 f \n${objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${objectNumber + 1} /Root ${rootRef[1]} /Info ${objectNumber} 0 R /Prev ${startxref[1]} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + Buffer.byteLength(update, 'latin1'));
  out.set(pdf, 0);
  out.set(Buffer.from(update, 'latin1'), pdf.length);
  return out;
}

/** A text string as UTF-16BE with a byte order mark, hex-encoded: safe for any character, no escaping rules. */
function pdfString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
