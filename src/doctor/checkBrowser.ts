import type { Config } from '../config/Config.ts';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { findBrowser } from '../pdf/findBrowser.ts';
import type { DoctorCheck } from './DoctorCheck.ts';

export function checkBrowser(config: Config): DoctorCheck {
  try {
    const found = findBrowser({ configured: config.pdf.executablePath, fromEnv: config.pdf.envExecutablePath });
    return { name: 'browser', ok: true, detail: `${found.path} (from ${found.source})` };
  } catch (error) {
    if (!(error instanceof AlmanacError)) throw error;
    return { name: 'browser', ok: false, detail: error.message, ...(error.hint ? { fix: error.hint } : {}) };
  }
}
