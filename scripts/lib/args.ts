/**
 * The command line of a script, read with `node:util`'s `parseArgs`: a usage error is one line (the
 * usage and what was wrong) and exit code 2, as every script's contract says.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';
import { fail, Failure } from '../cli.ts';

/** What a script accepts besides its options. */
export interface CommandLineSpec<O extends ParseArgsOptionsConfig> {
  /** The one-line usage, printed with every usage error. */
  usage: string;
  /** The options (`parseArgs`'s `options`: `{ year: { type: 'string' }, check: { type: 'boolean' } }`). */
  options: O;
  /** How many positional arguments it takes: at least `min`, at most `max` (default none). */
  positionals?: { min: number; max: number };
}

/** The options and positional arguments read from a command line, typed by its options. */
export type CommandLine<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** Returns a usage error's reason in a few words, from `parseArgs`'s error (its code says which). */
export function usageReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/u.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown argument: ${option ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option ?? 'an option'} needs a value`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument: ${/'([^']*)'/u.exec(message)?.[1] ?? message}`;
  return message.split('\n')[0] ?? message;
}

/**
 * Returns the options and positional arguments of `argv` (default: this process's, without a lone `--`
 * that `npm run x -- …` may leave), or throws a `Failure` with exit code 2:
 * `<usage>  (unknown argument: --x)`, `<usage>  (--year needs a value)`, or the usage alone when the
 * count of positional arguments is wrong.
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(spec: CommandLineSpec<O>, argv: string[] = process.argv.slice(2)): CommandLine<O> {
  const args = argv.filter((a) => a !== '--');
  let parsed: CommandLine<O>;
  try {
    parsed = parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Failure(`${spec.usage}  (${usageReason(error)})`, 2);
  }
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  const count = parsed.positionals.length;
  if (count > max && max === 0) throw new Failure(`${spec.usage}  (unexpected argument: ${parsed.positionals[0] ?? ''})`, 2);
  if (count < min || count > max) throw new Failure(spec.usage, 2);
  return parsed;
}

/** Returns the command line like `parseCommandLine`, or prints its one-line usage error and exits 2. */
export function commandLine<const O extends ParseArgsOptionsConfig>(spec: CommandLineSpec<O>, argv: string[] = process.argv.slice(2)): CommandLine<O> {
  try {
    return parseCommandLine(spec, argv);
  } catch (error) {
    if (error instanceof Failure) fail(error.message, error.exitCode);
    throw error;
  }
}
