import type { Command, CommandOption } from './Command.ts';
import { globalOptions } from './globalOptions.ts';

export function mainHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Almanac ${version}: scheduled executive reports for Redis job fleets.`,
    '',
    'Usage: almanac <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    ...formatOptions(globalOptions),
    '',
    "Run `almanac <command> --help` for a command's options. Start with `almanac demo`, or `almanac doctor`.",
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const own = Object.keys(command.options).length > 0 ? ['', 'Options:', ...formatOptions(command.options)] : [];
  return [
    `Usage: almanac ${command.usage}`,
    '',
    command.summary,
    ...own,
    '',
    'Global options:',
    ...formatOptions(globalOptions),
    '',
  ].join('\n');
}

function formatOptions(options: Record<string, CommandOption>): string[] {
  const rows = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : ''}`;
    return [flag, option.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}
