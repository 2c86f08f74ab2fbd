import { afterEach, describe, expect, it } from 'vitest';
import { computeCheckCharacter } from '../../electron/api/domain/resident-id';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

describe('persons with identity documents', () => {
  it('upgrades a 15-digit ID, derives 户籍地, accepts a passport, refuses a bad permit', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const old = await c.ok('entities.create', {
      entity: { kind: 'person', name: '老证号', idNumber: '330105850614285' },
    });
    const upgraded = `33010519850614285${computeCheckCharacter('33010519850614285')}`;
    expect(old.details).toMatchObject({
      idNumber: upgraded,
      birthDate: '1985-06-14',
      gender: 'male',
      household: '浙江省杭州市拱墅区',
    });
    // The same person typed with the 18-digit number is found as a duplicate.
    expect(
      await c.call('entities.create', {
        entity: { kind: 'person', name: '新证号', idNumber: upgraded },
      }),
    ).toMatchObject({ ok: false, error: { code: 'persons.duplicateIdNumber' } });
    const foreigner = await c.ok('entities.create', {
      entity: { kind: 'person', name: 'SOMCHAI', idType: 'passport', idNumber: 'aa1234567' },
    });
    expect(foreigner.details).toMatchObject({ idNumber: 'AA1234567', household: null });
    expect(
      await c.call('entities.create', {
        entity: { kind: 'person', name: '港人', idType: 'hk_macao_permit', idNumber: 'X1234567' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'persons.invalidIdNumber',
        details: { problem: 'format', idType: 'hk_macao_permit' },
      },
    });
  });
});
