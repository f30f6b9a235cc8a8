/**
 * A file's time is dated by the calendar day where the roll-up is run, not by UTC: in Beijing a
 * return saved at 07:30 on 3月21 was sent on the 21st (late against a 3月20 deadline), though
 * it is still the 20th in UTC. Each zone runs in a process of its own (jest's sandbox keeps the
 * zone it started with).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { dayOfTime, localDay } from '../../src/core/rollup/dates';

const beijingMorning = Date.UTC(2024, 2, 20, 23, 30); // 2024-03-21 07:30 in Beijing

function daysIn(zone: string): string[] {
  const dates = path.resolve(__dirname, '../../src/core/rollup/dates.ts');
  const script = `const d = require(${JSON.stringify(dates)}); console.log(JSON.stringify([d.dayOfTime(${beijingMorning}), d.localDay(new Date(${beijingMorning}).toISOString())]));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

test('in Beijing, a file saved at 07:30 on 3月21 is dated the 21st', () => {
  expect(daysIn('Asia/Shanghai')).toEqual(['2024-03-21', '2024-03-21']);
});

test('in UTC the same moment is the 20th', () => {
  expect(daysIn('UTC')).toEqual(['2024-03-20', '2024-03-20']);
});

test('no time, no day', () => {
  expect(dayOfTime(undefined)).toBeUndefined();
  expect(dayOfTime(Number.NaN)).toBeUndefined();
  expect(localDay('not a time')).toBeUndefined();
});
