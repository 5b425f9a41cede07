import { cronTable } from '../../../jobs/cronTable.ts';
import { realSteps } from '../../../jobs/realSteps.ts';
import { AlmanacError, isAlmanacError } from '../../errors/AlmanacError.ts';
import { errorMessage } from '../../errors/errorMessage.ts';
import { runOnce } from '../../schedule/runOnce.ts';
import type { Command } from '../Command.ts';
import { writeJson } from '../writeJson.ts';

export const runCommand: Command = {
  name: 'run',
  summary: 'Collect, analyze, build, pdf and deliver once, in order (for system cron).',
  usage: 'run',
  options: {},
  async run(context) {
    const config = context.config;
    const warehouse = await context.openWarehouse();
    let result;
    try {
      result = await runOnce({
        config,
        warehouse,
        logger: context.logger,
        steps: realSteps,
        table: cronTable(config),
        now: () => context.now(),
        progress: context.progress,
        signals: process,
        exit: (code) => process.exit(code),
      });
    } finally {
      await warehouse.close();
    }
    const failed = result.runs.find((r) => r.status !== 'ok' && r.status !== 'interrupted');
    if (context.json) {
      writeJson(context.stdout, {
        ok: !failed,
        runs: result.runs.map((r) => ({
          job: r.job,
          status: r.status,
          summary: r.summary,
          error:
            r.error === null
              ? null
              : { code: isAlmanacError(r.error) ? r.error.code : 'Unexpected', message: errorMessage(r.error) },
        })),
        notRun: result.notRun,
        signal: result.signal,
      });
    } else {
      for (const r of result.runs) context.stdout.write(`${r.job.padEnd(8)} ${r.status}\n`);
      if (result.signal)
        context.stdout.write(`stopped by ${result.signal}; not run: ${result.notRun.join(', ') || 'none'}\n`);
    }
    if (failed) {
      const cause = failed.error;
      const notRun = result.notRun.length ? ` Not run: ${result.notRun.join(', ')}.` : '';
      throw new AlmanacError(
        isAlmanacError(cause) ? cause.code : 'Unexpected',
        `almanac run ${result.notRun.length ? 'stopped' : 'finished with a failure'}: ${failed.job} ${failed.status === 'timeout' ? 'timed out' : 'failed'}: ${errorMessage(cause).replace(/\.$/, '')}.${notRun}`,
        {
          hint:
            isAlmanacError(cause) && cause.hint
              ? cause.hint
              : '`almanac status` lists the failure; rerun with --debug for details.',
          exitCode: isAlmanacError(cause) ? cause.exitCode : 1,
          cause,
        },
      );
    }
  },
};
