import type { CliIo } from './io';

/** `mp-userinfo check` (arrives with the analysis core). */
export async function runCheck(_argv: string[], io: CliIo): Promise<number> {
  io.stderr('mp-userinfo check: not available yet\n');
  return 2;
}
