/**
 * `npm start` when its port is taken (another npm start, say): the catalogue's message in
 * both languages and exit code 1 — no EADDRINUSE stack. The test holds a free port of its own
 * on localhost, as start.js checks it, and runs start.js with HUIZONG_START_CHECK_ONLY=1 so
 * that no dev server can ever be started by a test, whatever happens to the port.
 */
import { execFile } from 'child_process';
import net from 'net';
import path from 'path';
import { messageFor } from '../../src/core/issues/catalogue';

const start = path.resolve(__dirname, '../../scripts/start.js');

function runStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [start],
      { env: { ...process.env, HUIZONG_START_CHECK_ONLY: '1', HUIZONG_DEBUG: '', ...env } },
      (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
    );
    child.stdin?.end();
  });
}

/** Holds a free port on localhost, exactly where start.js probes; rejects (test fails) if it cannot. */
function holdPort(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const holder = net.createServer();
    holder.once('error', reject);
    holder.listen(0, 'localhost', () => resolve(holder));
  });
}

test('a busy port is said in the users’ words, not as a stack', async () => {
  const holder = await holdPort();
  const port = (holder.address() as net.AddressInfo).port;
  try {
    const result = await runStart({ HUIZONG_PORT: String(port) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(messageFor('devserver.port-busy', { port }, 'zh-CN'));
    expect(result.stderr).toContain(messageFor('devserver.port-busy', { port }, 'en'));
    expect(result.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
  } finally {
    holder.close();
  }
});

test('the same port once free passes the check', async () => {
  const holder = await holdPort();
  const port = (holder.address() as net.AddressInfo).port;
  await new Promise((resolve) => holder.close(resolve));
  const result = await runStart({ HUIZONG_PORT: String(port) });
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
});

test('any other failure is the catalogue’s message; the raw error only with HUIZONG_DEBUG=1', async () => {
  // A port out of range makes the port check itself throw (RangeError from net).
  const plain = await runStart({ HUIZONG_PORT: '70000' });
  expect(plain.code).toBe(1);
  expect(plain.stderr).toContain(messageFor('devserver.start-failed', { port: 70000 }, 'zh-CN'));
  expect(plain.stderr).toContain(messageFor('devserver.start-failed', { port: 70000 }, 'en'));
  expect(plain.stderr).not.toMatch(/RangeError|\n\s+at /);

  const debug = await runStart({ HUIZONG_PORT: '70000', HUIZONG_DEBUG: '1' });
  expect(debug.code).toBe(1);
  expect(debug.stderr).toContain(messageFor('devserver.start-failed', { port: 70000 }, 'en'));
  expect(debug.stderr).toMatch(/RangeError/);
});
