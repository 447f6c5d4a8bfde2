/** What the CLI commands touch of the outside world, so tests can run them in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads standard input to the end (for `--input -`). */
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
  version: string;
}

declare const MP_USERINFO_VERSION: string | undefined;

/** The real process. */
export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
  cwd: process.cwd(),
  version: typeof MP_USERINFO_VERSION === 'string' ? MP_USERINFO_VERSION : '0.0.0-dev',
};
