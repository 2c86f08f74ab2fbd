import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../electron/api/schemas/import-schemas';
import { ColumnsStep } from '../../renderer/src/features/import/ColumnsStep';
import { initialWizard } from '../../renderer/src/features/import/import-wizard';
import { Providers } from './fake-bridge';

const preview: ImportPreview = {
  format: 'csv',
  encoding: 'utf8',
  headerLine: 1,
  headers: ['用户号码', '对端号码', '通话时长', 'IMEI'],
  mapping: { ownNumber: 0, counterpart: 1, duration: 3, imei: 3 },
  rowCount: 0,
  nothingMoved: 0,
  validCount: 0,
  problemCount: 0,
  rejectedCount: 0,
  problems: [],
  rejectedFileName: '话单.rejected.csv',
  sample: [],
  platform: null,
  owner: null,
  sheets: [],
};

describe('the columns of a call list', () => {
  it('says when one column is chosen for two fields (the IMEI’s as the length too)', () => {
    render(
      <Providers>
        <ColumnsStep
          state={{ ...initialWizard, step: 1, preview, mapping: preview.mapping }}
          preview={preview}
          savedMappings={[]}
          dispatch={() => undefined}
          onCheck={() => undefined}
        />
      </Providers>,
    );
    expect(screen.getByTestId('import-column-twice').textContent).toContain(
      'D · IMEI（通话时长、IMEI）',
    );
  });
});
