import { Alert, Steps, Tabs } from 'antd';
import { useEffect, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getBridge } from '../../api/bridge';
import { ApiCallError, invoke } from '../../api/client';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { CheckStep } from './CheckStep';
import { ColumnsStep } from './ColumnsStep';
import { FileStep } from './FileStep';
import { ImportHistory } from './ImportHistory';
import { initialWizard, unmappedPreview, wizardReducer, type WizardStep } from './import-wizard';
import { PackageImport } from './PackageImport';
import { RunStep } from './RunStep';

/**
 * 导入向导: file and template → columns → preview and validation report → import with a
 * progress bar and cancel. Nothing is written before the last step; then either all or
 * nothing, or (chosen by the user) the valid rows, with the others handed back as a
 * rejected-rows file to save. The state lives in `wizardReducer`; each step is a component.
 */
function TableImport() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [state, dispatch] = useReducer(wizardReducer, initialWizard);
  const { step, template, file, preview, error } = state;
  const mappings = useProcedure('import.mappings.list', {});

  useEffect(
    () =>
      getBridge().on('import.progressed', (event) => dispatch({ type: 'progressed', ...event })),
    [],
  );

  // An error is said above the steps: brought into view, the button pressed far below it had
  // seemed to do nothing.
  const errorBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);

  const request = (chosen?: Record<string, number>, sheet = state.sheet) =>
    file && {
      fileName: file.name,
      contentBase64: file.contentBase64,
      encoding: state.encoding,
      template,
      mapping: chosen,
      ownAccount:
        template === 'transactions' && state.ownAccount.trim() ? state.ownAccount.trim() : null,
      direction:
        (template === 'transactions' || template === 'calls') && state.direction
          ? state.direction
          : null,
      ownNumber: template === 'calls' && state.ownNumber.trim() ? state.ownNumber.trim() : null,
      areaCode:
        template === 'calls' && /^0[1-9]\d{1,2}$/.test(state.areaCode) ? state.areaCode : null,
      caseId: state.caseId ?? null,
      sheet,
    };

  const loadPreview = async (
    chosen: Record<string, number> | undefined,
    next: WizardStep,
    sheet = state.sheet,
  ) => {
    const input = request(chosen, sheet);
    if (!input) return;
    // An empty file is said as one (it had been refused as input of the wrong form).
    if (!input.contentBase64) {
      const empty = new ApiCallError({ code: 'import.empty', message: 'No data rows' });
      dispatch({ type: 'previewFailed', error: errorText(empty) });
      return;
    }
    dispatch({ type: 'previewStarted' });
    try {
      dispatch({ type: 'previewLoaded', preview: await invoke('import.preview', input), next });
    } catch (caught) {
      const unmapped =
        caught instanceof ApiCallError && caught.code === 'import.missingColumns'
          ? unmappedPreview(caught.details, input.fileName, state.encoding)
          : null;
      dispatch(
        unmapped
          ? { type: 'columnsNeeded', preview: unmapped, error: errorText(caught) }
          : { type: 'previewFailed', error: errorText(caught) },
      );
    }
  };

  const run = async () => {
    const input = request(state.mapping);
    if (!input) return;
    const importId = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    dispatch({ type: 'runStarted', importId });
    try {
      const summary = await invoke('import.commit', {
        ...input,
        importId,
        skipInvalid: state.skipInvalid,
      });
      dispatch({ type: 'runDone', summary });
    } catch (caught) {
      dispatch({ type: 'runFailed', error: errorText(caught) });
    }
  };

  return (
    <>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('import.steps.file') },
          { title: t('import.steps.columns') },
          { title: t('import.steps.check') },
          { title: t('import.steps.import') },
        ]}
      />
      <div ref={errorBox}>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 12 }}
            data-testid="import-error"
          />
        ) : null}
      </div>
      {step === 0 ? (
        <FileStep
          state={state}
          dispatch={dispatch}
          onNext={() => void loadPreview(state.columnsChosen ? state.mapping : undefined, 1)}
        />
      ) : null}
      {step === 1 && preview ? (
        <ColumnsStep
          state={state}
          preview={preview}
          savedMappings={mappings.data}
          dispatch={dispatch}
          onCheck={() => void loadPreview(state.mapping, 2)}
        />
      ) : null}
      {step === 2 && preview ? (
        <CheckStep
          state={state}
          preview={preview}
          dispatch={dispatch}
          onRun={() => void run()}
          onReadSheet={(sheet) => {
            // Another sheet is another table: its columns are suggested afresh.
            dispatch({ type: 'chose', choice: { sheet } });
            void loadPreview(undefined, 1, sheet);
          }}
        />
      ) : null}
      {step === 3 ? <RunStep state={state} dispatch={dispatch} /> : null}
    </>
  );
}

/**
 * 数据导入: tables from other systems (persons, call records, bank records) or a case package,
 * and the imports done (导入记录). The tab is in the address (?tab=package, ?tab=history): leaving the table's tab closes its wizard, and a
 * wizard holding unsaved rejected rows asks first, as before any other way out (RunStep).
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = asked === 'package' || asked === 'history' ? asked : 'table';
  return (
    <>
      <PageHeader title={t('import.title')} />
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={(key) => setParams(key === 'table' ? {} : { tab: key })}
        items={[
          { key: 'table', label: t('import.tabTable'), children: <TableImport /> },
          { key: 'package', label: t('import.tabPackage'), children: <PackageImport /> },
          { key: 'history', label: t('import.tabHistory'), children: <ImportHistory /> },
        ]}
      />
    </>
  );
}
