import type { Command } from '../Command.ts';
import { analyzeCommand } from './analyze.ts';
import { backfillCommand } from './backfill.ts';
import { buildCommand } from './build.ts';
import { collectCommand } from './collect.ts';
import { deliverCommand } from './deliver.ts';
import { demoCommand } from './demo.ts';
import { doctorCommand } from './doctor.ts';
import { pdfCommand } from './pdf.ts';
import { runCommand } from './run.ts';
import { scheduleCommand } from './schedule.ts';
import { simulateCommand } from './simulate.ts';
import { sqlCommand } from './sql.ts';
import { statusCommand } from './status.ts';

/** Every command, in the order `almanac --help` lists them: the pipeline first, then operations. */
export const commands: readonly Command[] = [
  collectCommand,
  analyzeCommand,
  buildCommand,
  pdfCommand,
  deliverCommand,
  runCommand,
  scheduleCommand,
  statusCommand,
  backfillCommand,
  simulateCommand,
  demoCommand,
  sqlCommand,
  doctorCommand,
];
