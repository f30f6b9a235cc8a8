/**
 * The task pane's first load: a production build, then the gzip size of the scripts that
 * taskpane.html loads at start (target < 300 KB; xlsx and exceljs code load only when needed).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

export function benchPaneSize(): void {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-bench-pane-'));
  try {
    execFileSync('npx', ['webpack', '--mode', 'production'], {
      cwd: path.resolve(__dirname, '..'),
      env: { ...process.env, HUIZONG_DIST: dist },
      stdio: 'ignore',
    });
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]+src=["']?([^"' >]+)/g)].map((m) => m[1]!).filter((src) => !/^https?:/.test(src));
    let total = 0;
    for (const src of scripts) total += zlib.gzipSync(fs.readFileSync(path.join(dist, src.replace(/^\.?\//, '')))).length;
    const all = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
    console.log(
      `pane: initial JS of taskpane.html (${scripts.length} scripts) ${(total / 1024).toFixed(1)} KB gzip (target < 300 KB); ${all.length} script files in all, the rest loaded on demand`,
    );
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

if (require.main === module) benchPaneSize();
