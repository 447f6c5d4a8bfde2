import type { CliIo } from './io';

/** `mp-userinfo decode` (arrives with the decoder work). */
export async function runDecode(_argv: string[], io: CliIo): Promise<number> {
  io.stderr('mp-userinfo decode: not available yet\n');
  return 2;
}
