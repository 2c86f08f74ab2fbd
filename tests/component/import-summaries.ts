import type { ImportSummary } from '../../electron/api/schemas/import-schemas';

/** The rejected-rows file of `callListImported`: its header line, with the BOM Excel needs. */
export const rejectedFileBytes = new TextEncoder().encode('\ufeff本机号码,原行号,原因\r\n');

/** A call list imported with 2 of its 15 rows rejected and their file not yet saved. */
export const callListImported: ImportSummary = {
  importId: 'imp-1',
  template: 'calls',
  rows: 15,
  rejectedRows: 2,
  entitiesCreated: 3,
  entitiesMatched: 0,
  relationsCreated: 2,
  relationsUpdated: 0,
  copies: 0,
  reversals: 0,
  unmatchedReversals: 0,
  attempts: 0,
  dataSessions: 0,
  withheldNumbers: 0,
  signals: 0,
  cellSites: 0,
  seizuresCreated: 0,
  sameAccounts: { ties: [], unsettled: [] },
  seconds: 0.1,
  rejectedFile: {
    fileName: '话单.rejected.csv',
    contentBase64: btoa(String.fromCharCode(...rejectedFileBytes)),
  },
};
