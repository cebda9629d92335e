import { describe, expect, it } from 'vitest';
import { decideAudit } from '../../../scripts/npm-audit.mjs';

/** The shape `npm audit --json` prints (npm 7 and later). */
function report(counts: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>, vulnerabilities: Record<string, unknown> = {}) {
  const all = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts };
  const total = Object.values(all).reduce((sum, n) => sum + n, 0);
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { ...all, total }, dependencies: { prod: 120, dev: 0, optional: 3, peer: 0, peerOptional: 0, total: 120 } },
  });
}

/** What npm printed in the sandbox these checks were written in: the bulk advisory POST answered 405. */
const ENDPOINT_405 = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
});

const optional = { required: false };

describe('npm audit gate', () => {
  it('passes a clean report', () => {
    expect(decideAudit({ stdout: report({}), status: 0 }, optional)).toMatchObject({ exitCode: 0, outcome: 'clean' });
  });

  it('fails on any high or critical advisory and names the package', () => {
    const high = decideAudit({ stdout: report({ high: 1 }, { 'some-lib': { name: 'some-lib', severity: 'high', range: '<1.2.3' } }), status: 1 }, optional);
    expect(high).toMatchObject({ exitCode: 1, outcome: 'blocked' });
    expect(high.messages.join('\n')).toMatch(/high: some-lib <1\.2\.3/);
    expect(decideAudit({ stdout: report({ critical: 2 }), status: 1 }, optional).exitCode).toBe(1);
  });

  it('lists moderate and low advisories but passes', () => {
    const decision = decideAudit({ stdout: report({ moderate: 2, low: 1 }), status: 1 }, optional);
    expect(decision).toMatchObject({ exitCode: 0, outcome: 'advisories' });
    expect(decision.messages[0]).toMatch(/1 low, 2 moderate, 0 high, 0 critical/);
  });

  it('warns loudly and passes when the advisory endpoint cannot be reached, unless the audit is required', () => {
    const warned = decideAudit({ stdout: ENDPOINT_405, status: 1 }, optional);
    expect(warned).toMatchObject({ exitCode: 0, outcome: 'unreachable' });
    expect(warned.messages.join('\n')).toMatch(/could NOT check[\s\S]*405 Method Not Allowed/);
    expect(decideAudit({ stdout: ENDPOINT_405, status: 1 }, { required: true })).toMatchObject({ exitCode: 1, outcome: 'unreachable' });
  });

  it('treats output it cannot read (offline, npm crashed) as not checked, never as clean', () => {
    for (const stdout of ['', 'npm ERR! network', JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.npmjs.org' } })]) {
      expect(decideAudit({ stdout, status: 1 }, optional).outcome).toBe('unreachable');
      expect(decideAudit({ stdout, status: 1 }, { required: true }).exitCode).toBe(1);
    }
  });
});
