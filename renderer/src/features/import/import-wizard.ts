import type { ImportTemplate } from '../../../../electron/api/domain/import-templates';
import type { TextEncoding } from '../../../../electron/api/domain/text-encodings';
import type { ImportPreview, ImportSummary } from '../../../../electron/api/schemas/import-schemas';

/** A file picked or dropped, read in the renderer. */
export interface PickedFile {
  name: string;
  contentBase64: string;
}

export type Encoding = 'auto' | TextEncoding;

/** 0 file and template, 1 columns, 2 check, 3 import. */
export type WizardStep = 0 | 1 | 2 | 3;

/** Everything the table import wizard knows; changed only through `wizardReducer`. */
export interface WizardState {
  step: WizardStep;
  template: ImportTemplate;
  encoding: Encoding;
  caseId?: string;
  file?: PickedFile;
  /** Field key → column index in the file. */
  mapping: Record<string, number>;
  preview?: ImportPreview;
  busy: boolean;
  error?: string;
  /** Set while an import runs (its progress events carry it). */
  importId?: string;
  progress: { done: number; total: number };
  summary?: ImportSummary;
  mappingName: string;
  skipInvalid: boolean;
  ownAccount: string;
  /** Which way a statement's money went when the file says it nowhere; '' when it does. */
  direction: '' | 'out' | 'in';
  ownNumber: string;
  areaCode: string;
  /** A workbook's sheet read alone (1 for the first), or null for the sheets under one header. */
  sheet: number | null;
  /**
   * Whether the mapping was chosen by the user for this file, template and encoding: going back
   * to the first step (to type an own number) keeps it for the next preview.
   */
  columnsChosen: boolean;
}

/** What the user types or picks directly. */
type Choice = Pick<
  WizardState,
  | 'template'
  | 'encoding'
  | 'caseId'
  | 'file'
  | 'mapping'
  | 'mappingName'
  | 'skipInvalid'
  | 'ownAccount'
  | 'direction'
  | 'ownNumber'
  | 'areaCode'
  | 'sheet'
>;

export type WizardAction =
  | { type: 'chose'; choice: Partial<Choice> }
  | { type: 'wentTo'; step: WizardStep }
  | { type: 'previewStarted' }
  | { type: 'previewLoaded'; preview: ImportPreview; next?: WizardStep }
  | { type: 'previewFailed'; error: string }
  | { type: 'columnsNeeded'; preview: ImportPreview; error: string }
  | { type: 'runStarted'; importId: string }
  | { type: 'progressed'; importId: string; done: number; total: number }
  | { type: 'runDone'; summary: ImportSummary }
  | { type: 'runFailed'; error: string }
  | { type: 'restarted' };

export const initialWizard: WizardState = {
  step: 0,
  template: 'calls',
  encoding: 'auto',
  mapping: {},
  busy: false,
  progress: { done: 0, total: 0 },
  mappingName: '',
  skipInvalid: false,
  ownAccount: '',
  direction: '',
  ownNumber: '',
  areaCode: '',
  sheet: null,
  columnsChosen: false,
};

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'chose': {
      const { choice } = action;
      const otherFile = choice.file !== undefined && choice.file !== state.file;
      // Columns chosen by hand belong to the file, template and encoding they were chosen for.
      const otherTable =
        otherFile ||
        (choice.template !== undefined && choice.template !== state.template) ||
        (choice.encoding !== undefined && choice.encoding !== state.encoding) ||
        (choice.sheet !== undefined && choice.sheet !== state.sheet);
      return {
        ...state,
        // A typed own number or account belongs to the file it was typed for, and so does what
        // the preview said of it (a WeChat bill's own account is checked as a WeChat ID).
        ...(otherFile
          ? { ownNumber: '', ownAccount: '', direction: '', sheet: null, preview: undefined }
          : {}),
        ...choice,
        columnsChosen: choice.mapping !== undefined || (state.columnsChosen && !otherTable),
      };
    }
    case 'wentTo':
      return { ...state, step: action.step };
    case 'previewStarted':
      return { ...state, busy: true, error: undefined };
    case 'previewLoaded':
      return {
        ...state,
        busy: false,
        preview: action.preview,
        mapping: action.preview.mapping,
        step: action.next ?? state.step,
      };
    case 'previewFailed':
      return { ...state, busy: false, error: action.error };
    case 'columnsNeeded':
      // Required columns no header names: the columns step, to choose them by hand.
      return {
        ...state,
        busy: false,
        error: action.error,
        preview: action.preview,
        mapping: action.preview.mapping,
        step: 1,
      };
    case 'runStarted':
      return {
        ...state,
        importId: action.importId,
        progress: { done: 0, total: state.preview?.validCount ?? 0 },
        summary: undefined,
        error: undefined,
        step: 3,
      };
    case 'progressed':
      return action.importId === state.importId
        ? { ...state, progress: { done: action.done, total: action.total } }
        : state;
    case 'runDone':
      return { ...state, summary: action.summary, importId: undefined };
    case 'runFailed':
      return { ...state, error: action.error, importId: undefined };
    case 'restarted':
      return {
        ...state,
        step: 0,
        file: undefined,
        preview: undefined,
        ownNumber: '',
        ownAccount: '',
        direction: '',
        sheet: null,
        columnsChosen: false,
      };
  }
}

/**
 * A preview of a file whose required columns no header names (import.missingColumns with the
 * header as read): its columns to map, no rows checked yet.
 */
export function unmappedPreview(
  details: Record<string, unknown>,
  fileName: string,
  encoding: Encoding,
): ImportPreview | null {
  const { headers, headerLine, mapping } = details;
  if (!Array.isArray(headers) || typeof headerLine !== 'number') return null;
  const extension = /\.(csv|txt|xlsx|xlsb|ods|xls)$/i.exec(fileName)?.[1]?.toLowerCase();
  return {
    format:
      extension === 'xlsx' || extension === 'xlsb' || extension === 'ods' || extension === 'xls'
        ? extension
        : 'csv',
    encoding: encoding === 'auto' ? null : encoding,
    headerLine,
    headers: headers.map(String),
    mapping: (mapping ?? {}) as Record<string, number>,
    rowCount: 0,
    nothingMoved: 0,
    validCount: 0,
    problemCount: 0,
    rejectedCount: 0,
    problems: [],
    // No row is checked yet, so no row can be rejected: no file's name either.
    rejectedFileName: '',
    sample: [],
    platform: null,
    owner: null,
    ownerKnownBy: null,
    sheets: [],
  };
}

/** The mapping of a saved set of columns, by header name, onto this file's columns. */
export function savedMapping(
  columns: Record<string, string>,
  headers: readonly string[],
): Record<string, number> {
  const chosen: Record<string, number> = {};
  for (const [field, header] of Object.entries(columns)) {
    const column = headers.indexOf(header);
    if (column >= 0) chosen[field] = column;
  }
  return chosen;
}

const encodingNames: Record<TextEncoding, string> = {
  utf8: 'UTF-8',
  gb18030: 'GB18030',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
  big5: 'Big5',
};

/** The file as read: its form, and the encoding of a text one ("CSV · GB18030", "XLS"). */
export function fileFormatText(preview: Pick<ImportPreview, 'format' | 'encoding'>): string {
  const form = preview.format.toUpperCase();
  return preview.encoding ? `${form} · ${encodingNames[preview.encoding]}` : form;
}
