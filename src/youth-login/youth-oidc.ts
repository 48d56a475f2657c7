import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { YouthOidcConfig } from '../config.ts';

/** Where the "Log ind med MitID" button leads: the app sends the youth on to the broker. */
export const YOUTH_OIDC_START_PATH = '/mit-forloeb/mitid';
/** The cookie that carries one log-in attempt from the button to the broker's answer. */
export const YOUTH_OIDC_ATTEMPT_COOKIE = 'ungeflow_mitid';
/** A youth has this long at the broker before the attempt runs out. */
export const YOUTH_OIDC_ATTEMPT_MINUTES = 10;

/** Why a log-in through the broker did not log the youth in (the audit's `reason`, the page's text). */
export type YouthOidcRefusal =
  | 'cancelled'
  | 'provider_error'
  | 'attempt_expired'
  | 'no_cpr_claim'
  | 'unknown_cpr'
  | 'no_open_journey'
  | 'ambiguous_cpr';

/** What one attempt keeps between the button and the broker's answer: never a CPR number. */
interface Attempt {
  state: string;
  nonce: string;
  verifier: string;
  /** Milliseconds since 1970: the attempt is worthless after it. */
  expires: number;
}

/** The broker's answer: the CPR number the youth logged in as, or why there is none. */
export type BrokerAnswer = { ok: true; cprDigits: string } | { ok: false; reason: YouthOidcRefusal; error?: unknown };

/**
 * The municipality's OpenID Connect broker (MitID), by openid-client: the authorization code
 * flow with PKCE, state and nonce. The attempt's state, nonce and PKCE verifier travel in a
 * short-lived HttpOnly cookie signed with a key of its own (derived from the server's secret), so
 * nothing is stored until a youth is logged in, and the answer is taken only in the browser that
 * started the attempt. The broker's metadata is discovered at the first log-in and kept; a failed
 * discovery is tried again at the next.
 */
export class YouthOidc {
  readonly settings: YouthOidcConfig;
  readonly #key: Buffer;
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(settings: YouthOidcConfig, secret: string) {
    this.settings = settings;
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'ungeflow', 'youth-oidc-attempt-v1', 32));
  }

  #discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const insecure = new URL(issuer).protocol === 'http:';
    this.#configuration ??= oidc
      .discovery(new URL(issuer), clientId, clientSecret, undefined, {
        // Plain http only to a provider on this machine (config.ts refuses it otherwise).
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
        timeout: 10,
      })
      .catch((error: unknown) => {
        this.#configuration = undefined;
        throw error;
      });
    return this.#configuration;
  }

  /** The broker's address to send the youth to, and the attempt's cookie value. */
  async begin(now: Date): Promise<{ url: string; cookie: string }> {
    const configuration = await this.#discover();
    const attempt: Attempt = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      expires: now.getTime() + YOUTH_OIDC_ATTEMPT_MINUTES * 60_000,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { url: url.href, cookie: this.#seal(attempt) };
  }

  /**
   * Takes the broker's answer at the callback: checks it against the attempt (state, nonce, PKCE,
   * the ID token's signature, issuer and audience, by openid-client), and reads the CPR claim from
   * the ID token, or from the userinfo endpoint when the broker hands it out only there.
   */
  async finish(callbackUrl: URL, cookie: string | undefined, now: Date): Promise<BrokerAnswer> {
    const attempt = cookie ? this.#open(cookie) : undefined;
    if (!attempt || attempt.expires <= now.getTime()) return { ok: false, reason: 'attempt_expired' };
    const error = callbackUrl.searchParams.get('error');
    if (error === 'access_denied') return { ok: false, reason: 'cancelled' };
    try {
      const configuration = await this.#discover();
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
      });
      const claims = tokens.claims();
      if (!claims) return { ok: false, reason: 'provider_error' };
      let cpr = claims[this.settings.cprClaim];
      if (cpr === undefined) {
        const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        cpr = userInfo[this.settings.cprClaim];
      }
      const digits = typeof cpr === 'string' ? cpr.replace(/[-\s]/g, '') : '';
      if (!/^\d{10}$/.test(digits)) return { ok: false, reason: 'no_cpr_claim' };
      return { ok: true, cprDigits: digits };
    } catch (caught) {
      return { ok: false, reason: 'provider_error', error: caught };
    }
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }

  #seal(attempt: Attempt): string {
    const payload = Buffer.from(JSON.stringify(attempt)).toString('base64url');
    return `${payload}.${this.#sign(payload)}`;
  }

  #open(cookie: string): Attempt | undefined {
    const [payload = '', signature = ''] = cookie.split('.');
    const expected = Buffer.from(this.#sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const attempt = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Attempt>;
      const { state, nonce, verifier, expires } = attempt;
      if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string') return undefined;
      return typeof expires === 'number' ? { state, nonce, verifier, expires } : undefined;
    } catch {
      return undefined;
    }
  }
}
