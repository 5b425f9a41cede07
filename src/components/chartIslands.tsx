// Client entry, shipped as one classic script (not an ES module) so it also runs from file://.
// Each chart figure carries its Vega spec in a JSON data block; the island mounts when the figure is visible.
import { createRoot } from 'react-dom/client';
import type { Spec } from 'vega';
import { ChartTooltips } from './ChartTooltips.tsx';

function mount(figure: HTMLElement): void {
  const data = figure.querySelector<HTMLScriptElement>('script[type="application/json"].chart-spec');
  const host = figure.querySelector<HTMLElement>('.chart-island');
  if (!data?.textContent || !host) return;
  const spec = JSON.parse(data.textContent) as Spec;
  const title = figure.dataset.title ?? '';
  createRoot(host).render(
    <ChartTooltips spec={spec} title={title} fallback={figure.querySelector<HTMLElement>('.chart-static')} />,
  );
}

function start(): void {
  const figures = Array.from(document.querySelectorAll<HTMLElement>('figure[data-chart]'));
  if (!('IntersectionObserver' in window)) {
    figures.forEach(mount);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        mount(entry.target as HTMLElement);
      }
    },
    { rootMargin: '200px' },
  );
  figures.forEach((f) => observer.observe(f));
}

// Printing keeps the static SVG, which is what the PDF export uses.
if (!window.matchMedia('print').matches) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
