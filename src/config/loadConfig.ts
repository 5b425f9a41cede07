import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { Config } from './Config.ts';
import { parseConfig } from './parseConfig.ts';

export const defaultConfigFileName = 'almanac.config.json';

export interface LoadConfigOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** --config FILE; when absent, ./almanac.config.json is used if it exists, else the built-in defaults. */
  configPath?: string;
  overrides?: { timezone?: string; warehouse?: string };
}

/**
 * The single config entry point: finds and reads the file, expands `${VAR}`, validates, resolves paths.
 * Relative paths resolve against the config file's folder, or the working directory without a file;
 * command-line paths (--db) resolve against the working directory, as a user typing them expects.
 */
export function loadConfig(options: LoadConfigOptions): Config {
  const { cwd, env } = options;
  const explicit = options.configPath !== undefined;
  const file = path.resolve(cwd, options.configPath ?? defaultConfigFileName);
  const overrides = {
    ...options.overrides,
    ...(options.overrides?.warehouse ? { warehouse: path.resolve(cwd, options.overrides.warehouse) } : {}),
  };

  if (!existsSync(file)) {
    if (explicit) {
      throw new AlmanacError('ConfigNotFound', `The config file ${file} does not exist.`, {
        hint: `Check the --config path, or run without --config to use ./${defaultConfigFileName} or the defaults.`,
        exitCode: 2,
      });
    }
    return parseConfig({}, { baseDir: cwd, env, file: null, overrides });
  }

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AlmanacError('ConfigUnreadable', `The config file ${file} cannot be read: ${errorMessage(error)}.`, {
      hint: 'Check that the file exists and that this user may read it.',
      exitCode: 2,
      cause: error,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AlmanacError('ConfigInvalid', `The config file ${file} is not valid JSON: ${errorMessage(error)}.`, {
      hint: 'Fix the JSON syntax (an editor that knows src/config/almanac.config.schema.json helps).',
      exitCode: 2,
      cause: error,
    });
  }
  return parseConfig(raw, { baseDir: path.dirname(file), env, file, overrides });
}
