import { describe, expect, it } from 'vitest';
import { parseIdentityDocument } from '../../electron/api/domain/identity-documents';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * The cross-border upstream's own identity cards (缅甸 国民登记证, 越南 CCCD): refused before
 * for want of a type to record them under.
 */

const { planned } = previewsOnNewWorkspace();

describe('foreign identity cards', () => {
  it('a person list with a Myanmar NRC and a Vietnamese CCCD under 证件类型', async () => {
    const plan = await planned('persons', [
      '姓名,性别,国籍,证件类型,证件号码,联系电话',
      '岩某,男,缅甸,缅甸身份证,12/OuKaMa(N)123456,+95 9 123 456 789',
      '阮某,女,越南,越南公民身份证(CCCD),001090012345,+84 912 345 678',
      '李某,男,中国,公民身份证,530102199003070016,',
    ]);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['name', 'idType', 'idNumber', 'gender'])).toEqual([
      ['岩某', 'foreign_id', '12/OUKAMA(N)123456', 'male'],
      ['阮某', 'foreign_id', '001090012345', 'female'],
      ['李某', null, '530102199003070016', 'male'],
    ]);
  });

  it('the rule: letters, digits and / ( ) -, at least four digits', () => {
    expect(parseIdentityDocument('foreign_id', '9/MaYaNa(N)012345').ok).toBe(true);
    expect(parseIdentityDocument('foreign_id', 'ABC-12').ok).toBe(false);
    expect(parseIdentityDocument('foreign_id', '不详').ok).toBe(false);
  });
});
