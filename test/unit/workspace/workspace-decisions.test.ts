import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DecisionEvent } from '../../../shared/review/decision-event.js';
import { workspaceSandbox } from './workspace-harness.js';

const sandbox = workspaceSandbox();

const line = (actionId: number, itemPath: string, category: string | null, extra: Partial<DecisionEvent> = {}): DecisionEvent => ({
  actionId,
  itemPath,
  category,
  source: 'investigator',
  cause: 'decision',
  userName: 'jtremblay',
  atMs: 1_800_000_000_000 + actionId,
  ...extra,
});

describe('the review record in the case workspace', () => {
  it('keeps every decision across a reopen: each item’s category now, its whole history, and where action ids go on', async () => {
    const first = await sandbox.open(sandbox.dbPath);
    await first.appendDecisions([line(1, 'a.jpg', '1'), line(1, 'copy/a.jpg', '1', { source: 'stack' }), line(2, 'b.jpg', '3')]);
    await first.appendDecisions([line(3, 'a.jpg', null, { cause: 'undo' }), line(3, 'copy/a.jpg', null, { source: 'stack', cause: 'undo' })]);
    await first.close();

    const again = await sandbox.open(sandbox.dbPath);
    const latest = await again.latestDecisions();
    expect(latest.map((event) => [event.itemPath, event.category])).toEqual([
      ['b.jpg', '3'],
      ['a.jpg', null],
      ['copy/a.jpg', null],
    ]);
    expect((await again.itemHistory('a.jpg')).map((event) => [event.category, event.cause, event.userName])).toEqual([
      ['1', 'decision', 'jtremblay'],
      [null, 'undo', 'jtremblay'],
    ]);
    expect(await again.lastActionId()).toBe(3);
  });

  it('writes a retried batch once: the lines of an action already stored are not added again', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    const batch = [line(1, 'a.jpg', '2'), line(1, 'b.jpg', '2', { source: 'stack' })];
    await workspace.appendDecisions(batch);
    await workspace.appendDecisions(batch);
    expect(await workspace.itemHistory('a.jpg')).toHaveLength(1);
  });

  it('reads every item’s category however many pages the record takes', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    const many = Array.from({ length: 600 }, (_, index) => line(index + 1, `f/${index}.jpg`, String(index % 5)));
    await workspace.appendDecisions(many);
    const latest = await workspace.latestDecisions();
    expect(latest).toHaveLength(600);
    expect(latest.at(-1)).toEqual(many.at(-1));
  });

  it('keeps the scheme chosen at the first open, whatever a later open asks for', async () => {
    const first = await sandbox.open(sandbox.dbPath);
    expect(await first.chooseScheme({ id: 'uk-abc' })).toEqual({ id: 'uk-abc' });
    await first.close();
    const again = await sandbox.open(sandbox.dbPath);
    expect(await again.chooseScheme({ id: 'vic-us' })).toEqual({ id: 'uk-abc' });
  });

  it('refuses to change or remove a line of history, even through SQL', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    await workspace.appendDecisions([line(1, 'a.jpg', '1')]);
    await workspace.close();
    const db = new Database(sandbox.dbPath);
    expect(() => db.prepare("UPDATE decisions SET category = '0'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM decisions').run()).toThrow(/append-only/);
    db.close();
  });

  it('refuses a line that is not a decision, and writes nothing of its batch', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    const bad = { ...line(2, 'b.jpg', '1'), source: 'guess' };
    // @ts-expect-error -- a line from a buggy caller, checked by the worker
    await expect(workspace.appendDecisions([line(1, 'a.jpg', '1'), bad])).rejects.toThrow();
    expect(await workspace.latestDecisions()).toEqual([]);
  });

  it('writes a step of more than 2,000 lines (a large grid selection) whole or not at all, and still cuts many steps into batches', async () => {
    const workspace = await sandbox.open(sandbox.dbPath);
    const selection = Array.from({ length: 2500 }, (_, index) => line(1, `sel/${index}.jpg`, '1'));
    const bad = { ...line(1, 'sel/last.jpg', '1'), source: 'guess' };
    // @ts-expect-error -- a line from a buggy caller, checked by the worker: its whole step is refused, none of it stored
    await expect(workspace.appendDecisions([...selection, bad])).rejects.toThrow();
    expect(await workspace.latestDecisions()).toEqual([]);

    await workspace.appendDecisions(selection);
    const steps = Array.from({ length: 4500 }, (_, index) => line(2 + index, `one/${index}.jpg`, '2'));
    await workspace.appendDecisions(steps);
    expect(await workspace.latestDecisions()).toHaveLength(7000);
    expect(await workspace.lastActionId()).toBe(4501);
  });
});
