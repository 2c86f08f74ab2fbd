import type { AreaHandlers } from '../handler-types';
import { deleteImport } from './import-deletion';
import { savedMappings, saveMapping } from './import-mappings';
import {
  accountIdentifiers,
  listImports,
  phoneIdentifiers,
  relationRecords,
} from './import-queries';
import { cancelImport, previewImport, runImport } from './import-service';

export const importHandlers: AreaHandlers<'import'> = {
  'import.preview': (ctx, input) => previewImport(ctx.deps, ctx.workspace.db, input),
  'import.commit': (ctx, input) =>
    runImport(ctx.workspace, ctx.deps, input, () => ctx.sessions.touch()),
  'import.cancel': (_ctx, input) => cancelImport(input.importId),
  'import.mappings.list': (ctx) => savedMappings(ctx.workspace.db),
  'import.mappings.save': (ctx, input) => saveMapping(ctx.workspace, input),
  'import.records': (ctx, input) => relationRecords(ctx.workspace.db, input),
  'import.list': (ctx) => listImports(ctx.workspace.db),
  'import.phoneIdentifiers': (ctx, input) => phoneIdentifiers(ctx.workspace.db, input.phoneId),
  'import.accountIdentifiers': (ctx, input) =>
    accountIdentifiers(ctx.workspace.db, input.accountId),
  'import.delete': (ctx, input) => {
    const {
      fileName: _name,
      caseId: _case,
      ...result
    } = deleteImport(ctx.workspace, input.importId);
    return result;
  },
};
