import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../electron/api/schemas/import-schemas';
import {
  initialWizard,
  savedMapping,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../../renderer/src/features/import/import-wizard';

const preview = {
  headers: ['主叫', '被叫', '时间'],
  mapping: { caller: 0, callee: 1 },
  validCount: 7,
} as Partial<ImportPreview> as ImportPreview;

const play = (...actions: WizardAction[]): WizardState =>
  actions.reduce(wizardReducer, initialWizard);

describe('import wizard state', () => {
  it('a loaded preview takes its mapping and moves on; a failed one stays, with the reason', () => {
    const loaded = play({ type: 'previewStarted' }, { type: 'previewLoaded', preview, next: 1 });
    expect([loaded.step, loaded.busy, loaded.mapping, loaded.preview]).toEqual([
      1,
      false,
      { caller: 0, callee: 1 },
      preview,
    ]);
    const failed = play(
      { type: 'previewStarted' },
      { type: 'previewFailed', error: '文件无法读取' },
    );
    expect([failed.step, failed.busy, failed.error]).toEqual([0, false, '文件无法读取']);
  });

  it('a run counts only its own progress events and ends with the summary or the error', () => {
    const started = play(
      { type: 'previewLoaded', preview, next: 2 },
      { type: 'runStarted', importId: 'imp-1' },
      { type: 'progressed', importId: 'imp-0', done: 5, total: 9 },
      { type: 'progressed', importId: 'imp-1', done: 3, total: 7 },
    );
    expect([started.step, started.importId, started.progress]).toEqual([
      3,
      'imp-1',
      { done: 3, total: 7 },
    ]);
    const failed = wizardReducer(started, { type: 'runFailed', error: '已取消' });
    expect([failed.importId, failed.error, failed.summary]).toEqual([
      undefined,
      '已取消',
      undefined,
    ]);
    const again = wizardReducer(failed, { type: 'runStarted', importId: 'imp-2' });
    expect([again.error, again.progress]).toEqual([undefined, { done: 0, total: 7 }]);
  });

  it('another file starts over at the first step and keeps the template and case', () => {
    const restarted = play(
      {
        type: 'chose',
        choice: { template: 'persons', caseId: 'c1', file: { name: 'a.csv', contentBase64: '' } },
      },
      { type: 'previewLoaded', preview, next: 1 },
      { type: 'wentTo', step: 3 },
      { type: 'restarted' },
    );
    expect([
      restarted.step,
      restarted.file,
      restarted.preview,
      restarted.template,
      restarted.caseId,
    ]).toEqual([0, undefined, undefined, 'persons', 'c1']);
  });

  it('an own number, account or direction typed for one file is not sent with the next', () => {
    const file = { name: 'a.csv', contentBase64: '' };
    const typed = play(
      { type: 'chose', choice: { file } },
      {
        type: 'chose',
        choice: { ownNumber: '13987654321', ownAccount: 'wxid_a', direction: 'out' },
      },
    );
    expect([typed.ownNumber, typed.ownAccount, typed.direction]).toEqual([
      '13987654321',
      'wxid_a',
      'out',
    ]);
    // The same file again (a re-render) keeps them; another file or a restart drops them.
    expect(wizardReducer(typed, { type: 'chose', choice: { file } }).ownNumber).toBe('13987654321');
    const next = wizardReducer(typed, {
      type: 'chose',
      choice: { file: { name: 'b.csv', contentBase64: '' } },
    });
    expect([next.ownNumber, next.ownAccount, next.direction]).toEqual(['', '', '']);
    const restarted = wizardReducer(typed, { type: 'restarted' });
    expect([restarted.ownNumber, restarted.ownAccount, restarted.direction]).toEqual(['', '', '']);
  });

  it('columns chosen by hand are kept for the same file, not for another file, template or encoding', () => {
    const file = { name: 'a.csv', contentBase64: '' };
    const chosen = play(
      { type: 'chose', choice: { file } },
      { type: 'previewLoaded', preview, next: 1 },
      { type: 'chose', choice: { mapping: { caller: 1, callee: 0 } } },
    );
    expect(chosen.columnsChosen).toBe(true);
    // Back to the first step to type the own number: still the same table.
    const typed = wizardReducer(wizardReducer(chosen, { type: 'wentTo', step: 0 }), {
      type: 'chose',
      choice: { ownNumber: '13987654321' },
    });
    expect([typed.columnsChosen, typed.mapping]).toEqual([true, { caller: 1, callee: 0 }]);
    for (const choice of [
      { file: { name: 'b.csv', contentBase64: '' } },
      { template: 'transactions' as const },
      { encoding: 'gb18030' as const },
    ])
      expect(wizardReducer(typed, { type: 'chose', choice }).columnsChosen).toBe(false);
    expect(wizardReducer(typed, { type: 'restarted' }).columnsChosen).toBe(false);
  });

  it('a saved set of columns finds its headers by name and skips the missing ones', () => {
    expect(
      savedMapping({ callee: '主叫', caller: '被叫', start: '开始' }, preview.headers),
    ).toEqual({
      callee: 0,
      caller: 1,
    });
  });
});
