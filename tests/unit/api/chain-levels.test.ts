import { describe, expect, it } from 'vitest';
import { chainLevels, chainRowNames } from '../../../electron/api/domain/chain-levels';
import { enumText } from '../../../electron/api/i18n/document-text';
import { edge, node } from '../graph/fixtures';

describe('supply-chain levels', () => {
  it("puts the supply chain on layers: a source above the source it supplies, phones on their owner's layer", () => {
    const nodes = [
      node('south', { chainTier: 'source' }),
      node('wholesale', { chainTier: 'source' }),
      node('retailer', { chainTier: 'retail' }),
      node('phone', { kind: 'phone' }),
    ];
    const edges = [
      edge('south', 'wholesale', 'supplies'),
      edge('wholesale', 'retailer', 'supplies'),
      edge('wholesale', 'phone', 'uses'),
    ];
    const { levels, tiers, owners, untiered } = chainLevels(nodes, edges);
    // Things beside their owner, no row of their own (the rows of things had pushed 吸毒 and
    // 毒资/保护伞 off a laptop's canvas).
    expect(Object.fromEntries(levels)).toEqual({ south: 0, wholesale: 1, phone: 1, retailer: 2 });
    expect(Object.fromEntries(owners)).toEqual({ phone: 'wholesale' });
    // Every row named: the wholesaler's row under the southern source is of its tier too (李某华's
    // row under 岩某 had had no name), numbered so that two rows of one name read as a sequence.
    expect(tiers).toEqual({ 0: 'source', 1: 'source', 2: 'retail' });
    expect(untiered).toEqual([]);
    expect(chainRowNames({ tiers, untiered }, enumText('zh-CN').chainTier, '未分层')).toEqual({
      0: '毒源/上线 ①',
      1: '毒源/上线 ②',
      2: '零包',
    });
  });

  it('names the row of people in no tier and linked to none apart (under 毒资/保护伞 they read as its)', () => {
    const nodes = [
      node('source', { chainTier: 'source' }),
      node('payer', { chainTier: 'finance' }),
      node('stranger'),
      node('phone', { kind: 'phone' }),
    ];
    const edges = [edge('source', 'payer', 'finances'), edge('source', 'phone', 'uses')];
    const { levels, tiers, untiered } = chainLevels(nodes, edges);
    expect(Object.fromEntries(levels)).toEqual({ source: 0, phone: 0, payer: 1, stranger: 2 });
    expect(tiers).toEqual({ 0: 'source', 1: 'finance' });
    expect(untiered).toEqual([2]);
  });

  it('names each row by its tier, the untiered row apart', () => {
    expect(
      chainRowNames(
        { tiers: { 0: 'source', 1: 'finance' }, untiered: [2] },
        enumText('zh-CN').chainTier,
        '未分层',
      ),
    ).toEqual({ 0: '毒源/上线', 1: '毒资/保护伞', 2: '未分层' });
  });
});
