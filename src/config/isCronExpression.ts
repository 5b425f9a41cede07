import cron from 'node-cron';

/** Validates with node-cron itself, so what the config accepts is exactly what the scheduler can run. */
export function isCronExpression(expression: string): boolean {
  return cron.validate(expression);
}
