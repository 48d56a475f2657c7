import type { Generated } from 'kysely';

/** How a youth logged in on a device: a one-time link sent to them, or the municipality's MitID broker. */
export type YouthLoginMethod = 'link' | 'oidc';

/** How a one-time link reaches the youth. */
export type InvitationChannel = 'sms' | 'email';

/** A device a youth is logged in on (Mit forløb); the id is the hash of the cookie's token. */
export interface YouthSessionTable {
  id: string;
  municipality_id: string;
  youth_id: string;
  method: YouthLoginMethod;
  /** The browser and system, as the youth recognises the device ("Chrome, Android"). */
  device: string;
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
  expires_at: Date;
}

/** A one-time link sent to a youth: valid for a day, used once. */
export interface YouthInvitationTable {
  id: Generated<string>;
  municipality_id: string;
  youth_id: string;
  token_hash: string;
  channel: InvitationChannel;
  /** The caseworker who sent it; null when Ungeflow sent it itself (the demo). */
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface YouthLoginTables {
  youth_session: YouthSessionTable;
  youth_invitation: YouthInvitationTable;
}
