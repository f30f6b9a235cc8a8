/**
 * The CI slice of `npm run fuzz`: every fuzz target (tests/fuzz/targets.ts) for a fixed seed,
 * 2,000 cases in all, split as the full run splits its 100,000. Targets run in worker threads
 * under the fuzz watchdog, so that a case that never ends fails this test instead of stalling
 * the CI job. A failure prints the counterexample and the command that replays it.
 */
import { TARGETS, formatFindings, runJobs, splitCases, targetSeed, type Job, type TargetReport } from './targets';

const SEED = 20240320;
const CASES = 2000;
const split = splitCases(CASES);
const jobs: Job[] = TARGETS.map((t) => ({ target: t.name, numRuns: split.get(t.name)!, seed: targetSeed(SEED, t.name) }));

let reports: TargetReport[] = [];

/**
 * A hang here is a case that never ends (an endless loop, a catastrophic regex), told apart
 * from a slow machine by patience alone: no case of this slice comes near these limits on a
 * quiet machine, and a loaded CI machine sharing its cores stays far below them too. How fast
 * cases run is `npm run fuzz`'s and `npm run bench`'s business, not this test's.
 */
const PATIENCE = { hangMs: 120_000, stallMs: 240_000, loadMs: 300_000 };

beforeAll(async () => {
  // One hang per target is enough to fail.
  reports = await runJobs(jobs, 2, { maxHangs: 1, ...PATIENCE });
});

test('the slice runs 2,000 cases over every target', () => {
  expect(jobs.reduce((sum, job) => sum + job.numRuns, 0)).toBe(CASES);
  expect(reports.map((r) => r.target).sort()).toEqual(TARGETS.map((t) => t.name).sort());
});

describe.each(TARGETS.map((t) => t.name))('%s', (name) => {
  const report = () => reports.find((r) => r.target === name)!;

  test('no crash, no broken promise, no hang', () => {
    const r = report();
    const replay = `npx tsx scripts/fuzz.ts --only ${name} --seed ${SEED} --cases {cases}`;
    expect(formatFindings(r, replay)).toBe('');
    expect({ crashes: r.crashes, violations: r.violations, hangs: r.hangs }).toEqual({ crashes: 0, violations: 0, hangs: 0 });
  });

  test('every planned case ran', () => {
    expect(report().cases).toBe(split.get(name));
  });
});
