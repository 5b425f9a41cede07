import type { KeptBlock } from './findKeepViolations.ts';

/** What the PDF step relies on in the site's markup; documented in docs/pdf.md. */
export const KEPT_SELECTOR = 'figure.chart, .kpi, .score, .rec, .banner, .verdict, tr, [data-keep]';
export const CHART_SELECTOR = 'figure.chart, [data-chart]';

export type ChartState = 'drawn' | 'no-data' | 'missing' | 'zero-size' | 'blank' | 'error';

export interface ChartFinding {
  label: string;
  state: ChartState;
}

export interface OverflowFinding {
  label: string;
  right: number;
}

export interface LayoutFindings {
  viewportWidth: number;
  scrollWidth: number;
  documentHeight: number;
  charts: ChartFinding[];
  overflow: OverflowFinding[];
  blocks: KeptBlock[];
  forcedBreaks: number[];
}

/**
 * Runs inside the page (passed to page.evaluate, so it must not close over anything). First prepares the page for
 * paper, in the same round trip: adds the print rules as a <style> and opens folded <details> (print.css hides the
 * chart data tables and the toggles). Then reads the print-media layout the PDF will be cut from. Charts: every chart figure must hold an SVG with a size and at least one drawn mark,
 * unless the site says there is no data (`.chart-empty`) or flags an error (`data-chart-state="error"`).
 */
export function measureLayout(selectors: { kept: string; chart: string; printCss: string }): LayoutFindings {
  const root = document.documentElement;
  // An SVG is checked as a whole; its thousands of marks are not layout boxes worth a computed style each.
  const NOT_INSIDE_SVG = '*:not(svg *)';
  const style = document.createElement('style');
  style.setAttribute('data-almanac-print', '');
  style.textContent = selectors.printCss;
  document.head.append(style);
  for (const d of document.querySelectorAll('details')) d.open = true;
  const scrollTop = window.scrollY;
  const visible = (el: Element) => el.getClientRects().length > 0;
  const label = (el: Element) => {
    const name =
      el.getAttribute('data-title') ??
      el.querySelector('figcaption .title, figcaption, h3, .label, th, td')?.textContent ??
      el.textContent ??
      '';
    const cls =
      typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/)[0]}` : '';
    const id = el.id ? `#${el.id}` : '';
    const text = name.replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${el.tagName.toLowerCase()}${id || cls}${text ? ` "${text}"` : ''}`;
  };

  const charts: ChartFinding[] = [];
  const seen = new Set<Element>();
  for (const fig of document.querySelectorAll(selectors.chart)) {
    const figure = fig.closest('figure.chart') ?? fig;
    if (seen.has(figure) || !visible(figure)) continue;
    seen.add(figure);
    let state: ChartState;
    if (figure.getAttribute('data-chart-state') === 'error') state = 'error';
    else if (figure.querySelector('.chart-empty')) state = 'no-data';
    else {
      const svg = figure.querySelector('.chart-static svg') ?? figure.querySelector('svg');
      if (!svg || !visible(svg)) state = 'missing';
      else {
        const box = svg.getBoundingClientRect();
        if (box.width < 1 || box.height < 1) state = 'zero-size';
        else {
          const marks = svg.querySelectorAll('path, rect, line, circle, ellipse, polyline, polygon, text, image, use');
          let drawn = 0;
          for (const mark of marks) {
            const b = (mark as SVGGraphicsElement).getBBox?.();
            if (b && (b.width > 0 || b.height > 0)) drawn += 1;
            if (drawn >= 2) break;
          }
          state = drawn >= 2 ? 'drawn' : 'blank';
        }
      }
    }
    charts.push({ label: label(figure), state });
  }

  const viewportWidth = root.clientWidth;
  const overflow: OverflowFinding[] = [];
  for (const el of document.body.querySelectorAll(NOT_INSIDE_SVG)) {
    if (overflow.length >= 5) break;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= viewportWidth + 1) continue;
    // Off-screen helpers (skip links, visually hidden text) are clipped to nothing and do not print.
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || (style.position === 'absolute' && box.width <= 1)) continue;
    if (el.closest('.skip, .visually-hidden, .sr-only')) continue;
    // Report the outermost culprit only.
    if (overflow.some((o) => o.label === label(el.parentElement ?? el))) continue;
    overflow.push({ label: label(el), right: Math.round(box.right) });
  }

  const blocks: KeptBlock[] = [];
  for (const el of document.querySelectorAll(selectors.kept)) {
    if (!visible(el)) continue;
    const outer = el.parentElement?.closest(selectors.kept);
    if (outer && visible(outer)) continue;
    const box = el.getBoundingClientRect();
    if (box.height === 0) continue;
    const style = getComputedStyle(el);
    let repeatedHeader = 0;
    if (el.tagName === 'TR') {
      const thead = el.closest('table')?.querySelector('thead');
      if (thead && el.parentElement !== thead && getComputedStyle(thead).display === 'table-header-group')
        repeatedHeader = thead.getBoundingClientRect().height;
    }
    blocks.push({
      label: label(el),
      top: box.top + scrollTop,
      bottom: box.bottom + scrollTop,
      avoid: style.breakInside === 'avoid' || style.breakInside === 'avoid-page',
      repeatedHeader,
    });
  }

  const forcedBreaks: number[] = [];
  for (const el of document.body.querySelectorAll(NOT_INSIDE_SVG)) {
    const style = getComputedStyle(el);
    if ((style.breakBefore === 'page' || style.breakBefore === 'always') && visible(el))
      forcedBreaks.push(el.getBoundingClientRect().top + scrollTop);
  }

  return {
    viewportWidth,
    scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth),
    documentHeight: Math.max(root.scrollHeight, document.body.scrollHeight),
    charts,
    overflow,
    blocks,
    forcedBreaks,
  };
}
