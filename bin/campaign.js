#!/usr/bin/env node
// Entry point: everything lives in dist/bundle/cli.js, the compiled CLI bundled with every library it runs (built by
// `npm pack` through the prepack script, and in a clone by `npm install` through postprepare).
import { readFileSync } from 'node:fs';

const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');

/**
 * What escaped everything else — the program failing to load, most often for the system's limit on open
 * files (the module loader then also reports missing packages): one line, exit 2. Errors while a command
 * runs are handled by dist/cli.js.
 */
/**
 * The roll-up reads plans on worker threads; the first one starts here, while the CLI loads, so that
 * its own start-up (about 50 ms) is over when there are plans to hand it. Its heap is a share of the
 * process's, as src/rollup/pool.ts gives its threads; it does not keep the program alive, and the
 * roll-up stops it if every plan was cached.
 */
async function startRollupThread() {
  const [{ Worker }, { availableParallelism }, { getHeapStatistics }] = await Promise.all([
    import('node:worker_threads'), import('node:os'), import('node:v8'),
  ]);
  const threads = availableParallelism() - 1;
  if (threads < 1) return;
  const heapMb = Math.max(256, Math.floor(getHeapStatistics().heap_size_limit / 1_000_000 / threads));
  try {
    const thread = new Worker(new URL('../dist/bundle/worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    const key = Symbol.for('campaign.rollup.thread');
    // A thread that fails to start is forgotten: the roll-up then starts its own.
    thread.on('error', () => {}).once('exit', () => {
      if (globalThis[key] === thread) delete globalThis[key];
    }).unref();
    globalThis[key] = thread;
  } catch {
    // Started the usual way later.
  }
}

function fail(err) {
  const limit = err?.code === 'EMFILE' || err?.code === 'ENFILE';
  const why = limit
    ? (zh ? '打开的文件过多（请用 ulimit -n 调高上限）' : 'too many files are open (raise the limit with ulimit -n)')
    : (zh ? `无法启动：${err?.message ?? err}` : `cannot start: ${err?.message ?? err}`);
  process.stderr.write(`campaign: ${why}\n`);
  if (process.env.CAMPAIGN_DEBUG) process.stderr.write(`${err?.stack}\n`);
  process.exit(2);
}
// A reader that stops early (campaign validate … | head) closes the pipe: nothing more to say, and no error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => (err?.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : fail(err)));
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const args = process.argv.slice(2);
if (args[0] === 'rollup') await startRollupThread();
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered without loading the CLI: scripts ask this often, and it should cost no more than Node itself.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  let main;
  try {
    ({ main } = await import('../dist/bundle/cli.js'));
  } catch (err) {
    fail(err);
  }
  process.exitCode = await main(args);
}
