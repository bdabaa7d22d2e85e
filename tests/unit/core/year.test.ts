import { describe, expect, it } from 'vitest';
import { yearOf } from '../../../src/core';
import { publicationYear } from '../../../src/report';

describe('the year of a moment', () => {
  it('is the UTC year, so a post published at new year falls in the same year on every machine', () => {
    expect(yearOf(Date.UTC(2019, 11, 31, 23, 30))).toBe(2019);
    expect(yearOf(Date.UTC(2020, 0, 1, 0, 30))).toBe(2020);
    expect(publicationYear('2019-12-31T23:30:00.000Z')).toBe(2019);
    expect(publicationYear('2020-01-01T00:30:00.000+01:00')).toBe(2019);
  });

  it('is 0 for no moment, or one a date cannot hold', () => {
    expect(yearOf(undefined)).toBe(0);
    expect(yearOf(Number.NaN)).toBe(0);
    expect(yearOf(Infinity)).toBe(0);
    expect(yearOf(9e15)).toBe(0);
    expect(publicationYear(undefined)).toBe(0);
    expect(publicationYear('not a date')).toBe(0);
  });
});
