const t0 = performance.now();
const { readFileSync } = await import('node:fs');
const { parseSource } = await import('./dist/source/parse.js');
const { planValidator } = await import('./dist/io/schemas.js');
const { loadCalendar } = await import('./dist/io/holidays.js');
const { RULES } = await import('./dist/rules/index.js');
const { buildPlan } = await import('./dist/model/build.js');
const t1 = performance.now(); console.log('imports', (t1 - t0).toFixed(0));
const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(process.argv[2]));
const t2 = performance.now(); console.log('read+decode', (t2 - t1).toFixed(0));
const parsed = parseSource(text);
const t3 = performance.now(); console.log('parse', (t3 - t2).toFixed(0));
const v = planValidator(); const errs = v(parsed.data);
const t4 = performance.now(); console.log('schema', (t4 - t3).toFixed(0), errs.length);
const cal = loadCalendar(); const plan = buildPlan(parsed.data, cal);
const t5 = performance.now(); console.log('model', (t5 - t4).toFixed(0));
for (const r of RULES) { if (r.stage !== 'plan') continue; const s = performance.now(); let n = 0; r.check(plan, { asOf: '2020-06-30', calendar: cal, report: () => n++ }); console.log(' ', r.id, (performance.now() - s).toFixed(0), n); }
console.log('total', (performance.now() - t0).toFixed(0), 'rss', (process.memoryUsage().rss/1e6).toFixed(0));
