import { describe, expect, it } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import { ENGLISH_REPORT_STRINGS, REPORT_STRING_KEYS, reportStringsFrom } from '../../../src/report';
import { AUDIENCES, EvidenceSchema, PostKindSchema } from '../../../src/core';

describe('report strings', () => {
  it('has English for every key, and a key for every audience, kind and evidence', () => {
    for (const key of REPORT_STRING_KEYS) expect(ENGLISH_REPORT_STRINGS[key], key).toMatch(/\S/);
    for (const audience of AUDIENCES) expect(REPORT_STRING_KEYS).toContain(`audience_${audience}`);
    for (const kind of PostKindSchema.options) expect(REPORT_STRING_KEYS).toContain(`kind_${kind}`);
    for (const evidence of EvidenceSchema.options) expect(REPORT_STRING_KEYS).toContain(`evidence_${evidence.replace('-', '_')}`);
    expect(new Set(REPORT_STRING_KEYS).size).toBe(REPORT_STRING_KEYS.length);
  });

  it('takes its English from the English messages, key by key (no second copy to drift)', () => {
    for (const key of REPORT_STRING_KEYS) expect(ENGLISH_REPORT_STRINGS[key], key).toBe(english[key].message);
    expect(ENGLISH_REPORT_STRINGS.lang).toBe('en');
  });

  it('fills from a _locales lookup, falling back to the given strings (English) for missing keys', () => {
    const french: Record<string, string> = { reportTitle: 'Votre rapport', reportExposedHeading: 'Vos publications publiques ($1)' };
    const lookup = (key: string, substitutions: string[]) => {
      expect(substitutions).toEqual(['$1', '$2']);
      return french[key] ?? (key === 'audience_public' ? key : '');
    };
    const strings = reportStringsFrom('fr', lookup, ENGLISH_REPORT_STRINGS);
    expect(strings.lang).toBe('fr');
    expect(strings.reportTitle).toBe('Votre rapport');
    expect(strings.reportExposedHeading).toBe('Vos publications publiques ($1)');
    expect(strings.audience_public).toBe('Public');
    expect(strings.reportIntro).toBe(ENGLISH_REPORT_STRINGS.reportIntro);
    // Without a fallback (the extension's pages, whose browser answers from English itself) a gap shows as its key, as t shows it.
    const bare = reportStringsFrom('fr', lookup);
    expect([bare.reportTitle, bare.reportIntro, bare.audience_public]).toEqual(['Votre rapport', 'reportIntro', 'audience_public']);
  });
});
