import { AppError } from '../app-error';
import type { AreaHandlers } from '../handler-types';
import { addPersonToCase } from '../people/person-service';
import { getCaseDetail, listCases } from './case-queries';
import { createCase } from './case-service';

export const caseHandlers: AreaHandlers<'cases'> = {
  'cases.list': (ctx, input) => listCases(ctx.workspace.db, input),
  'cases.get': (ctx, input) => {
    const detail = getCaseDetail(ctx.workspace.db, input.id);
    if (!detail) throw new AppError('cases.notFound', 'No such case');
    return detail;
  },
  'cases.create': (ctx, input) => createCase(ctx.workspace, input),
  'cases.addPerson': (ctx, input) => addPersonToCase(ctx.workspace, input),
};
