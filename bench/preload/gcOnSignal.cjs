// Loaded with `node --expose-gc --require` into the language server by the benchmark harness: on SIGUSR2
// it runs a full garbage collection and reports the memory still in use on stderr (the LSP speaks on
// stdout, so stderr is free). This lets the harness tell retained memory from garbage not yet collected.
process.on('SIGUSR2', () => {
  if (typeof globalThis.gc === 'function') globalThis.gc();
  const usage = process.memoryUsage();
  process.stderr.write(`\n[bench] gc rss=${usage.rss} heapUsed=${usage.heapUsed}\n`);
});
