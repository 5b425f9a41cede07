import { extractText, getDocumentProxy } from 'unpdf';

/** What the gate and the tests read back from a finished PDF. */
export interface PdfFacts {
  pages: number;
  /** Extracted text per page, in reading order. */
  pageTexts: string[];
  info: Record<string, unknown>;
  /** Titles of the top-level bookmarks. */
  outline: string[];
}

/** Parses the PDF with pdf.js (through unpdf): the same view of the file a reader's viewer has. */
export async function readPdfFacts(pdf: Uint8Array): Promise<PdfFacts> {
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const document = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const { totalPages, text } = await extractText(document, { mergePages: false });
    const meta = await document.getMetadata();
    const outline = (await document.getOutline()) ?? [];
    return {
      pages: totalPages,
      pageTexts: text,
      info: (meta.info ?? {}) as Record<string, unknown>,
      outline: outline.map((item) => item.title),
    };
  } finally {
    await document.loadingTask.destroy();
  }
}
