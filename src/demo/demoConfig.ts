import path from 'node:path';
import type { Config } from '../config/Config.ts';

/**
 * The demo's own state under `<data>/demo/` (warehouse, bundles, archive, outbox), so a demo never mixes with a
 * real warehouse; the site and PDFs go where `npm run preview` serves them (the configured dist/).
 */
export function demoConfig(config: Config): Config {
  const data = path.join(config.paths.data, 'demo');
  return {
    ...config,
    sources: [],
    paths: {
      ...config.paths,
      data,
      warehouse: path.join(data, 'almanac.duckdb'),
      reports: path.join(data, 'reports'),
      archive: path.join(data, 'archive'),
      outbox: path.join(data, 'outbox'),
    },
  };
}
