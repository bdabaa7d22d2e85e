import { describe, expect, it } from 'vitest';
import { audienceSourceNote, clipSource, LIMITS, sameSource } from '../../../src/core';
import { englishT } from '../messages';

describe('where an audience was read', () => {
  it('words a rule in the user language and quotes page text as it is', () => {
    expect(audienceSourceNote('Partagé avec Public', englishT)).toContain('Partagé avec Public');
    const rule = audienceSourceNote({ rule: 'cover_photo' }, englishT);
    expect(rule).not.toMatch(/audienceRule_|\$/);
    expect(rule.length).toBeGreaterThan(0);
    expect(audienceSourceNote({ rule: 'instagram_setting', label: 'Private account' }, englishT)).toContain('Private account');
  });

  it('keeps an old stored English sentence as it is', () => {
    expect(audienceSourceNote('cover photo: always public', englishT)).toContain('cover photo: always public');
  });

  it('clips page text and a rule label to the stored bound', () => {
    const long = 'x'.repeat(LIMITS.labelLength + 50);
    expect(clipSource(long)).toHaveLength(LIMITS.labelLength);
    expect(clipSource({ rule: 'instagram_setting', label: long })).toEqual({
      rule: 'instagram_setting',
      label: long.slice(0, LIMITS.labelLength),
    });
  });

  // A rule is a new object at every reading: comparing by identity repainted those badges on every scan.
  it('compares rules by what they say, not by identity', () => {
    expect(sameSource({ rule: 'cover_photo' }, { rule: 'cover_photo' })).toBe(true);
    expect(sameSource({ rule: 'instagram_setting', label: 'a' }, { rule: 'instagram_setting', label: 'b' })).toBe(false);
    expect(sameSource('Public', 'Public')).toBe(true);
    expect(sameSource('Public', { rule: 'cover_photo' })).toBe(false);
    expect(sameSource(undefined, undefined)).toBe(true);
  });
});
