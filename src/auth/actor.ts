import type { Role } from '../db/schema.ts';

/** Who is acting, in which municipality, and from where: passed to every service call. */
export interface Actor {
  userId: string;
  municipalityId: string;
  role: Role;
  name: string;
  email: string;
  /** Logged in with a one-time password: nothing but choosing their own is allowed (see authPlugin). */
  passwordMustChange: boolean;
  /** How the request was authenticated; sessions can be ended, tokens revoked. */
  via: { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: string };
  ip: string | null;
  requestId: string | null;
}

export type RequestOrigin = Pick<Actor, 'ip' | 'requestId'>;
