import { describe, expect, it } from 'vitest';
import {
  householdRegion,
  prefectureOfText,
  provinceOfText,
  regionOfText,
} from '../../../electron/core/map/map-regions';
import { provinceOfCode, provinces } from '../../../electron/core/map/province-table';

describe('province table', () => {
  it('has the 34 province-level divisions with distinct codes, by the names of the boundary map', () => {
    expect(provinces).toHaveLength(34);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(34);
    expect(provinceOfCode('533102')).toMatchObject({ code: '530000', mapName: '云南' });
    expect(provinceOfCode('445281')).toMatchObject({ code: '440000', fullName: '广东省' });
    expect(provinceOfCode('990000')).toBeNull();
  });
});

describe('户籍地 from the ID number and household text', () => {
  it('takes the province from the first two digits and the prefecture from the household text', () => {
    expect(householdRegion('530102198309270016', '云南省昆明市五华区')).toEqual({
      key: '530000/昆明市',
      provinceCode: '530000',
      provinceName: '云南',
      prefectureName: '昆明市',
    });
    expect(householdRegion('33010519850614001X', '浙江省滨江市拱墅区')?.key).toBe('330000/滨江市');
  });

  it('trusts the ID number over a household text of another province', () => {
    expect(householdRegion('445281199207180011', '浙江省滨江市西湖区')).toEqual({
      key: '440000',
      provinceCode: '440000',
      provinceName: '广东',
      prefectureName: null,
    });
  });

  it('falls back to the household text without an ID number, and gives null when nothing is known', () => {
    // A county-level city is its prefecture's.
    expect(householdRegion(null, '云南省瑞丽市')?.key).toBe('530000/德宏傣族景颇族自治州');
    expect(householdRegion('', '德宏州某地')).toBeNull();
    expect(householdRegion('991234199001010011', null)).toBeNull();
    expect(householdRegion(null, null)).toBeNull();
  });

  it('knows autonomous prefectures, municipalities and short province names', () => {
    expect(regionOfText('云南省德宏傣族景颇族自治州瑞丽市')?.key).toBe(
      '530000/德宏傣族景颇族自治州',
    );
    expect(regionOfText('北京市朝阳区')?.key).toBe('110000/北京市');
    expect(regionOfText('广西南宁市青秀区')?.key).toBe('450000/南宁市');
    expect(provinceOfText('内蒙古自治区呼和浩特市')?.code).toBe('150000');
    expect(prefectureOfText('浙江省', provinceOfCode('33')!)).toBeNull();
    expect(regionOfText('城东物流园仓库')).toBeNull();
  });
});
