/**
 * `npm start` when port 3000 is taken (another npm start, say): the catalogue's message in
 * both languages and exit code 1 — no EADDRINUSE stack. The port is held here for the test,
 * unless something else holds it already (busy all the same).
 */
import { execFile } from 'child_process';
import net from 'net';
import path from 'path';
import { messageFor } from '../../src/core/issues/catalogue';

const start = path.resolve(__dirname, '../../scripts/start.js');

test('a busy port is said in the users’ words, not as a stack', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => {
    holder.once('error', () => resolve());
    holder.listen(3000, '::', () => resolve());
  });
  try {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [start], { timeout: 120_000 }, (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
      child.stdin?.end();
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(messageFor('devserver.port-busy', { port: 3000 }, 'zh-CN'));
    expect(result.stderr).toContain(messageFor('devserver.port-busy', { port: 3000 }, 'en'));
    expect(result.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
  } finally {
    holder.close();
  }
});
