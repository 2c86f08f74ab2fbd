import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { EntitySelect } from '../../renderer/src/features/graph/EntitySelect';
import { node } from '../unit/graph/fixtures';
import { Providers } from './fake-bridge';

/** 120 people 人员000–人员119, each with a phone-like identifier. */
const nodes = Array.from({ length: 120 }, (_, index) =>
  node(`p${index}`, {
    label: `人员${String(index).padStart(3, '0')}`,
    kind: 'person',
    identifier: `1390000${String(index).padStart(4, '0')}`,
  }),
);

function Picker({ initial }: { initial?: string }) {
  const [value, setValue] = useState<string | undefined>(initial);
  return (
    <Providers>
      <EntitySelect
        nodes={nodes}
        value={value}
        onChange={setValue}
        placeholder="查找"
        data-testid="picker"
      />
      <span data-testid="chosen">{value ?? '-'}</span>
    </Providers>
  );
}

const listed = () =>
  [...document.querySelectorAll('.ant-select-item-option')].map((option) => option.textContent);

function openPicker() {
  fireEvent.mouseDown(screen.getByRole('combobox'));
}

describe('EntitySelect', () => {
  it('builds no option while closed; open, it lists 50 and says how many more', () => {
    render(<Picker />);
    expect(listed()).toEqual([]);
    openPicker();
    const shown = listed();
    expect(shown).toHaveLength(51);
    expect(shown[0]).toBe('人员000 13900000000');
    expect(shown[49]).toBe('人员049 13900000049');
    expect(shown[50]).toBe('另有 70 个，输入名称或号码查找');
  });

  it('finds by name or number as typed, and picks', () => {
    render(<Picker />);
    openPicker();
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '0000011' } });
    expect(listed()).toEqual([
      '人员011 13900000011',
      '人员110 13900000110',
      '人员111 13900000111',
      '人员112 13900000112',
      '人员113 13900000113',
      '人员114 13900000114',
      '人员115 13900000115',
      '人员116 13900000116',
      '人员117 13900000117',
      '人员118 13900000118',
      '人员119 13900000119',
    ]);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '人员07' } });
    expect(listed()).toHaveLength(10);
    fireEvent.click(screen.getByText('人员075 13900000075'));
    expect(screen.getByTestId('chosen')).toHaveTextContent('p75');
  });

  it('shows the chosen entity by its name, not its ID, while closed', () => {
    render(<Picker initial="p99" />);
    expect(screen.getByTestId('picker')).toHaveTextContent('人员099 13900000099');
    expect(screen.getByTestId('picker')).not.toHaveTextContent('p99');
  });
});
