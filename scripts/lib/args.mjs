/**
 * The arguments of `npm start` and `npm run cms`: a mistyped option or port ends the command with one
 * line (what is wrong, what is allowed) and exit code 1, like a bad setting, instead of a stack trace.
 */
import { parseArgs } from 'node:util';

/** Stops the command with `message` (one line), exit code 1. */
function refuse(message) {
  console.error(`Modus: ${message}`);
  process.exit(1);
}

/** `parseArgs` (node:util) of this process's arguments with `config`; an unknown option or a missing value exits with one line. */
export function parseArgsOrExit(config) {
  try {
    return parseArgs(config);
  } catch (err) {
    return refuse(`${String(err instanceof Error ? err.message : err).replace(/\s+/g, ' ')} (see --help)`);
  }
}

/** `value` of the option `option` as a TCP port (a whole number from 1 to 65535), or exits with one line. */
export function portOrExit(value, option) {
  const port = Number(value);
  if (!/^\d+$/.test(String(value)) || port < 1 || port > 65535) {
    refuse(`${option} "${value}" is not a port: give a whole number from 1 to 65535, such as 4321.`);
  }
  return port;
}
