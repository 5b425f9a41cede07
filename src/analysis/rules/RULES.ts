import { dataGaps } from './dataRules.ts';
import { newFailureMode, unknownFailures } from './failureRules.ts';
import {
  highRetries,
  idleCapacityNight,
  machineVariation,
  peakHeadroom,
  queueWaitGrowth,
  successBelowTarget,
  waitExceedsRun,
} from './fleetRules.ts';
import { machineFailureRate, slowMachine } from './machineRules.ts';
import { modelDownloadFailures, modelPreplacement } from './modelRules.ts';
import { poolReady, poolStraddle } from './poolRules.ts';
import type { Rule } from './Rule.ts';

/** Every recommendation rule, in a fixed order (ranking is by impact, not by this order). */
export const RULES: readonly Rule[] = [
  successBelowTarget,
  machineFailureRate,
  slowMachine,
  machineVariation,
  newFailureMode,
  unknownFailures,
  highRetries,
  queueWaitGrowth,
  waitExceedsRun,
  peakHeadroom,
  idleCapacityNight,
  modelDownloadFailures,
  modelPreplacement,
  poolStraddle,
  poolReady,
  dataGaps,
];
