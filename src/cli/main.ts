import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import type { Config } from '../config/Config.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { createLogger } from '../log/createLogger.ts';
import { createProgress } from '../progress/createProgress.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';
import type { Command, CommandArgs, CommandOption } from './Command.ts';
import type { CommandContext } from './CommandContext.ts';
import { commandNames, loadCommand, loadCommands } from './commands/index.ts';
import { globalOptions } from './globalOptions.ts';
import { commandHelp, mainHelp } from './helpText.ts';
import { printError } from './printError.ts';

export interface MainIo {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  now?: () => Date;
}

/** Runs one `almanac` invocation and returns its exit code. The only top-level error handler. */
export async function main(io: MainIo): Promise<number> {
  const json = io.argv.includes('--json');
  const debug = io.argv.includes('--debug');
  try {
    return await dispatch(io, json, debug);
  } catch (error) {
    return printError(error, { stderr: io.stderr, stdout: io.stdout, json, debug });
  }
}

async function dispatch(io: MainIo, json: boolean, debug: boolean): Promise<number> {
  const name = findCommandName(io.argv);
  const command = name === undefined ? undefined : await loadCommand(name);
  if (name !== undefined && !command) {
    throw new AlmanacError('UnknownCommand', `There is no command "${name}".`, {
      hint: `The commands are: ${commandNames.join(', ')}. See almanac --help.`,
      exitCode: 2,
    });
  }
  const { values, positionals } = parse(io.argv, command);
  if (values.version) {
    io.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  if (!command || values.help) {
    io.stdout.write(command ? commandHelp(command) : mainHelp(await loadCommands(), packageJson.version));
    return command || values.help ? 0 : 2;
  }
  const args = positionals.slice(1);
  const [min, max] = command.positionals ?? [0, 0];
  if (args.length < min || args.length > max) {
    throw new AlmanacError(
      'BadUsage',
      args.length < min ? `\`almanac ${command.name}\` needs an argument.` : `Unexpected argument "${args[max]}".`,
      { hint: `Usage: almanac ${command.usage}`, exitCode: 2 },
    );
  }

  const logger = createLogger({ level: debug ? 'debug' : 'info', stream: io.stderr });
  let config: Config | undefined;
  let progress: ProgressFactory | undefined;
  const readConfig = (): Config =>
    (config ??= loadConfig({
      cwd: io.cwd,
      env: io.env,
      ...(typeof values.config === 'string' ? { configPath: values.config } : {}),
      overrides: {
        ...(typeof values.tz === 'string' ? { timezone: values.tz } : {}),
        ...(typeof values.db === 'string' ? { warehouse: values.db } : {}),
      },
    }));
  const context: CommandContext = {
    get config() {
      return readConfig();
    },
    logger,
    stdout: io.stdout,
    json,
    debug,
    get progress() {
      return (progress ??= createProgress({
        stream: io.stderr,
        logger,
        logIntervalMs: readConfig().log.progressSeconds * 1000,
      }));
    },
    cwd: io.cwd,
    now: io.now ?? (() => new Date()),
    openWarehouse: (options) =>
      Warehouse.open(readConfig().paths.warehouse, {
        readOnly: options?.readOnly ?? false,
        holder: `almanac ${command.name}`,
        logger,
      }),
  };
  // Validate the config up front (except for doctor, which reports it as one of its checks).
  if (command.name !== 'doctor') readConfig();
  return (await command.run(context, { values: values as CommandArgs['values'], positionals: args })) ?? 0;
}

function parse(argv: string[], command: Command | undefined) {
  const options: Record<string, CommandOption> = { ...globalOptions, ...command?.options };
  try {
    return parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(options).map(([key, option]) => [
          key,
          {
            type: option.type,
            ...(option.short ? { short: option.short } : {}),
            ...(option.multiple ? { multiple: true } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new AlmanacError('BadUsage', (error as Error).message.replace(/\. To specify .*$/s, '.'), {
      hint: command ? `Usage: almanac ${command.usage} (see almanac ${command.name} --help)` : 'See almanac --help.',
      exitCode: 2,
    });
  }
}

/** The first positional argument, skipping the values of global options that take one. */
function findCommandName(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (arg.startsWith('-')) {
      const key = arg.replace(/^--?/, '').split('=')[0]!;
      if (globalOptions[key]?.type === 'string' && !arg.includes('=')) i++;
      continue;
    }
    return arg;
  }
  return undefined;
}
