import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AddPersonModal } from '../../renderer/src/features/cases/AddPersonModal';
import { installFakeBridge, Providers } from './fake-bridge';

const person = {
  caseEntityId: 'ce1',
  entityId: 'e1',
  name: '全某甲',
  aliases: [],
  gender: 'female',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002X',
  household: null,
  roleInCase: 'suspect',
  legalStatus: 'none',
  legalStatusOn: null,
};

function renderModal() {
  render(
    <Providers>
      <AddPersonModal caseId="case-1" open onClose={() => undefined} />
    </Providers>,
  );
  return {
    name: screen.getByTestId('person-name'),
    idNumber: screen.getByTestId('person-id-number'),
    submit: () => fireEvent.click(screen.getByTestId('person-submit')),
  };
}

describe('AddPersonModal', () => {
  it('names the problem with an ID number as soon as the field is left', async () => {
    installFakeBridge({});
    const form = renderModal();
    fireEvent.change(form.idNumber, { target: { value: '110105194912310021' } });
    fireEvent.blur(form.idNumber);
    expect(await screen.findByText('证件号码无效：校验码错误（应为 X）')).toBeInTheDocument();
  });

  it('reads birth date and sex from a valid ID number and sends exactly what was entered', async () => {
    const calls = installFakeBridge({ 'cases.addPerson': () => ({ ok: true, value: person }) });
    const form = renderModal();
    fireEvent.change(form.name, { target: { value: '全某甲' } });
    fireEvent.change(form.idNumber, { target: { value: '11010519491231002X' } });
    expect(await screen.findByText('有效：1949-12-31 出生，女')).toBeInTheDocument();
    form.submit();
    await waitFor(() => expect(calls.map((call) => call.procedure)).toEqual(['cases.addPerson']));
    expect(calls[0]!.input).toEqual({
      caseId: 'case-1',
      roleInCase: 'suspect',
      legalStatus: 'none',
      legalStatusOn: null,
      phones: [],
      person: {
        name: '全某甲',
        idNumber: '11010519491231002X',
        aliases: [],
        gender: 'female',
        birthDate: '1949-12-31',
        household: undefined,
        address: undefined,
      },
    });
  });

  it('offers the person already recorded under that ID number', async () => {
    const calls = installFakeBridge({
      'cases.addPerson': (input) =>
        (input as { entityId?: string }).entityId
          ? { ok: true, value: person }
          : {
              ok: false,
              error: {
                code: 'persons.duplicateIdNumber',
                message: 'duplicate',
                details: { entityId: 'e1', name: '全某甲' },
              },
            },
    });
    const form = renderModal();
    fireEvent.change(form.name, { target: { value: '全某乙' } });
    fireEvent.change(form.idNumber, { target: { value: '11010519491231002X' } });
    form.submit();
    expect(await screen.findByText('该身份证号已登记为“全某甲”。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '改为添加已登记的“全某甲”' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.input).toEqual({
      caseId: 'case-1',
      entityId: 'e1',
      roleInCase: 'suspect',
      legalStatus: 'none',
      legalStatusOn: null,
      phones: [],
    });
  });
});
