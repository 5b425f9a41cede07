import { getDocumentProxy } from 'unpdf';
import { squashText } from './squashText.ts';

/** What the gate and the tests read back from a finished PDF. */
export interface PdfFacts {
  pages: number;
  /** Extracted text per page, in reading order: every page, or the first pages until all `needles` were seen. */
  pageTexts: string[];
  info: Record<string, unknown>;
  /** Titles of the top-level bookmarks. */
  outline: string[];
}

/**
 * Parses the PDF with pdf.js (through unpdf): the same view of the file a reader's viewer has. Text extraction is
 * most of the cost, so with `needles` it reads pages in order and stops once every needle has been seen (the KPI
 * values sit on page 1); a needle that is missing makes it read every page, so absence is always confirmed.
 */
export async function readPdfFacts(pdf: Uint8Array, options: { needles?: readonly string[] } = {}): Promise<PdfFacts> {
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const document = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const pending = new Set((options.needles ?? []).map(squashText));
    const stopEarly = options.needles !== undefined;
    const pageTexts: string[] = [];
    let seen = '';
    for (let n = 1; n <= document.numPages; n += 1) {
      const content = await (await document.getPage(n)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pageTexts.push(text);
      if (!stopEarly) continue;
      seen += squashText(text);
      for (const needle of pending) if (seen.includes(needle)) pending.delete(needle);
      if (pending.size === 0) break;
    }
    const meta = await document.getMetadata();
    const outline = (await document.getOutline()) ?? [];
    return {
      pages: document.numPages,
      pageTexts,
      info: (meta.info ?? {}) as Record<string, unknown>,
      outline: outline.map((item) => item.title),
    };
  } finally {
    await document.loadingTask.destroy();
  }
}
