// What every chart builder returns: a Vega-Lite spec plus everything a page needs to show the chart
// without JavaScript (caption, text alternative, data table). Builders are pure functions of plain series.
import type { TopLevelSpec } from 'vega-lite';

export type ChartTable = {
  columns: string[];
  rows: (string | number | null)[][];
};

export type ChartModel = {
  /** Stable id, unique within a page, used for element ids and file names. */
  id: string;
  title: string;
  /** One line under the chart: what it shows and how to read it. */
  caption: string;
  /** Generated sentences that state what the data shows (the chart's text alternative). */
  alt: string;
  spec: TopLevelSpec;
  table: ChartTable;
  /** True when the series was empty: the page shows the caption and a note instead of an empty chart. */
  empty: boolean;
};
