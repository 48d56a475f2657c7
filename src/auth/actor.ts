import type { PageReads } from '../audit/page-reads.ts';
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
  /** On a page view: where its reads are gathered, to be logged as one entry when it is sent. */
  pageReads?: PageReads;
}

export type RequestOrigin = Pick<Actor, 'ip' | 'requestId'>;

/**
 * A young person logged in on their own side (Mit forløb). They act on their own journey only:
 * services take the youth from here, never from the request, so no id in a URL or a form can point
 * them at another youth's data. What they do is audited with no user and `details.by = 'youth'`.
 */
export interface YouthActor {
  youthId: string;
  municipalityId: string;
  /** The device session they logged in with (a one-time link, or the municipality's MitID broker). */
  sessionId: string;
  ip: string | null;
  requestId: string | null;
  /** On a page view: where its reads are gathered (as Actor's). */
  pageReads?: PageReads;
}
