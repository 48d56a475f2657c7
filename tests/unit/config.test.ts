import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('TRUST_PROXY', () => {
  it('trusts no proxy when unset', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
  });

  it('gives fastify a list it accepts', async () => {
    const { default: Fastify } = await import('fastify');
    const trustProxy = loadConfig({
      TRUST_PROXY: '10.0.0.1,192.168.0.0/16,fd00::/8,::1,linklocal,uniquelocal',
    }).trustProxy;
    const app = Fastify({ trustProxy });
    await app.ready();
    await app.close();
  });

  it('reads a comma-separated list of addresses, CIDR ranges and range names', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,fd00::/8,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'fd00::/8',
      '::1',
      'loopback',
    ]);
  });

  it.each([
    'true',
    '*',
    'proxy.kommune.dk',
    '10.0.0.256',
    '10.0.0.0/33',
    'fd00::/129',
    '10.0.0.0/8/1',
    '10.0.0.0/',
    '0.0.0.0/0',
    '::/0',
  ])('refuses %s', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: `10.0.0.1,${value}` })).toThrow(/TRUST_PROXY must be a comma-separated/);
  });
});

describe('servedOverHttps', () => {
  it('is off on plain HTTP, the default', () => {
    expect(loadConfig({}).servedOverHttps).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'http://ungeflow.intern' }).servedOverHttps).toBe(false);
  });

  it('is on when PUBLIC_URL is https or the cookies are Secure', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://ungeflow.kommune.dk/' }).servedOverHttps).toBe(true);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).servedOverHttps).toBe(true);
  });
});

describe("the youth's MitID broker (YOUTH_OIDC_*)", () => {
  const broker = {
    YOUTH_OIDC_ISSUER: 'https://broker.example.dk/op',
    YOUTH_OIDC_CLIENT_ID: 'ungeflow',
    YOUTH_OIDC_CLIENT_SECRET: 's3cret',
  };

  it('is off unless configured', () => {
    expect(loadConfig({}).youthOidc).toBeUndefined();
  });

  it('reads the broker, with dk.cpr and "openid mitid ssn" unless told, and the redirect URL from PUBLIC_URL', () => {
    expect(loadConfig({ ...broker, PUBLIC_URL: 'https://ungeflow.kommune.dk/' }).youthOidc).toEqual({
      issuer: 'https://broker.example.dk/op',
      clientId: 'ungeflow',
      clientSecret: 's3cret',
      cprClaim: 'dk.cpr',
      scopes: ['openid', 'mitid', 'ssn'],
      redirectUrl: 'https://ungeflow.kommune.dk/mit-forloeb/mitid/callback',
    });
    expect(
      loadConfig({ ...broker, YOUTH_OIDC_CPR_CLAIM: 'cprNumberIdentifier', YOUTH_OIDC_SCOPES: 'openid ssn' }).youthOidc,
    ).toMatchObject({ cprClaim: 'cprNumberIdentifier', scopes: ['openid', 'ssn'] });
  });

  it('refuses half a broker, plain http over a network, and scopes without openid', () => {
    expect(() => loadConfig({ YOUTH_OIDC_ISSUER: broker.YOUTH_OIDC_ISSUER })).toThrow(/together, or none/);
    expect(() => loadConfig({ ...broker, YOUTH_OIDC_ISSUER: 'http://broker.example.dk/op' })).toThrow(
      /must be an https:\/\/ address/,
    );
    expect(loadConfig({ ...broker, YOUTH_OIDC_ISSUER: 'http://127.0.0.1:4000' }).youthOidc?.issuer).toBe(
      'http://127.0.0.1:4000',
    );
    expect(() => loadConfig({ ...broker, YOUTH_OIDC_SCOPES: 'mitid ssn' })).toThrow(/must include openid/);
  });
});
