// Vega warns about layers whose inline data is empty (an "infinite extent"), so builders drop them:
// no anomaly markers when there are no anomalies, no forecast band without a forecast.
type Layer = { data?: unknown };

export function withoutEmptyLayers<T extends Layer>(layers: T[]): T[] {
  const kept = layers.filter((l) => {
    const values = (l.data as { values?: unknown } | undefined)?.values;
    return !Array.isArray(values) || values.length > 0;
  });
  return kept.length > 0 ? kept : layers.slice(0, 1);
}
