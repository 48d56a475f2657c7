import { describe, expect, it } from 'vitest';
import { joinPageReads, PageReads } from '../../src/audit/page-reads.ts';
import type { NewAuditEntry } from '../../src/audit/audit.types.ts';

const by = (
  action: NewAuditEntry['action'],
  youthId: string | null,
  details: Record<string, unknown>,
): NewAuditEntry => ({
  municipalityId: 'm',
  userId: 'u',
  action,
  youthId,
  details,
  ip: '127.0.0.1',
  requestId: 'r1',
});

describe('the reads of one page view', () => {
  it('join into one entry per youth and kind of read, listing each read once, in the order first read', () => {
    const joined = joinPageReads(
      [
        by('youth.read', 'y1', {}),
        by('journey.read', 'y1', { journeyId: 'j1', view: 'plan_data' }),
        by('journey.read', 'y1', { journeyId: 'j1', view: 'offers' }),
        by('journey.read', 'y1', { journeyId: 'j1', view: 'plan_data' }),
        by('case_note.read', 'y1', { noteIds: ['n1'] }),
        by('journey.read', 'y2', { journeyId: 'j2' }),
      ],
      '/unge/:id',
    );
    expect(joined).toEqual([
      by('youth.read', 'y1', {}),
      by('journey.read', 'y1', {
        page: '/unge/:id',
        reads: [
          { journeyId: 'j1', view: 'plan_data' },
          { journeyId: 'j1', view: 'offers' },
        ],
      }),
      by('case_note.read', 'y1', { noteIds: ['n1'] }),
      by('journey.read', 'y2', { journeyId: 'j2' }),
    ]);
  });

  it('keeps a list that names no one youth as it is, so a search of the log for a youth in it still finds it', () => {
    const list = by('journey.listed', null, { youthIds: ['y1', 'y2'] });
    expect(joinPageReads([list, by('journey.listed', null, { view: 'alerts', journeyIds: ['j1'] })], '/')).toEqual([
      list,
      by('journey.listed', null, { view: 'alerts', journeyIds: ['j1'] }),
    ]);
  });

  it("keeps the young person's own reads apart from staff's, and says they are the youth's", () => {
    const own = (view: string): NewAuditEntry => ({ ...by('journey.read', 'y1', { by: 'youth', view }), userId: null });
    const [joined] = joinPageReads([own('my_journey'), own('self_ratings')], '/mit-forloeb');
    expect(joined?.details).toEqual({
      by: 'youth',
      page: '/mit-forloeb',
      reads: [
        { by: 'youth', view: 'my_journey' },
        { by: 'youth', view: 'self_ratings' },
      ],
    });
  });

  it('are handed over once: a second take writes nothing twice', () => {
    const reads = new PageReads('/unge/:id');
    reads.add(by('youth.read', 'y1', {}));
    expect(reads.take()).toHaveLength(1);
    expect(reads.take()).toEqual([]);
  });
});

describe('a row read once for a page view', () => {
  it('is read on the first call and given again on the next', async () => {
    const reads = new PageReads('/unge/:id');
    let calls = 0;
    const read = () => Promise.resolve({ id: 'j1', call: ++calls });
    expect(await reads.once('journey:j1', read)).toEqual({ id: 'j1', call: 1 });
    expect(await reads.once('journey:j1', read)).toEqual({ id: 'j1', call: 1 });
    expect(await reads.once('journey:j2', read)).toEqual({ id: 'j1', call: 2 });
    expect(calls).toBe(2);
  });

  it('is read again after a read that failed', async () => {
    const reads = new PageReads('/unge/:id');
    await expect(reads.once('youth:y1', () => Promise.reject(new Error('connection lost')))).rejects.toThrow(
      'connection lost',
    );
    expect(await reads.once('youth:y1', () => Promise.resolve('y1'))).toBe('y1');
  });
});
