/**
 * One production build of the task pane (the same CLI as `npm run build`) into a temp folder:
 * the page, the manifest and the icons are emitted, and the JS that taskpane.html loads at
 * once stays under 300 KB gzip (xlsx and other heavy code must come by import() later).
 */
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import zlib from 'zlib';

const root = path.resolve(__dirname, '../..');
const INITIAL_JS_LIMIT = 300 * 1024;
const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

let out: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-dist-'));
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  await promisify(execFile)(process.execPath, [cli, '--mode', 'production'], {
    cwd: root,
    env: { ...process.env, HUIZONG_DIST: out },
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
}, BUILD_TIMEOUT_MS + 30_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

/** The local scripts taskpane.html loads, in order (office.js comes from Office's CDN). */
function pageScripts(html: string): { local: string[]; remote: string[] } {
  const srcs = Array.from(html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi), (m) => m[1]);
  return {
    local: srcs.filter((src) => !/^[a-z]+:\/\//i.test(src)),
    remote: srcs.filter((src) => /^[a-z]+:\/\//i.test(src)),
  };
}

describe('production build of the task pane', () => {
  test('emits taskpane.html that loads office.js from the CDN before the bundle', () => {
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const { local, remote } = pageScripts(html);
    expect(remote).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(html.indexOf('office.js')).toBeLessThan(html.indexOf(local[0]));
    expect(html).toMatch(/<html[^>]*lang=["']?zh-CN/);
    expect(html).toMatch(/id=["']?container/);
    expect(local.length).toBeGreaterThan(0);
    for (const src of local) {
      expect(src).toMatch(/\.[0-9a-f]{8}\.js$/); // contenthash names in production
      expect(fs.existsSync(path.join(out, src))).toBe(true);
    }
  });

  test('emits manifest.xml and the icons unchanged', () => {
    const same = (rel: string) => fs.readFileSync(path.join(out, rel)).equals(fs.readFileSync(path.join(root, rel)));
    expect(same('manifest.xml')).toBe(true);
    for (const size of [16, 32, 64, 80]) expect(same(`assets/icon-${size}.png`)).toBe(true);
  });

  test('keeps the initial JS under 300 KB gzip', () => {
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const sizes = pageScripts(html).local.map((src) => {
      const bytes = fs.readFileSync(path.join(out, src));
      return { src, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    });
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(
      [
        `initial JS: ${(total / 1024).toFixed(1)} KB gzip (limit ${INITIAL_JS_LIMIT / 1024} KB)`,
        ...sizes.map((s) => `  ${s.src}: ${(s.raw / 1024).toFixed(1)} KB, ${(s.gzip / 1024).toFixed(1)} KB gzip`),
      ].join('\n'),
    );
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(INITIAL_JS_LIMIT);
  });

  // A roll-up waits for the worker's whole script before its first file: SheetJS (for .xls and
  // files the lean reader leaves) and exceljs (for the browser's download) come by import() when
  // a run needs them, never inside that script.
  test('keeps SheetJS and exceljs out of the roll-up worker script', () => {
    const workers = fs.readdirSync(out).filter((name) => /^rollup-worker\.[0-9a-f]{8}\.js$/.test(name));
    expect(workers).toHaveLength(1);
    const script = fs.readFileSync(path.join(out, workers[0]), 'utf8');
    const chunks = fs.readdirSync(out).filter((name) => name.endsWith('.js') && !workers.includes(name));
    const holding = (marker: string) => chunks.filter((name) => fs.readFileSync(path.join(out, name), 'utf8').includes(marker));
    // The markers are really in the libraries' own chunks, so their absence below means something.
    expect(holding('SheetJS').length).toBeGreaterThan(0);
    expect(holding('exceljs').length).toBeGreaterThan(0);
    expect(script).not.toContain('SheetJS');
    expect(script).not.toContain('exceljs');
  });
});
