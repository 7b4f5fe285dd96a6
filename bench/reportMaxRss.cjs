// Preloaded (`node --require`) into a process the benchmark starts: prints its peak resident memory on
// exit, which the parent cannot read of a child in Node. (Writes to a pipe are synchronous on Linux.)
process.on('exit', () => {
  process.stderr.write(`\ncorridor-bench-maxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
