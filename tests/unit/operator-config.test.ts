import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD, demoUsers, describeDemoLogins } from '../../src/demo/seed.ts';
import { readableLogs } from '../../src/monitoring/logging.ts';

describe('what the operator configures and reads', () => {
  it('writes readable log lines at a terminal only, unless told', () => {
    const cases = [
      ['auto', true, false, true],
      ['auto', false, false, false],
      // A stream given (a test reading the log) gets JSON, as a log collector does.
      ['auto', true, true, false],
      ['json', true, false, false],
      ['pretty', false, false, true],
      ['pretty', false, true, true],
    ] as const;
    for (const [format, isTTY, streamGiven, readable] of cases) {
      expect(readableLogs(format, { isTTY, streamGiven }), `${format} ${isTTY} ${streamGiven}`).toBe(readable);
    }
  });

  it('reads LOG_FORMAT, METRICS_TOKEN and METRICS_PORT, refusing what cannot work', () => {
    expect(loadConfig({})).toMatchObject({ logFormat: 'auto', metricsToken: undefined, metricsPort: undefined });
    const token = 'm'.repeat(32);
    expect(loadConfig({ LOG_FORMAT: 'json', METRICS_TOKEN: token, METRICS_PORT: '9464' })).toMatchObject({
      logFormat: 'json',
      metricsToken: token,
      metricsPort: 9464,
    });
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 32 characters/);
    expect(() => loadConfig({ PORT: '8080', METRICS_PORT: '8080' })).toThrow(/METRICS_PORT must differ from PORT/);
  });

  it('tells the demo log-ins in the start-up message itself, every user and the password', () => {
    const message = describeDemoLogins('http://localhost:3000');
    expect(message).toContain('http://localhost:3000');
    expect(message).toContain(`"${DEMO_PASSWORD}"`);
    for (const user of demoUsers) expect(message).toContain(`${user.email} (${user.role})`);
  });
});
