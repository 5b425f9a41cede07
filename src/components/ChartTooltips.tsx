// The React island of a chart: once the figure scrolls into view it re-renders the chart with vega-embed
// in place of the static SVG, which adds tooltips. Everything else on the page works without it.
// Vega runs with its expression interpreter (no eval, so the CSP needs no 'unsafe-eval') and a loader
// that refuses every URL; tooltip text goes through vega-tooltip's HTML escaping.
import { useEffect, useRef } from 'react';
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { Spec } from 'vega';

export type ChartTooltipsProps = {
  spec: Spec;
  title: string;
  /** The static SVG container this island replaces once the interactive chart is ready. */
  fallback: HTMLElement | null;
};

const refuse = (): Promise<never> => Promise.reject(new Error('charts carry their data inline'));

export function ChartTooltips({ spec, title, fallback }: ChartTooltipsProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let finalize: (() => void) | undefined;
    let cancelled = false;
    embed(el, spec, {
      mode: 'vega',
      renderer: 'svg',
      actions: false,
      ast: true,
      expr: expressionInterpreter,
      defaultStyle: false,
      loader: { load: refuse, sanitize: refuse, http: refuse, file: refuse } as never,
      tooltip: { theme: 'almanac', disableDefaultStyle: true },
    })
      .then((result) => {
        if (cancelled) {
          result.finalize();
          return;
        }
        finalize = result.finalize;
        const svg = el.querySelector('svg');
        svg?.setAttribute('role', 'img');
        svg?.setAttribute('aria-label', title);
        if (fallback) fallback.hidden = true;
        el.dataset.ready = 'true';
      })
      .catch((error: unknown) => {
        // The static SVG stays visible; say why in the console for whoever debugs the page.
        console.warn('chart tooltips unavailable:', error instanceof Error ? error.message : error);
      });
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [spec, title, fallback]);
  return <div ref={ref} className="chart-live" />;
}
