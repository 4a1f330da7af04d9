#!/usr/bin/env node
// Entry point: everything lives in the compiled dist/cli.js (built by `npm install` via the prepare script).
import { setFlagsFromString } from 'node:v8';

// A larger young generation: reading a big plan allocates many short-lived objects, and the default
// (16 MB) spends a fifth of the run collecting them. Set before anything is allocated.
setFlagsFromString('--max-semi-space-size=32');

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
