// The README's command-line reference, generated from the command registry itself (scripts/generateReferences.ts).
import { globalOptions } from './globalOptions.ts';
import type { Command, CommandOption } from './Command.ts';

export function cliReferenceMarkdown(commands: readonly Command[]): string {
  const option = (name: string, o: CommandOption) =>
    `\`--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}\` ${o.description}`;
  const lines = ['| command | does | options |', '|---|---|---|'];
  for (const c of commands) {
    const opts = Object.entries(c.options).map(([name, o]) => option(name, o));
    lines.push(
      `| \`almanac ${c.usage.replace(/\|/g, '\\|')}\` | ${c.summary} | ${opts.join('<br>').replace(/\|/g, '\\|')} |`,
    );
  }
  lines.push('', 'Global options, accepted by every command:', '');
  for (const [name, o] of Object.entries(globalOptions)) lines.push(`- ${option(name, o)}`);
  return lines.join('\n');
}
