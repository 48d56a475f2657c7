import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** The scopes the test broker knows, as a Danish MitID broker names them. */
const SCOPES = ['openid', 'mitid', 'ssn'];

export interface TestOidcProvider {
  /** The issuer, `http://127.0.0.1:<port>`: what YOUTH_OIDC_ISSUER is set to. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The environment that connects the app to this provider (the app's public URL given). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a port of its own, standing in for the
 * municipality's MitID broker: authorization code flow with PKCE, a client with a secret, and its
 * own development log-in page, where any user name logs in. An account's claims are those in
 * `accounts` under the name typed (the CPR number under `cprClaim`); other names log in with no
 * claims beyond `sub`. Consent is taken as given, as a broker does for the municipality's client.
 * The CPR claim comes from the userinfo endpoint, not the ID token, as a MitID broker hands out
 * its full set of claims (oidc-provider does so for the code flow).
 */
export async function startOidcProvider(options: {
  publicUrl: string;
  accounts: Record<string, Record<string, string>>;
  cprClaim?: string;
}): Promise<TestOidcProvider> {
  const cprClaim = options.cprClaim ?? 'dk.cpr';
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'ungeflow-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.publicUrl}/mit-forloeb/mitid/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    scopes: SCOPES,
    claims: { openid: ['sub'], ssn: [cprClaim], mitid: ['mitid.uuid'] },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, 'mitid.uuid': id, ...options.accounts[id] }),
    }),
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope(SCOPES.join(' '));
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  server.on('request', (request, response) => void handle(request, response));

  return {
    issuer,
    clientId,
    clientSecret,
    env: {
      YOUTH_OIDC_ISSUER: issuer,
      YOUTH_OIDC_CLIENT_ID: clientId,
      YOUTH_OIDC_CLIENT_SECRET: clientSecret,
      ...(options.cprClaim ? { YOUTH_OIDC_CPR_CLAIM: options.cprClaim } : {}),
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Goes through the provider's own log-in page as a browser without scripts would: follows its
 * redirects with its cookies, types `login` (any password), or presses "Cancel" when `cancel` is
 * set. The address the provider sends the browser back to, on the app's callback.
 */
export async function passProviderLogin(
  authorizeUrl: string,
  options: { login: string; cancel?: boolean; redirectUri: string },
): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  let url = authorizeUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() },
    });
    remember(response);
    init = {};
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      if (url.startsWith(options.redirectUri)) return url;
      await response.body?.cancel();
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`the provider answered ${response.status}: ${html.slice(0, 300)}`);
    const unescape = (s: string) => s.replaceAll('&amp;', '&');
    if (options.cancel) {
      const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
      if (!abort) throw new Error('no Cancel link on the provider page');
      url = new URL(unescape(abort), url).href;
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error('no form on the provider page');
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'login';
    url = new URL(unescape(action), url).href;
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt, login: options.login, password: 'test' }).toString(),
    };
  }
  throw new Error('the provider did not send the browser back');
}
