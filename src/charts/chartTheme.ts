// Colours chosen to keep 3:1 contrast against both the light (#ffffff) and dark (#14161a) page backgrounds,
// so one rendered SVG serves both themes. Text, axes and grid use currentColor and follow the page theme.
import type { Config } from 'vega-lite';

/** Plot width in px; the SVG scales down to the page width through its viewBox. */
export const CHART_WIDTH = 620;

export const palette = {
  blue: '#3f7fd0',
  orange: '#d9822b',
  red: '#d64545',
  teal: '#2f9e8f',
  green: '#3d9a50',
  purple: '#9467bd',
  grey: '#8a8f98',
} as const;

export const categoryColors = [
  palette.blue,
  palette.orange,
  palette.teal,
  palette.purple,
  palette.red,
  palette.green,
  palette.grey,
];

export const poolColors: Record<string, string> = {
  fast: palette.teal,
  standard: palette.blue,
  heavy: palette.purple,
  production: palette.orange,
};

export const chartConfig: Config = {
  background: null as unknown as string,
  font: 'sans-serif',
  view: { stroke: null },
  axis: {
    labelColor: 'currentColor',
    titleColor: 'currentColor',
    domainColor: 'currentColor',
    tickColor: 'currentColor',
    gridColor: 'currentColor',
    gridOpacity: 0.12,
    domainOpacity: 0.5,
    tickOpacity: 0.5,
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    labelLimit: 160,
  },
  legend: {
    labelColor: 'currentColor',
    titleColor: 'currentColor',
    labelFontSize: 11,
    titleFontSize: 11,
    labelLimit: 160,
    orient: 'bottom',
  },
  title: { color: 'currentColor' },
  text: { color: 'currentColor' },
  range: { category: categoryColors },
};
