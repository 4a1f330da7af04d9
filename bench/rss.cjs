// Preloaded into every Node process the bench starts (NODE_OPTIONS=--require): reports the process's
// peak resident memory on stderr as it exits, so that campaign, ajv-cli and the parsers are measured alike.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\n__peak_rss_kb__ ${process.resourceUsage().maxRSS}\n`);
});
