import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PackageImport } from '../../renderer/src/features/import/PackageImport';
import { installFakeBridge, Providers } from './fake-bridge';

const review = {
  caseNo: 'A3301052026030015',
  caseTitle: '刘某军贩卖毒品案',
  caseExists: false,
  exportedAt: '2026-11-23T08:00:00.000Z',
  entities: [],
  counts: { relations: 0, seizures: 3, events: 0, attachments: 0 },
  implausibleSeizures: [
    {
      row: 2,
      caseNo: 'A3301052026030015',
      drugType: 'heroin',
      quantity: '5000 kg',
      evidenceNo: null,
    },
  ],
};
const summary = {
  caseId: 'case-1',
  entitiesCreated: 0,
  entitiesMatched: 0,
  relations: 0,
  seizures: 3,
  events: 0,
  attachments: 0,
};

describe('PackageImport', () => {
  it('names an implausible seizure and imports only once the user confirmed it', async () => {
    const calls = installFakeBridge({
      'package.review': () => ({ ok: true, value: review }),
      'package.import': () => ({ ok: true, value: summary }),
    });
    const { container } = render(
      <Providers>
        <PackageImport />
      </Providers>,
    );
    const picker = container.querySelector('input[type="file"]')!;
    fireEvent.change(picker, {
      target: { files: [new File(['QLPKG'], '协查包.qlpkg')] },
    });
    fireEvent.change(screen.getByTestId('package-open-passphrase'), {
      target: { value: '协查-2026-滨江-昆明' },
    });
    await waitFor(() => expect(screen.getByTestId('package-review')).toBeEnabled());
    fireEvent.click(screen.getByTestId('package-review'));
    expect(
      await screen.findByText('以下 1 项缴获数量异常偏大（如超过一吨），请与发包单位核对'),
    ).toBeInTheDocument();
    expect(screen.getByText('第 2 项：A3301052026030015 海洛因 5000 kg')).toBeInTheDocument();
    expect(screen.getByTestId('package-import')).toBeDisabled();
    fireEvent.click(screen.getByText('已与发包单位核对，确认数量无误'));
    await waitFor(() => expect(screen.getByTestId('package-import')).toBeEnabled());
    fireEvent.click(screen.getByTestId('package-import'));
    expect(await screen.findByTestId('package-done')).toBeInTheDocument();
    const sent = calls.map(({ procedure, input }) => {
      const { contentBase64: _content, importId, ...rest } = input as Record<string, unknown>;
      return { procedure, ...rest, importId: typeof importId };
    });
    expect(sent).toEqual([
      { procedure: 'package.review', passphrase: '协查-2026-滨江-昆明', importId: 'string' },
      {
        procedure: 'package.import',
        passphrase: '协查-2026-滨江-昆明',
        confirmedImplausible: true,
        importId: 'string',
      },
    ]);
  });
});
