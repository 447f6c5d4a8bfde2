/**
 * `mp-userinfo`: the command-line face of the analysis core.
 *   mp-userinfo check [paths…]   lint a mini-program project (see cli/check.ts)
 *   mp-userinfo decode …         decode a user-info payload (see cli/decode.ts)
 * Exit codes: 0 success, 1 findings/decoding failure, 2 usage error.
 */
import { runCheck } from './cli/check';
import { runDecode } from './cli/decode';
import { nodeIo, type CliIo } from './cli/io';

const usage = `Usage: mp-userinfo <command> [options]

Commands:
  check [paths…]   Check JS/TS/JSX/TSX and WXML/AXML/TTML files for user-info API mistakes
  decode           Decrypt, verify and explain a user-info payload

Run "mp-userinfo <command> --help" for a command's options.`;

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest, io);
    case 'decode':
      return runDecode(rest, io);
    case '--version':
    case '-v':
      io.stdout(`${io.version}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
      io.stdout(`${usage}\n`);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`mp-userinfo: unknown command "${command}"\n\n${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mp-userinfo: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
