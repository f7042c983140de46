// Following a requisition update onto its linked postings, when Lever fails: the row fails with a
// sentence naming the requisition, the posting and the categories, and Lever's own reason; the
// requisition's update stays, and no posting counts as brought in line when its write failed.
import { afterEach, describe, expect, it } from 'vitest';
import { followPostings } from '../../../src/main/core/sync/posting-follow.ts';
import type { UndoScene } from './undo-core-support.ts';
import { undoScene } from './undo-core-support.ts';
import { STAFF, publishedPosting, seededRequisition } from './seeds.ts';

let scene: UndoScene | undefined;
afterEach(async () => {
  await scene?.close();
  scene = undefined;
});

async function start(): Promise<UndoScene> {
  scene = await undoScene({ requisitions: [seededRequisition('lr-1', 'ENG-1')] });
  const state = scene.lever.control.state();
  state.postings.push(publishedPosting('p-1', 'Backend Engineer', ['ENG-1'], Date.UTC(2026, 0, 5, 9)));
  scene.lever.control.seed(state);
  return scene;
}

const requisition = { requisitionCode: 'ENG-1', postings: ['p-1'], owner: STAFF.rick.leverId, hiringManager: null };

describe('following onto linked postings', () => {
  it('reads and writes a posting listed twice only once', async () => {
    const s = await start();
    const result = await followPostings(s.ctx.lever, { ...requisition, postings: ['p-1', 'p-1'] }, { department: 'Sales' });
    expect(result).toEqual({ updated: ['p-1'], unchanged: [], missing: [] });
    expect(s.leverWrites()).toEqual([{ method: 'POST', path: '/v1/postings/p-1' }]);
  });

  it('has nothing to bring in line for a requisition Lever lists without postings: no posting is read or written', async () => {
    const s = await start();
    const reads = s.lever.control.requestLog({ method: 'GET' }).length;
    const result = await followPostings(s.ctx.lever, { ...requisition, postings: null }, { department: 'Sales' });
    expect(result).toEqual({ updated: [], unchanged: [], missing: [] });
    expect(s.lever.control.requestLog({ method: 'GET' })).toHaveLength(reads);
    expect(s.leverWrites()).toEqual([]);
  });
});

describe('a linked posting Lever will not let us bring in line', () => {
  it('fails naming the posting it could not read', async () => {
    const s = await start();
    s.lever.control.setFault({ method: 'GET', path: '/v1/postings/p-1', action: { kind: 'status', status: 403 } });
    const error = await followPostings(s.ctx.lever, { ...requisition, postings: ['p-1', 'p-1'] }, { department: 'Sales' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ vendor: 'lever', kind: 'forbidden', status: 403 });
    expect((error as Error).message).toBe(
      'The requisition ENG-1 was updated, but its posting p-1 could not be read to bring its Department in line: Lever refused GET /postings/:id (403 Forbidden): the Lever API key lacks the "Read postings" permission. Edit the key in Lever → Settings → Integrations and API → API credentials and enable "Read postings".',
    );
  });

  it('fails naming the posting it could not write, and the fields', async () => {
    const s = await start();
    s.lever.control.setFault({ method: 'POST', path: '/v1/postings/p-1', action: { kind: 'status', status: 403 } });
    const error = await followPostings(s.ctx.lever, requisition, { department: 'Sales', location: 'Boston' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ vendor: 'lever', kind: 'forbidden', status: 403 });
    expect((error as Error).message).toBe(
      'The requisition ENG-1 was updated, but its posting "Backend Engineer" could not be brought in line (Department, Location): Lever refused POST /postings/:id (403 Forbidden): the Lever API key lacks the "Update posting" permission. Edit the key in Lever → Settings → Integrations and API → API credentials and enable "Update posting".',
    );
    expect(s.lever.control.state().postings[0]?.categories?.department).toBe('Engineering');
  });

  it('fails naming the posting when the requisition has no owner or hiring manager to act as, and writes nothing', async () => {
    const s = await start();
    const error = await followPostings(s.ctx.lever, { ...requisition, owner: null }, { department: 'Sales' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'sync.posting_follow_failed',
      message:
        'The requisition ENG-1 was updated, but its posting "Backend Engineer" was not: Lever needs a user to act as, and the requisition has no owner or hiring manager. Set one on the job in ChartHop.',
    });
    expect(s.leverWrites()).toEqual([]);
  });
});
