import type { DoctorCheck } from '../../doctor/DoctorCheck.ts';
import { runDoctor } from '../../doctor/runDoctor.ts';
import type { Command } from '../Command.ts';
import { writeJson } from '../writeJson.ts';

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check Node, config, warehouse, Redis, browser and SMTP, and say what to fix.',
  usage: 'doctor [--redis URL]',
  options: {
    redis: { type: 'string', valueName: 'URL', description: 'Check this Redis instead of the configured sources.' },
  },
  async run(context, args) {
    const checks = await runDoctor({
      loadConfig: () => context.config,
      ...(typeof args.values.redis === 'string' ? { redisUrl: args.values.redis } : {}),
    });
    const ok = checks.every((check) => check.ok);
    if (context.json) writeJson(context.stdout, { ok, checks });
    else context.stdout.write(checks.map(formatCheck).join('') + (ok ? 'All checks passed.\n' : ''));
    return ok ? 0 : 1;
  },
};

function formatCheck(check: DoctorCheck): string {
  const head = `${check.ok ? 'OK  ' : 'FAIL'} ${check.name.padEnd(16)} ${check.detail.replace(/\n/g, '\n' + ' '.repeat(22))}\n`;
  return check.fix && !check.ok ? `${head}${' '.repeat(22)}fix: ${check.fix}\n` : head;
}
