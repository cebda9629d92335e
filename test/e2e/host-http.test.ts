import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSummarySchema } from '../../shared/case/case-summary.js';
import { ReplySchema } from '../../shared/contract-errors.js';
import { startTestHost, type RunningTestHost } from './host-process.js';

function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host over HTTP', () => {
  let host: RunningTestHost;
  let port: number;
  beforeAll(async () => {
    host = await startTestHost();
    port = Number(new URL(host.origin).port);
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('prints one ready line with a 127.0.0.1 URL and a long random token', () => {
    expect(host.output.filter((line) => line.startsWith('Veil ready at'))).toHaveLength(1);
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const attempts: Array<Record<string, string>> = [{}, { 'X-Veil-Token': 'wrong' }, { 'X-Veil-Token': `${host.token}x` }];
    for (const headers of attempts) {
      const response = await fetch(`${host.origin}/api/getSettings`, { method: 'POST', headers, body: '{}' });
      expect(response.status).toBe(403);
    }
    expect((await rawGet(port, `/events`)).status).toBe(403);
  });

  it('starts every events stream with the open case, so a page that connects late misses no import that ended', async () => {
    const reply = ReplySchema.parse(
      await fetch(`${host.origin}/api/getCase`, { method: 'POST', headers: { 'X-Veil-Token': host.token }, body: '{}' }).then((r) => r.json()),
    );
    const caseNow = reply.ok ? CaseSummarySchema.parse(reply.result) : null;
    expect(caseNow).not.toBeNull();
    const firstEvent = await new Promise<string>((resolvePromise, reject) => {
      const req = request({ host: '127.0.0.1', port, path: `/events?token=${host.token}` }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const match = /event: (\w+)\ndata: (.*)\n\n/.exec(text);
          if (match) {
            req.destroy();
            resolvePromise(`${match[1]} ${CaseSummarySchema.parse(JSON.parse(match[2] ?? 'null')).caseId}`);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    // Its counts may have moved on since; it is the same case, sent before any other event.
    expect(firstEvent).toBe(`caseChanged ${caseNow?.caseId}`);
  });

  it('refuses a request whose Host header is not its own address (DNS rebinding)', async () => {
    const response = await rawGet(port, `/api/getSettings?token=${host.token}`, { Host: 'attacker.example:80' });
    expect(response.status).toBe(421);
  });

  it('answers invalid arguments and unknown requests with a clear error, and keeps serving', async () => {
    const call = (name: string, body: string) =>
      fetch(`${host.origin}/api/${name}`, { method: 'POST', headers: { 'X-Veil-Token': host.token }, body }).then((r) => r.json());
    await expect(call('listItems', JSON.stringify({ caseId: '..', offset: -5, limit: 1e9 }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringMatching(/offset|limit|caseId/) },
    });
    await expect(call('rmRf', '{}')).resolves.toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    await expect(call('getSettings', '{not json')).resolves.toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    await expect(call('updateSettings', JSON.stringify({ revealDurationSec: 9999 }))).resolves.toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/revealDurationSec/) },
    });
    await expect(host.call('getSettings', {})).resolves.toMatchObject({ defaultProfile: { greyscale: true, blur: 'strong' } });
  });

  it('never turns a media URL into a file path', async () => {
    const attempts = [
      '/media/..%2f..%2fpackage.json/thumb',
      '/media/%2e%2e/%2e%2e/etc/passwd',
      '/media/../../etc/passwd',
      '/media/abc%5c..%5c..%5cwindows/thumb',
      '/media//etc/passwd/original',
      '/media/AAAAAAAAAAAAAAAA/thumb',
      '/media/AAAAAAAAAAAAAAAA/original',
      '/media/AAAAAAAAAAAAAAAA/thumb/extra',
    ];
    for (const path of attempts) {
      const response = await rawGet(port, `${path}${path.includes('?') ? '&' : '?'}token=${host.token}`);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toMatch(/root:|"name": "veil"/);
    }
  });

  it('serves the renderer with the strict CSP and nothing outside it', async () => {
    const index = await fetch(`${host.origin}/`);
    expect(index.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect((await rawGet(port, '/../package.json')).status).toBe(404);
    expect((await rawGet(port, '/%2e%2e/package.json')).status).toBe(404);
  });
});
