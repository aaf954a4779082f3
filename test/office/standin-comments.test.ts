// The stand-in's notes and threaded comments as Excel documents them (excel-behaviours.md F2, F3, F6), with every
// UNVERIFIED answer it offers.
// A ClientResult read after the sync that follows it; the lint rules cannot follow the proxies.
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read */
import { UNVERIFIED_BEHAVIOURS, type FakeBehaviours } from '../../src/office-standin';
import { rejects, sheet, standIn } from './standin-helpers';

function commented() {
  return sheet('S', { cells: { B2: { value: 1 } }, comments: [{ cell: 'B1', content: 'user remark' }] });
}

describe('stand-in notes and comments', () => {
  it.each(UNVERIFIED_BEHAVIOURS.noteOnCommentedCell.filter((b) => b !== 'replaces'))(
    '[F2] refuses a note on a cell that has a threaded comment (%s)',
    async (answer) => {
      const f = standIn([commented()], { behaviours: { noteOnCommentedCell: answer } });
      const e = await rejects(
        f.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('S');
          ws.getRange('C1').values = [['before']];
          ws.notes.add('B1', 'note');
          ws.getRange('C2').values = [['after']];
          await ctx.sync();
        }),
        answer,
      );
      expect(e.debugInfo.errorLocation).toBe('NoteCollection.add');
      // The actions before the failing one stay applied, those after it do not (excel-behaviours.md §2.18).
      expect(f.model.sheets[0].cells.C1).toEqual({ value: 'before' });
      expect(f.model.sheets[0].cells.C2).toBeUndefined();
      expect(f.model.sheets[0].comments).toHaveLength(1);
      expect(f.model.sheets[0].cells.B1).toBeUndefined();
    },
  );

  it('[F2] applies nothing of a batch whose note fails, under failedBatch: rolls-back', async () => {
    const f = standIn([commented()], { behaviours: { failedBatch: 'rolls-back' } });
    await rejects(
      f.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('C1').values = [['before']];
        ws.notes.add('B1', 'note');
        await ctx.sync();
      }),
      'InvalidOperation',
    );
    expect(f.model.sheets[0].cells).toEqual({ B2: { value: 1 } });
    // The next batch works on the workbook as it was.
    await f.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('C1').values = [['again']];
      await ctx.sync();
    });
    expect(f.model.sheets[0].cells.C1).toEqual({ value: 'again' });
  });

  it('[F2] replaces the thread by the note when that is what Excel turns out to do', async () => {
    const f = standIn([commented()], { behaviours: { noteOnCommentedCell: 'replaces' } });
    await f.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').notes.add('B1', 'note');
      await ctx.sync();
    });
    expect(f.model.sheets[0].comments).toEqual([]);
    expect(f.model.sheets[0].cells.B1).toEqual({ value: null, note: 'note' });
  });

  it.each(UNVERIFIED_BEHAVIOURS.commentOnNotedCell.filter((b) => b !== 'replaces'))(
    '[F2] refuses a threaded comment on a cell that has a note, at a Comment location (%s)',
    async (answer) => {
      const f = standIn([sheet('S', { cells: { B1: { value: null, note: 'n' } } })], {
        behaviours: { commentOnNotedCell: answer },
      });
      const e = await rejects(
        f.run(async (ctx) => {
          ctx.workbook.comments.add('S!B1', 'c');
          await ctx.sync();
        }),
        answer,
      );
      expect(e.debugInfo.errorLocation).toMatch(/^Comment/);
      expect(f.model.sheets[0].cells.B1.note).toBe('n');
    },
  );

  it('[F2] replaces the note by the comment under commentOnNotedCell: replaces', async () => {
    const f = standIn([sheet('S', { cells: { B1: { value: null, note: 'n' } } })], {
      behaviours: { commentOnNotedCell: 'replaces' },
    });
    await f.run(async (ctx) => {
      ctx.workbook.comments.add('S!B1', 'c');
      await ctx.sync();
    });
    expect(f.model.sheets[0].cells.B1).toBeUndefined();
    expect(f.model.sheets[0].comments.map((c) => c.content)).toEqual(['c']);
  });

  it('[F3] keeps replies in the thread and lists them through Comment.replies', async () => {
    const f = standIn([commented()], { userName: 'reviewer' });
    await f.run(async (ctx) => {
      const thread = ctx.workbook.comments.getItemByCell('S!B1');
      thread.replies.add('first reply');
      thread.replies.add('second reply');
      await ctx.sync();
      const replies = thread.replies.load('items/id,items/content,items/authorName');
      const count = thread.replies.getCount();
      await ctx.sync();
      expect(replies.items.map((r) => r.content)).toEqual(['first reply', 'second reply']);
      expect(replies.items[0].authorName).toBe('reviewer');
      expect(new Set(replies.items.map((r) => r.id)).size).toBe(2);
      expect(count.value).toBe(2);
      const again = thread.replies.getItem(replies.items[1].id).load('content');
      await ctx.sync();
      expect(again.content).toBe('second reply');
    });
    expect(f.model.sheets[0].comments[0].replies?.map((r) => r.content)).toEqual([
      'first reply',
      'second reply',
    ]);
  });

  it('[F3] deleting a comment deletes its replies', async () => {
    const thread = commented();
    thread.comments[0].replies = [{ content: 'a reply', author: 'user' }];
    const f = standIn([thread]);
    await f.run(async (ctx) => {
      ctx.workbook.comments.getItemByCell('S!B1').delete();
      await ctx.sync();
      const count = ctx.workbook.comments.getCount();
      await ctx.sync();
      expect(count.value).toBe(0);
    });
    expect(f.model.sheets[0].comments).toEqual([]);
  });

  it('[F3] deleting a reply keeps the thread and the other replies', async () => {
    const thread = commented();
    thread.comments[0].replies = [{ content: 'one' }, { content: 'two' }];
    const f = standIn([thread]);
    await f.run(async (ctx) => {
      ctx.workbook.comments.getItemByCell('S!B1').replies.getItemAt(0).delete();
      await ctx.sync();
    });
    expect(f.model.sheets[0].comments).toEqual([
      { cell: 'B1', content: 'user remark', replies: [{ content: 'two' }] },
    ]);
  });

  it('[F3] needs ExcelApi 1.10 for replies and 1.14 for getItemOrNullObject', async () => {
    const f = standIn([commented()], { apiVersion: '1.13' });
    await rejects(
      f.run(async (ctx) => {
        ctx.workbook.comments.getItemByCell('S!B1').replies.getItemOrNullObject('{reply:x}');
        await ctx.sync();
      }),
      'ApiNotFound',
    );
  });

  it.each<[FakeBehaviours['lineEndings'], string]>([
    ['as-written', 'a\nb'],
    ['crlf', 'a\r\nb'],
  ])('[F6] gives note, comment and reply text back with its line ends (%s)', async (answer, expected) => {
    const f = standIn([sheet('S')], { behaviours: { lineEndings: answer } });
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.notes.add('A1', 'a\nb');
      const c = ctx.workbook.comments.add('S!B1', 'a\nb');
      c.replies.add('a\nb');
      await ctx.sync();
      const note = ws.notes.getItem('A1').load('content');
      const comment = ctx.workbook.comments.getItemByCell('S!B1').load('content');
      const replies = comment.replies.load('items/content');
      await ctx.sync();
      expect([note.content, comment.content, replies.items[0].content]).toEqual([
        expected,
        expected,
        expected,
      ]);
    });
    // What is stored is what was written.
    expect(f.model.sheets[0].cells.A1.note).toBe('a\nb');
  });
});
