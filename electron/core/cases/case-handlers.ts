import type { z } from 'zod';
import type { measureHistoryOutput } from '../../api/schemas/case-schemas';
import { exportCase } from '../io/case-export';
import { AppError } from '../app-error';
import type { AreaHandlers } from '../handler-types';
import { addPersonToCase } from '../entities/person-service';
import { caseAuditHistory } from './case-history';
import { addEntityToCase, removeCaseMember, updateCaseMember } from './case-members';
import { findCaseByNumber, findCaseRow, getCaseDetail, listCases } from './case-queries';
import { createCase, transitionCase, updateCase } from './case-service';
import { linkedCases } from './linked-cases';
import { markCaseOutcome } from './case-outcomes';
import { measureHistory, stepBackMeasure } from './measure-step-back';

export const caseHandlers: AreaHandlers<'cases'> = {
  'cases.list': (ctx, input) => listCases(ctx.workspace.db, input),
  'cases.export': (ctx, input) => exportCase(ctx.workspace, input.id, input.format),
  'cases.get': (ctx, input) => {
    const detail = getCaseDetail(ctx.workspace.db, input.id);
    if (!detail) throw new AppError('cases.notFound', 'No such case');
    return detail;
  },
  'cases.row': (ctx, input) => {
    const row = findCaseRow(ctx.workspace.db, input.id);
    if (!row) throw new AppError('cases.notFound', 'No such case');
    return row;
  },
  'cases.findByNumber': (ctx, input) => {
    const row = findCaseByNumber(ctx.workspace.db, input.caseNo);
    if (!row) throw new AppError('cases.notFound', 'No case with this number');
    return row;
  },
  'cases.create': (ctx, input) => createCase(ctx.workspace, input),
  'cases.update': (ctx, input) => updateCase(ctx.workspace, input.id, input.fields),
  'cases.transition': (ctx, input) => transitionCase(ctx.workspace, input),
  'cases.addPerson': (ctx, input) => addPersonToCase(ctx.workspace, input),
  'cases.addEntity': (ctx, input) => addEntityToCase(ctx.workspace, input),
  'cases.updateMember': (ctx, input) => {
    updateCaseMember(ctx.workspace, input);
    return { ok: true };
  },
  'cases.measures': (ctx, input) =>
    measureHistory(ctx.workspace.db, input.caseEntityId) as z.infer<typeof measureHistoryOutput>,
  'cases.stepBackMeasure': (ctx, input) => stepBackMeasure(ctx.workspace, input),
  'cases.removeMember': (ctx, input) => {
    removeCaseMember(ctx.workspace, input.caseEntityId);
    return { ok: true };
  },
  'cases.markOutcome': (ctx, input) => {
    markCaseOutcome(ctx.workspace, input);
    return { ok: true };
  },
  'cases.linked': (ctx, input) => linkedCases(ctx.workspace.db, input.id),
  'cases.auditHistory': (ctx, input) =>
    caseAuditHistory(ctx.workspace.db, input.caseId, input.page, input.pageSize),
};
