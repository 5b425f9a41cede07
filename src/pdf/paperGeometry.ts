/** Paper sizes the config allows, in millimetres (portrait). */
const PAPER_MM = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
} as const;

export type Paper = keyof typeof PAPER_MM;

/** Room for the running header (top) and footer (bottom); the sides are ordinary print margins. */
export const MARGINS_MM = { top: 17, bottom: 15, left: 14, right: 14 } as const;

export interface PaperGeometry {
  paper: Paper;
  widthMm: number;
  heightMm: number;
  /** The printable box in CSS pixels (96 per inch): what Chromium lays the document out in. */
  contentWidthPx: number;
  contentHeightPx: number;
}

const PX_PER_MM = 96 / 25.4;

export function paperGeometry(paper: Paper): PaperGeometry {
  const size = PAPER_MM[paper];
  return {
    paper,
    widthMm: size.width,
    heightMm: size.height,
    contentWidthPx: (size.width - MARGINS_MM.left - MARGINS_MM.right) * PX_PER_MM,
    contentHeightPx: (size.height - MARGINS_MM.top - MARGINS_MM.bottom) * PX_PER_MM,
  };
}
