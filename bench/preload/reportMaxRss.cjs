// Loaded with `node --require` by the benchmark harness: reports the process's peak resident set size
// (KiB) on stderr as it exits, so the harness can measure any Node program without changing it.
process.on('exit', () => {
  process.stderr.write(`\n[bench] maxrss-kib=${process.resourceUsage().maxRSS}\n`);
});
