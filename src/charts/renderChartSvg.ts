// Build-time renderer: Vega-Lite spec -> Vega -> headless View -> SVG string, inlined into pages.
// Specs only ever carry inline data; the loader refuses every URL so a spec cannot make the build fetch
// or read files. Text from Redis reaches the SVG only as text nodes, which vega escapes; the final check
// rejects markup that could run script should that ever change.
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

const refusingLoader = {
  ...vega.loader(),
  load: async (uri: string) => {
    throw new Error(`chart specs must not load external data (${uri.slice(0, 80)})`);
  },
  sanitize: async (uri: string) => {
    throw new Error(`chart specs must not load external data (${uri.slice(0, 80)})`);
  },
} as unknown as vega.Loader;

/** Compiles Vega-Lite to Vega once; the same Vega spec feeds the SVG and the browser island. */
export function compileChart(spec: TopLevelSpec): vega.Spec {
  return compile(spec).spec;
}

export async function renderChartSvg(vegaSpec: vega.Spec, title: string): Promise<string> {
  assertInlineData(vegaSpec);
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader: refusingLoader });
  try {
    const svg = await view.toSVG();
    return finishSvg(svg, title);
  } finally {
    view.finalize();
  }
}

/** Vega logs and carries on when a load fails, so URL data is rejected up front instead. */
export function assertInlineData(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) assertInlineData(item);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.data)) {
      for (const d of record.data) {
        if (d && typeof d === 'object' && 'url' in d) {
          throw new Error(
            `chart specs must not load external data (${String((d as { url: unknown }).url).slice(0, 80)})`,
          );
        }
      }
    }
    if (Array.isArray(record.marks)) assertInlineData(record.marks);
  }
}

const forbidden = /<(script|foreignObject|iframe|a\b)|javascript:/i;

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Marks the SVG as decorative-with-label for assistive tech (the figure carries the real text). */
function finishSvg(svg: string, title: string): string {
  if (forbidden.test(svg)) throw new Error('rendered chart contains active markup');
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeText(title)}" focusable="false" `);
}
