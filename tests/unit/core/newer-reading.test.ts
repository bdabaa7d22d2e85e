import { describe, expect, it } from 'vitest';
import { newerReadingWins } from '../../../src/core';

const T = 1_750_000_000_000;

describe('newer reading wins', () => {
  it('takes the first reading of a post, whatever it says', () => {
    expect(newerReadingWins(undefined, { audience: 'unknown', at: T }, 'incoming')).toBe(true);
    expect(newerReadingWins(undefined, { audience: 'public', at: T }, 'kept')).toBe(true);
  });

  it('lets a later reading replace an earlier one, and never an earlier one a later', () => {
    expect(newerReadingWins({ audience: 'public', at: T }, { audience: 'friends', at: T + 1 }, 'incoming')).toBe(true);
    expect(newerReadingWins({ audience: 'public', at: T }, { audience: 'friends', at: T - 1 }, 'incoming')).toBe(false);
    expect(newerReadingWins({ audience: 'unknown', at: T }, { audience: 'friends', at: T + 1 }, 'kept')).toBe(true);
    expect(newerReadingWins({ audience: 'unknown', at: T }, { audience: 'friends', at: T - 1 }, 'kept')).toBe(false);
  });

  it('never lets a reading that only says unknown replace a known audience, however late', () => {
    expect(newerReadingWins({ audience: 'friends', at: T }, { audience: 'unknown', at: T + 1 }, 'incoming')).toBe(false);
    expect(newerReadingWins({ audience: 'friends', at: T }, { audience: 'unknown', at: T + 1 }, 'kept')).toBe(false);
    expect(newerReadingWins({ audience: 'unknown', at: T }, { audience: 'unknown', at: T + 1 }, 'incoming')).toBe(true);
  });

  it('gives a reading of the same moment to the side named: a page read now, or the kept copy of a file', () => {
    expect(newerReadingWins({ audience: 'public', at: T }, { audience: 'friends', at: T }, 'incoming')).toBe(true);
    expect(newerReadingWins({ audience: 'public', at: T }, { audience: 'friends', at: T }, 'kept')).toBe(false);
  });
});
