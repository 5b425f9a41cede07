/** Where the chart island script lives in dist/, relative to the site root. */
export const CLIENT_SCRIPT = 'assets/almanac-charts.js';
