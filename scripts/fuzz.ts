/**
 * `npm run fuzz` (`npx tsx scripts/fuzz.ts [--cases N] [--seed S] [--only a,b] [--jobs J]`):
 * the value parser, the table locator and the file readers fuzzed — 100,000 cases by default,
 * most of them to the parser and the locator (a case costs microseconds to milliseconds
 * there), fewer to the readers (a mutated workbook costs several milliseconds).
 *
 * Targets run in worker threads under a watchdog (tests/fuzz/targets.ts): a case over 5 s is
 * a hang, a case that never ends is stopped and reported with its input. Prints, per target:
 * cases, crashes, violations (a broken promise of the spec), hangs, slowest case and time;
 * exits 1 on any finding, with the counterexample (as found, then shrunk) and how to replay it.
 */
import * as os from 'os';
import { HANG_MS, TARGETS, formatFindings, runJobs, splitCases, targetSeed, type Job, type TargetReport } from '../tests/fuzz/targets';

interface Args {
  cases: number;
  seed: number;
  only: string[];
  jobs: number;
  hangMs: number;
  maxHangs: number;
}

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('usage: npx tsx scripts/fuzz.ts [--cases N] [--seed S] [--only target,…] [--jobs J] [--hang-ms MS] [--max-hangs N]');
  console.error(`targets: ${TARGETS.map((t) => t.name).join(', ')}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    cases: 100_000,
    seed: (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) | 0,
    only: TARGETS.map((t) => t.name),
    jobs: Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length)),
    hangMs: HANG_MS,
    maxHangs: 3,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (value === undefined || !Number.isFinite(n)) usage(`${flag} needs a number`);
      i++;
      return n;
    };
    switch (flag) {
      case '--cases':
        args.cases = Math.max(1, Math.floor(number()));
        break;
      case '--seed':
        args.seed = number() | 0;
        break;
      case '--jobs':
        args.jobs = Math.max(1, Math.floor(number()));
        break;
      case '--hang-ms':
        args.hangMs = number();
        break;
      case '--max-hangs':
        args.maxHangs = Math.max(1, Math.floor(number()));
        break;
      case '--only':
        if (!value) usage('--only needs target names');
        args.only = value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        for (const name of args.only) if (!TARGETS.some((t) => t.name === name)) usage(`no target ${name}`);
        i++;
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown argument ${flag}`);
    }
  }
  return args;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pad = (text: string | number, width: number, right = false) => (right ? String(text).padEnd(width) : String(text).padStart(width));

function row(cells: (string | number)[]): string {
  const widths = [20, 9, 8, 11, 6, 11, 9];
  return cells.map((cell, i) => pad(cell, widths[i]!, i === 0)).join(' ');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const split = splitCases(args.cases, args.only);
  const jobs: Job[] = args.only.map((name) => ({ target: name, numRuns: split.get(name)!, seed: targetSeed(args.seed, name) }));
  console.log(`fuzz: ${args.cases} cases, seed ${args.seed}, ${args.jobs} worker(s), hang = a case over ${args.hangMs} ms`);
  console.log(row(['target', 'cases', 'crashes', 'violations', 'hangs', 'slowest', 'time']));
  const started = Date.now();
  const reports: TargetReport[] = await runJobs(jobs, args.jobs, {
    hangMs: args.hangMs,
    maxHangs: args.maxHangs,
    onReport: (r) =>
      console.log(
        row([r.target, r.cases, r.crashes, r.violations, r.hangs, `${r.slowestMs.toFixed(1)} ms`, seconds(r.timeMs)]) +
          (r.stopped ? '  (stopped)' : ''),
      ),
  });
  const total = reports.reduce(
    (sum, r) => ({
      cases: sum.cases + r.cases,
      crashes: sum.crashes + r.crashes,
      violations: sum.violations + r.violations,
      hangs: sum.hangs + r.hangs,
    }),
    { cases: 0, crashes: 0, violations: 0, hangs: 0 },
  );
  console.log(row(['total', total.cases, total.crashes, total.violations, total.hangs, '', seconds(Date.now() - started)]));

  const failing = reports.filter((r) => r.findings.length > 0 || r.stopped);
  if (failing.length === 0) {
    console.log(`ok: 0 crashes, 0 violations, 0 hangs in ${total.cases} cases (seed ${args.seed})`);
    return;
  }
  console.log('');
  for (const report of failing) {
    const replay = `npx tsx scripts/fuzz.ts --only ${report.target} --seed ${args.seed} --cases {cases}`;
    console.log(formatFindings(report, replay));
    console.log('');
  }
  console.log(
    `FAILED: ${total.crashes} crash(es), ${total.violations} violation(s), ${total.hangs} hang(s) in ${total.cases} cases (seed ${args.seed})`,
  );
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
