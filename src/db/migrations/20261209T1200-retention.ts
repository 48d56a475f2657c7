import { type Kysely, sql } from 'kysely';

/**
 * Retention, deletion and an audit log nobody can quietly change (docs/decisions/0010).
 *
 * - A youth can be put on legal hold (the retention job passes them by) and is anonymised once
 *   the municipality's retention period after the last journey closed has run out.
 * - Journey events and case notes stay append-only for everyone but the erasure: a transaction
 *   that sets `ungeflow.erasing` (the retention job, the deletion of a youth registered by
 *   mistake) may blank or remove them.
 * - The audit log no longer points at the youth table (a deleted youth's trace stays, as a keyed
 *   hash in `youth_ref`). Each row carries a hash over its content and the previous row's hash
 *   of the same municipality (`chain_seq` orders the chain); the personal fields enter the hash
 *   as a digest of their own, so pseudonymising them later keeps the chain whole.
 * - Only audit_log_pseudonymise() (owned by the migrating role, run with its rights) changes an
 *   audit row, and only by removing what names a person; it logs its own use.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('youth')
    .addColumn('legal_hold_reason', 'text')
    .addColumn('legal_hold_at', 'timestamptz')
    .addColumn('legal_hold_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('anonymised_at', 'timestamptz')
    .execute();

  // The erasure's door in the append-only guards of journey events and case notes.
  await sql`
    create or replace function journey_event_append_only() returns trigger language plpgsql as $$
    begin
      if current_setting('ungeflow.erasing', true) = 'on' then
        return case when tg_op = 'DELETE' then old else new end;
      end if;
      raise exception 'journey_event is append-only' using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`
    create or replace function case_note_history_kept() returns trigger language plpgsql as $$
    begin
      if tg_level = 'ROW' and current_setting('ungeflow.erasing', true) = 'on' then
        return case when tg_op = 'DELETE' then old else new end;
      end if;
      raise exception '% keeps its history: rows are never changed or removed', tg_table_name
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);

  await sql`alter table audit_log drop constraint if exists audit_log_youth_id_fkey`.execute(db);
  await db.schema
    .alterTable('audit_log')
    .addColumn('youth_ref', 'text')
    .addColumn('chain_seq', 'bigint')
    .addColumn('personal_digest', 'text')
    .addColumn('hash', 'text')
    .addColumn('pseudonymised_at', 'timestamptz')
    .execute();

  // The canonical forms: jsonb's text is the same for the same value on every PostgreSQL, and
  // the instant enters as whole microseconds since 1970, whatever the session's time zone.
  await sql`
    create function audit_log_personal_digest(p_user_id uuid, p_youth_id uuid, p_youth_ref text, p_details jsonb, p_ip text)
    returns text language sql immutable as $$
      select encode(sha256(convert_to(jsonb_build_array(p_user_id, p_youth_id, p_youth_ref, p_details, p_ip)::text, 'UTF8')), 'hex')
    $$`.execute(db);
  await sql`
    create function audit_log_chain_hash(p_previous text, p_seq bigint, p_municipality_id uuid, p_occurred_at timestamptz,
      p_action text, p_request_id text, p_personal_digest text)
    returns text language sql immutable as $$
      select encode(sha256(convert_to(coalesce(p_previous, '') || '|' || jsonb_build_array(p_seq, p_municipality_id,
        (extract(epoch from p_occurred_at) * 1000000)::bigint, p_action, p_request_id, p_personal_digest)::text, 'UTF8')), 'hex')
    $$`.execute(db);

  // Existing rows are chained in the order they were written.
  await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db);
  await sql`
    update audit_log a set chain_seq = n.seq
    from (select id, row_number() over (partition by municipality_id order by id) as seq from audit_log) n
    where a.id = n.id`.execute(db);
  await sql`update audit_log set personal_digest = audit_log_personal_digest(user_id, youth_id, youth_ref, details, ip)`.execute(
    db,
  );
  await sql`
    do $$
    declare
      r record;
      previous text;
      chain uuid;
      first boolean := true;
    begin
      for r in select * from audit_log order by municipality_id nulls first, chain_seq loop
        if first or r.municipality_id is distinct from chain then
          previous := null;
          chain := r.municipality_id;
          first := false;
        end if;
        previous := audit_log_chain_hash(previous, r.chain_seq, r.municipality_id, r.occurred_at, r.action,
          r.request_id, r.personal_digest);
        update audit_log set hash = previous where id = r.id;
      end loop;
    end
    $$`.execute(db);
  await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(db);
  await sql`alter table audit_log alter column chain_seq set not null`.execute(db);
  await sql`alter table audit_log alter column personal_digest set not null`.execute(db);
  await sql`alter table audit_log alter column hash set not null`.execute(db);
  await sql`create unique index audit_log_chain_idx on audit_log (municipality_id, chain_seq)`.execute(db);
  await sql`create index audit_log_youth_ref_idx on audit_log (youth_ref) where youth_ref is not null`.execute(db);

  // Every new row is chained by the database itself, one municipality's rows one at a time.
  await sql`
    create function audit_log_chain() returns trigger language plpgsql as $$
    declare
      last record;
    begin
      perform pg_advisory_xact_lock(1430209352, hashtext(coalesce(new.municipality_id::text, '')));
      if new.municipality_id is null then
        select chain_seq, hash into last from audit_log where municipality_id is null order by chain_seq desc limit 1;
      else
        select chain_seq, hash into last from audit_log where municipality_id = new.municipality_id
          order by chain_seq desc limit 1;
      end if;
      new.chain_seq := coalesce(last.chain_seq, 0) + 1;
      new.pseudonymised_at := null;
      new.personal_digest := audit_log_personal_digest(new.user_id, new.youth_id, new.youth_ref, new.details, new.ip);
      new.hash := audit_log_chain_hash(last.hash, new.chain_seq, new.municipality_id, new.occurred_at, new.action,
        new.request_id, new.personal_digest);
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger audit_log_chained before insert on audit_log
    for each row execute function audit_log_chain()`.execute(db);

  // Append-only, but for audit_log_pseudonymise(): it may clear the personal fields, nothing else.
  await sql`
    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and current_setting('ungeflow.audit_pseudonymising', true) = 'on'
        and new.id = old.id and new.chain_seq = old.chain_seq and new.hash = old.hash
        and new.personal_digest = old.personal_digest and new.action = old.action
        and new.occurred_at = old.occurred_at and new.municipality_id is not distinct from old.municipality_id
        and new.request_id is not distinct from old.request_id and new.user_id is not distinct from old.user_id
        and old.pseudonymised_at is null and new.pseudonymised_at is not null then
        return new;
      end if;
      raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);

  // The one way an audit row changes. Each row given ({ id, youthRef, details }) loses its youth
  // id (the keyed hash in youth_ref stands in) and its address, and keeps of its details only
  // what it already held (youthRefs aside, which stand in for youthIds). Runs with the rights of
  // the role that migrated, so the server's role needs no right to update the log; it writes its
  // own entry, so no use of it goes unseen.
  await sql`
    create function audit_log_pseudonymise(p_municipality_id uuid, p_cutoff timestamptz, p_rows jsonb)
    returns integer language plpgsql security definer set search_path = public, pg_temp as $$
    declare
      changed integer;
    begin
      perform set_config('ungeflow.audit_pseudonymising', 'on', true);
      update audit_log a set
        youth_id = null,
        youth_ref = coalesce(a.youth_ref, r.value ->> 'youthRef'),
        ip = null,
        details = r.value -> 'details',
        pseudonymised_at = now()
      from jsonb_array_elements(p_rows) r
      where a.id = (r.value ->> 'id')::bigint
        and a.municipality_id = p_municipality_id
        and a.occurred_at < p_cutoff
        and a.pseudonymised_at is null
        and jsonb_typeof(r.value -> 'details') = 'object'
        and ((r.value -> 'details') - 'youthRefs') <@ a.details;
      get diagnostics changed = row_count;
      perform set_config('ungeflow.audit_pseudonymising', 'off', true);
      if changed > 0 then
        insert into audit_log (municipality_id, action, details)
        values (p_municipality_id, 'audit.pseudonymised', jsonb_build_object('before', p_cutoff, 'entries', changed));
      end if;
      return changed;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function audit_log_pseudonymise(uuid, timestamptz, jsonb)`.execute(db);
  await sql`drop trigger audit_log_chained on audit_log`.execute(db);
  await sql`drop function audit_log_chain()`.execute(db);
  await sql`drop index audit_log_chain_idx`.execute(db);
  await sql`drop index audit_log_youth_ref_idx`.execute(db);
  await db.schema
    .alterTable('audit_log')
    .dropColumn('youth_ref')
    .dropColumn('chain_seq')
    .dropColumn('personal_digest')
    .dropColumn('hash')
    .dropColumn('pseudonymised_at')
    .execute();
  await sql`drop function audit_log_chain_hash(text, bigint, uuid, timestamptz, text, text, text)`.execute(db);
  await sql`drop function audit_log_personal_digest(uuid, uuid, text, jsonb, text)`.execute(db);
  await db.schema
    .alterTable('youth')
    .dropColumn('legal_hold_reason')
    .dropColumn('legal_hold_at')
    .dropColumn('legal_hold_by')
    .dropColumn('anonymised_at')
    .execute();
}
