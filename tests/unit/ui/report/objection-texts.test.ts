import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessRequestMessage, publicFacts, reasonMessage } from '../../../../src/ui/report/objection-texts';
import { toFindingRow } from '../../../../src/ui/report/finding-rows';
import { generatedPosts } from './rows-factory';

const LOCALES = resolve('public/_locales');
const locales = readdirSync(LOCALES);
type Messages = Record<string, { message: string }>;
const messagesOf = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
const placeholders = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('the objection helper texts', () => {
  const rows = generatedPosts(400).map(toFindingRow);

  it('counts the public own posts of one platform, and the year of the oldest one with a known date', () => {
    const facebook = rows.filter((r) => r.platform === 'facebook' && r.eligible === 'yes');
    const years = facebook.map((r) => r.year).filter((y) => y > 0);
    expect(publicFacts(rows, 'facebook')).toEqual({ count: facebook.length, since: Math.min(...years) });
    expect(facebook.length).toBeGreaterThan(0);
    // Instagram's public ones are counted apart; the private account's are not public.
    const instagram = rows.filter((r) => r.platform === 'instagram' && r.eligible === 'yes').length;
    expect(publicFacts(rows, 'instagram').count).toBe(instagram);
    expect(publicFacts([], 'facebook')).toEqual({ count: 0, since: undefined });
    // Public posts without a publication date: counted, no year.
    const undated = rows.filter((r) => r.platform === 'facebook' && r.eligible === 'yes' && r.year === 0);
    expect(undated.length).toBeGreaterThan(0);
    expect(publicFacts(undated, 'facebook')).toEqual({ count: undated.length, since: undefined });
  });

  it('says the year when it is known, the count when only that is, and only the objection without public posts', () => {
    expect(reasonMessage({ count: 48, since: 2013 }, 'Facebook')).toEqual({
      key: 'objectReasonSince',
      count: 48,
      more: ['Facebook', '2013'],
    });
    expect(reasonMessage({ count: 3, since: undefined }, 'Facebook')).toEqual({ key: 'objectReasonCount', count: 3, more: ['Facebook'] });
    expect(reasonMessage({ count: 0, since: undefined }, 'Instagram')).toEqual({ key: 'objectReasonNone', more: ['Instagram'] });
    expect(accessRequestMessage('Instagram', { accountId: '42', username: 'alice', privacy: 'public', lastSeen: 1 }, '[?]').more).toEqual([
      'Instagram',
      'alice',
    ]);
    expect(accessRequestMessage('Facebook', undefined, '[your username]').more).toEqual(['Facebook', '[your username]']);
  });

  it.each(locales)('%s has every helper text with the placeholders the page fills', (locale) => {
    const messages = messagesOf(locale);
    const expected: Record<string, string[]> = {
      objectReasonNone: ['$1'],
      accessTemplate: ['$1', '$2'],
      accessSummary: ['$1'],
      ...Object.fromEntries(
        ['zero', 'one', 'two', 'few', 'many', 'other'].flatMap((f) => [
          [`objectReasonSince_${f}`, ['$1', '$2', '$3']],
          [`objectReasonCount_${f}`, ['$1', '$2']],
        ]),
      ),
    };
    for (const [key, wanted] of Object.entries(expected)) {
      expect(messages[key]?.message, `${locale}: ${key}`).toBeTruthy();
      expect(placeholders(messages[key]!.message), `${locale}: ${key}`).toEqual(wanted);
    }
    // The access request asks what was used, since when, and from which posts (items 1 to 3), and cites article 15.
    const template = messages.accessTemplate!.message;
    expect(template).toMatch(/15/);
    for (const item of ['1.', '2.', '3.', '4.']) expect(template).toContain(`\n${item}`);
    expect(template).toContain('Meta Platforms Ireland Limited');
  });
});
