import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { loginAs, newUnit, newUser, newYouth } from '../support/factories.ts';

// Tuesday 1 December 2026, 00:30 in Denmark (still 30 November in UTC): "today" is the Danish day.
const NOW = new Date('2026-11-30T23:30:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;
type Headers = { cookie: string };

describe.each(engines)('case notes on %s', (engine) => {
  let ctx: Awaited<ReturnType<typeof startTestApp>>;
  let unit: Unit;
  let colleague: { id: string; headers: Headers };
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
    unit = await newUnit(ctx.app, ctx.db);
    const user = await newUser(ctx.db, { municipalityId: unit.municipality.id, role: 'caseworker', name: 'Kollega' });
    colleague = { id: user.id, headers: await loginAs(ctx.app, user) };
  });
  afterAll(() => ctx.close());

  const write = (youthId: string, payload: Record<string, unknown>, headers: Headers = unit.caseworker.headers) =>
    ctx.app.inject({ method: 'POST', url: `/api/youth/${youthId}/notes`, headers, payload });
  const edit = (noteId: string, payload: Record<string, unknown>, headers: Headers = unit.caseworker.headers) =>
    ctx.app.inject({ method: 'PATCH', url: `/api/notes/${noteId}`, headers, payload });
  const auditOf = (youthId: string) =>
    ctx.db.selectFrom('audit_log').selectAll().where('youth_id', '=', youthId).orderBy('id').execute();

  it('writes a note about today in Denmark by its author, and lists it', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const written = await write(youth.id, { kind: 'phone', text: 'Ringede om praktikken; hun vil gerne starte.' });
    expect(written.statusCode).toBe(201);
    expect(written.json()).toMatchObject({
      youthId: youth.id,
      concernsOn: '2026-12-01',
      kind: 'phone',
      text: 'Ringede om praktikken; hun vil gerne starte.',
      author: { id: unit.caseworker.id },
      updatedBy: { id: unit.caseworker.id },
      version: 1,
      earlierVersions: [],
    });
    await write(youth.id, { kind: 'conversation', text: 'Første samtale.', concernsOn: '2026-11-20' });
    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth/${youth.id}/notes`,
      headers: unit.leader.headers,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((n: { concernsOn: string }) => n.concernsOn)).toEqual(['2026-12-01', '2026-11-20']);
    expect(listed.json().total).toBe(2);
  });

  it('refuses a day in the future, an empty text and an unknown kind, naming each field', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const future = await write(youth.id, { kind: 'email', text: 'Mail sendt', concernsOn: '2026-12-02' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([
      { field: 'concernsOn', message: 'Datoen kan ikke ligge i fremtiden.' },
    ]);
    const bad = await write(youth.id, { kind: 'letter', text: '   ' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['kind', 'text']);
    const none = await ctx.app.inject({
      method: 'GET',
      url: `/api/youth/${youth.id}/notes`,
      headers: unit.caseworker.headers,
    });
    expect(none.json().total).toBe(0);
  });

  it('keeps every earlier version when a note is edited, and adds none for an edit that changes nothing', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const note = (await write(youth.id, { kind: 'conversation', text: 'Aftalt praktik hos Netto.' })).json();
    const first = await edit(note.id, { version: 1, text: 'Aftalt praktik hos Føtex.' });
    expect(first.statusCode).toBe(200);
    const second = await edit(note.id, { version: 2, kind: 'phone', concernsOn: '2026-11-30' });
    expect(second.json()).toMatchObject({
      version: 3,
      kind: 'phone',
      concernsOn: '2026-11-30',
      text: 'Aftalt praktik hos Føtex.',
    });
    expect(
      second
        .json()
        .earlierVersions.map((v: { version: number; kind: string; text: string }) => [v.version, v.kind, v.text]),
    ).toEqual([
      [2, 'conversation', 'Aftalt praktik hos Føtex.'],
      [1, 'conversation', 'Aftalt praktik hos Netto.'],
    ]);
    const same = await edit(note.id, { version: 3, text: 'Aftalt praktik hos Føtex.' });
    expect(same.json().version).toBe(3);

    // The log says what was written and edited, and which fields, never the words.
    const log = await auditOf(youth.id);
    const edits = log.filter((r) => r.action === 'case_note.edited').map((r) => r.details);
    expect(edits).toEqual([
      { noteId: note.id, version: 2, fields: ['text'] },
      { noteId: note.id, version: 3, fields: ['concernsOn', 'kind'] },
    ]);
    expect(log.some((r) => r.action === 'case_note.written')).toBe(true);
    expect(JSON.stringify(log)).not.toContain('Netto');
    expect(JSON.stringify(log)).not.toContain('Føtex');
  });

  it('refuses an edit made against a stale version and changes nothing', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const note = (await write(youth.id, { kind: 'other', text: 'Første udgave' })).json();
    await edit(note.id, { version: 1, text: 'Anden udgave' });
    const stale = await edit(note.id, { version: 1, text: 'Overskriver ikke' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const read = await ctx.app.inject({
      method: 'GET',
      url: `/api/notes/${note.id}`,
      headers: unit.caseworker.headers,
    });
    expect(read.json()).toMatchObject({ version: 2, text: 'Anden udgave' });
    expect(read.json().earlierVersions).toHaveLength(1);
  });

  it('lets the author and a leader edit a note, and no other caseworker', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const note = (await write(youth.id, { kind: 'assessment', text: 'Vurdering' })).json();
    const other = await edit(note.id, { version: 1, text: 'Kollegaens rettelse' }, colleague.headers);
    expect(other.statusCode).toBe(403);
    const byLeader = await edit(note.id, { version: 1, text: 'Lederens rettelse' }, unit.leader.headers);
    expect(byLeader.statusCode).toBe(200);
    expect(byLeader.json()).toMatchObject({
      author: { id: unit.caseworker.id },
      updatedBy: { id: unit.leader.id },
      earlierVersions: [{ writtenBy: { id: unit.caseworker.id }, text: 'Vurdering' }],
    });
  });

  it('keeps notes to their municipality and from administrators', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const note = (await write(youth.id, { kind: 'email', text: 'Mail fra skolen' })).json();
    const elsewhere = await newUnit(ctx.app, ctx.db);
    for (const [method, url] of [
      ['GET', `/api/notes/${note.id}`],
      ['GET', `/api/youth/${youth.id}/notes`],
    ] as const) {
      expect((await ctx.app.inject({ method, url, headers: elsewhere.leader.headers })).statusCode).toBe(404);
      expect((await ctx.app.inject({ method, url, headers: unit.admin.headers })).statusCode).toBe(403);
    }
    expect((await edit(note.id, { version: 1, text: 'x' }, elsewhere.leader.headers)).statusCode).toBe(404);
    expect((await write(youth.id, { kind: 'email', text: 'x' }, elsewhere.caseworker.headers)).statusCode).toBe(404);
  });

  it('audits every read of the notes with the notes read', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const note = (await write(youth.id, { kind: 'phone', text: 'Opkald' })).json();
    await ctx.app.inject({ method: 'GET', url: `/api/notes/${note.id}`, headers: unit.leader.headers });
    await ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}/notes`, headers: unit.caseworker.headers });
    const reads = (await auditOf(youth.id)).filter((r) => r.action === 'case_note.read');
    expect(reads.map((r) => [r.user_id, r.details.noteIds])).toEqual([
      [unit.leader.id, [note.id]],
      [unit.caseworker.id, [note.id]],
    ]);
  });

  it('refuses to change or remove what was written, even in SQL', async () => {
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const note = (await write(youth.id, { kind: 'other', text: 'Står fast' })).json();
    await expect(
      sql`update case_note_version set text = 'x' where note_id = ${note.id}`.execute(ctx.db),
    ).rejects.toThrow(/keeps its history/);
    await expect(sql`delete from case_note_version where note_id = ${note.id}`.execute(ctx.db)).rejects.toThrow(
      /keeps its history/,
    );
    await expect(sql`delete from case_note where id = ${note.id}`.execute(ctx.db)).rejects.toThrow(/keeps its history/);
    const read = await ctx.app.inject({
      method: 'GET',
      url: `/api/notes/${note.id}`,
      headers: unit.caseworker.headers,
    });
    expect(read.json().text).toBe('Står fast');
  });
});
