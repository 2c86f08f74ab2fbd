import { Alert, App, Button, Card, Progress, Result, Space } from 'antd';
import { useEffect, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getBridge } from '../../api/bridge';
import { invoke } from '../../api/client';
import { useProcedure } from '../../api/hooks';
import { useLeaveConfirm } from '../../app/useLeaveConfirm';
import { downloadDocument } from '../briefings/file-download';
import type { WizardAction, WizardState } from './import-wizard';
import { useSameAccountTexts } from '../entities/useSameAccountTexts';

/** Step 4: the progress bar and cancel while rows are written; then the summary. */
export function RunStep({
  state,
  dispatch,
}: {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { summary, error, importId, progress } = state;
  const sameAccountLines = useSameAccountTexts(summary?.sameAccounts, true);
  // The rejected rows live only here once the import is in: a new import unasked would drop
  // them unsaved (a save that failed, the earlier file open in Excel, is retried with the button).
  const [rejectedSaved, setRejectedSaved] = useState(false);
  const [saveFailed, setSaveFailed] = useState<string | null>(null);
  // In Electron the save dialog writes the file and says how it ended: saved only once written,
  // a failed write said (it had said nothing). Other hosts say nothing: saved once offered.
  const host = useProcedure('app.info', {}).data?.host;
  const rejectedName = summary?.rejectedFile?.fileName;
  useEffect(
    () =>
      getBridge().on('download.finished', ({ fileName, state }) => {
        if (fileName !== rejectedName) return;
        if (state === 'completed') setRejectedSaved(true);
        setSaveFailed(state === 'interrupted' ? fileName : null);
      }),
    [rejectedName],
  );
  // Leaving the page any other way (the menu, the other tab) asks as a new import does.
  useLeaveConfirm(
    summary?.rejectedFile && !rejectedSaved
      ? {
          title: t('import.rejectedUnsavedLeave', { count: summary.rejectedRows }),
          okText: t('import.leaveImport'),
          cancelText: t('import.keepRejected'),
        }
      : null,
  );
  const another = () => {
    if (!summary?.rejectedFile || rejectedSaved) {
      dispatch({ type: 'restarted' });
      return;
    }
    void modal.confirm({
      title: t('import.rejectedUnsaved', { count: summary.rejectedRows }),
      okText: t('import.another'),
      cancelText: t('import.keepRejected'),
      onOk: () => dispatch({ type: 'restarted' }),
    });
  };
  // Every row written, the import still builds its indexes and commits: not done, and past
  // cancelling (the bar had shown a finished 100 % and a cancel that did nothing).
  const committing = progress.total > 0 && progress.done >= progress.total;
  const percent = committing
    ? 99
    : progress.total
      ? Math.floor((progress.done / progress.total) * 100)
      : 0;
  return (
    <Card>
      {summary ? (
        <Result
          status="success"
          title={t('import.done', { count: summary.rows })}
          subTitle={
            <>
              {summary.template === 'seizures'
                ? t('import.seizuresCreated', { count: summary.seizuresCreated })
                : t('import.doneDetail', summary)}
              {summary.copies ? (
                <div data-testid="import-copies">
                  {t('import.copiesDetail', { count: summary.copies })}
                </div>
              ) : null}
              {summary.dataSessions ? (
                <div data-testid="import-data-sessions">
                  {t('import.dataSessionsDetail', { count: summary.dataSessions })}
                </div>
              ) : null}
              {summary.withheldNumbers ? (
                <div data-testid="import-withheld">
                  {t('import.withheldDetail', { count: summary.withheldNumbers })}
                </div>
              ) : null}
              {summary.signals ? (
                <div data-testid="import-signals">
                  {t('import.signalsDetail', { count: summary.signals })}
                </div>
              ) : null}
              {summary.cellSites ? (
                <div data-testid="import-cell-sites">
                  {t('import.cellSitesDetail', { count: summary.cellSites })}
                </div>
              ) : null}
              {summary.reversals ? (
                <div data-testid="import-reversals">
                  {t('import.reversalsDetail', { count: summary.reversals })}
                </div>
              ) : null}
              {summary.attempts ? (
                <div data-testid="import-attempts">
                  {t('import.attemptsDetail', { count: summary.attempts })}
                </div>
              ) : null}
              {summary.unmatchedReversals ? (
                <div data-testid="import-unmatched-reversals">
                  {t('import.unmatchedReversalsDetail', { count: summary.unmatchedReversals })}
                </div>
              ) : null}
              {sameAccountLines.map((text, at) => {
                const tie = summary.sameAccounts.ties[at];
                return (
                  <div key={text} data-testid="import-same-account">
                    {text}
                    {tie && (
                      <>
                        {' '}
                        <Link to={`/entities/${tie.accountId}`}>{t('common.open')}</Link>
                      </>
                    )}
                  </div>
                );
              })}
              {summary.rejectedRows ? (
                <div data-testid="import-rejected">
                  {t('import.rejectedDetail', { count: summary.rejectedRows })}
                </div>
              ) : null}
            </>
          }
          data-testid="import-done"
          extra={[
            saveFailed ? (
              <Alert
                key="save-failed"
                type="error"
                showIcon
                title={t('import.rejectedSaveFailed', { fileName: saveFailed })}
                style={{ marginBottom: 12, textAlign: 'left' }}
                data-testid="import-rejected-save-failed"
              />
            ) : null,
            summary.rejectedFile ? (
              <Button
                key="rejected"
                onClick={() => {
                  if (!summary.rejectedFile) return;
                  downloadDocument({
                    fileName: summary.rejectedFile.fileName,
                    // A tab-separated source's rows set aside come back as .txt, in its shape.
                    mimeType: summary.rejectedFile.fileName.endsWith('.txt')
                      ? 'text/plain'
                      : 'text/csv',
                    encoding: 'base64',
                    content: summary.rejectedFile.contentBase64,
                  });
                  setSaveFailed(null);
                  if (host !== 'electron') setRejectedSaved(true);
                }}
                data-testid="import-rejected-download"
              >
                {t('import.saveRejected')}
              </Button>
            ) : null,
            <Button key="another" onClick={another} data-testid="import-another">
              {t('import.another')}
            </Button>,
          ]}
        />
      ) : error ? (
        <Button onClick={() => dispatch({ type: 'wentTo', step: 2 })}>{t('import.back')}</Button>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Progress percent={percent} status="active" data-testid="import-progress" />
          <span data-testid="import-progress-text">
            {committing ? t('import.committing', progress) : t('import.progress', progress)}
          </span>
          <Button
            danger
            disabled={!importId || committing}
            onClick={() => importId && void invoke('import.cancel', { importId })}
            data-testid="import-cancel"
          >
            {t('import.cancel')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
