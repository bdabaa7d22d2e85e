import { LIMITS } from '../../../src/core';
import { finding } from '../db/findings-factory';

/**
 * Generated bad messages: every field of a valid batch removed, retyped or oversized, plus unknown
 * types, non-objects and hostile shapes. Each must be refused with a clear error.
 */
export function malformedMessages(): { name: string; message: unknown }[] {
  const valid = () => ({ type: 'findings/record', batchId: 'b1', findings: [finding()] });
  const corpus: { name: string; message: unknown }[] = [];
  const add = (name: string, message: unknown) => corpus.push({ name, message });

  for (const message of [
    null,
    undefined,
    0,
    1,
    -1,
    NaN,
    '',
    'findings/record',
    true,
    [],
    [valid()],
    () => 1,
    Symbol.iterator,
    new Date(0),
  ]) {
    add(`non-object ${String(message)}`, message);
  }
  for (const type of [
    '',
    'findings',
    'findings/Record',
    'FINDINGS/RECORD',
    'data/delete',
    'eval',
    '__proto__',
    'constructor',
    'x'.repeat(10_000),
    42,
    null,
  ]) {
    add(`unknown type ${String(type).slice(0, 20)}`, { ...valid(), type });
  }
  const wrongValues: unknown[] = [null, 42, -1, 1.5, '', 'x'.repeat(LIMITS.urlLength + 1), true, [], {}, NaN, Infinity, -Infinity];
  const findingFields = Object.keys(finding()) as (keyof ReturnType<typeof finding>)[];
  for (const field of findingFields) {
    add(`finding without ${field}`, { ...valid(), findings: [Object.fromEntries(Object.entries(finding()).filter(([k]) => k !== field))] });
    for (const value of wrongValues) {
      // An unknown owner is sent as an empty id: that one is valid.
      if ((field === 'ownerId' && value === '') || (field === 'isOwn' && value === true)) continue;
      const candidate = { ...finding(), [field]: value };
      add(`finding.${field} = ${typeof value === 'string' ? `string(${value.length})` : String(value)}`, {
        ...valid(),
        findings: [candidate],
      });
    }
  }
  for (const [field, value] of [
    ['platform', 'twitter'],
    ['audience', 'friends_only'],
    ['audience', 'PUBLIC'],
    ['evidence', 'guess'],
    ['kind', 'story'],
    ['postId', ''],
    ['postId', 'x'.repeat(LIMITS.idLength + 1)],
    ['excerpt', 'x'.repeat(LIMITS.excerptLength + 1)],
    ['ownerName', 'x'.repeat(LIMITS.nameLength + 1)],
    ['audienceSource', 'x'.repeat(LIMITS.labelLength + 1)],
    ['seenAt', -5],
    ['publishedAt', -1],
    ['disagreement', { evidence: 'label', audience: 'nope' }],
  ] as const) {
    add(`finding.${field} out of range`, { ...valid(), findings: [{ ...finding(), [field]: value }] });
  }
  const account = {
    platform: 'instagram',
    accountId: '42',
    isViewer: true,
    privacy: 'private',
    evidence: 'embedded-json',
    seenAt: 1_750_000_000_000,
  };
  for (const field of Object.keys(account)) {
    add(`account without ${field}`, { ...valid(), accounts: [Object.fromEntries(Object.entries(account).filter(([k]) => k !== field))] });
    for (const value of [null, -1, 'nope', {}])
      add(`account.${field} = ${String(value)}`, { ...valid(), accounts: [{ ...account, [field]: value }] });
  }
  add("someone else's post", { ...valid(), findings: [{ ...finding(), isOwn: false }] });
  add("someone else's account", { ...valid(), accounts: [{ ...account, isViewer: false }] });
  add('too many findings', { ...valid(), findings: Array.from({ length: LIMITS.findingsPerBatch + 1 }, () => finding()) });
  add('findings not an array', { ...valid(), findings: { 0: finding() } });
  add('one bad finding among good ones', { ...valid(), findings: [finding(), finding(), { ...finding(), audience: 'nope' }] });
  add('batchId missing', { type: 'findings/record', findings: [finding()] });
  add('batchId too long', { ...valid(), batchId: 'b'.repeat(65) });
  add('accounts wrong', { ...valid(), accounts: [{ platform: 'instagram' }] });
  add('diagnostics wrong', { ...valid(), diagnostics: { platform: 'facebook', unknownAudiences: -1, errors: 0, unreadLabels: {} } });
  add('settings/set wrong type', { type: 'settings/set', settings: { autoDeleteDays: 'never' } });
  add('settings/set out of range', { type: 'settings/set', settings: { autoDeleteDays: 100_000 } });
  add('delete without confirm', { type: 'data/delete-all' });
  add('delete confirm false', { type: 'data/delete-all', confirm: false });
  add('delete confirm string', { type: 'data/delete-all', confirm: 'true' });
  add('objection without platform', { type: 'objection/record', objectedAt: 1 });
  add('objection negative date', { type: 'objection/record', platform: 'facebook', objectedAt: -1 });
  add('objection unknown platform', { type: 'objection/record', platform: 'tiktok', objectedAt: 1 });
  add('viewer-state empty id', { type: 'accounts/viewer-state', platform: 'instagram', accountId: '' });
  add('fix/queue without a filter', { type: 'fix/queue' });
  add('fix/queue year as text', { type: 'fix/queue', filter: { year: '2024' } });
  add('fix/queue unknown filter field', { type: 'fix/queue', filter: { kind: 'post' } });
  add('fix/open with an address instead of a step', {
    type: 'fix/open',
    step: { platform: 'facebook', id: 'p1' },
    url: 'https://evil.example/',
  });
  add('fix/open empty id', { type: 'fix/open', step: { platform: 'facebook', id: '' } });
  add('fix/skip unknown platform', { type: 'fix/skip', step: { platform: 'tiktok', id: 'p1' } });
  add('fix/next without a filter', { type: 'fix/next' });
  add('fix/for-this-tab naming its own target', { type: 'fix/for-this-tab', postId: 'p1' });
  for (const type of [
    'summary/get',
    'overview/get',
    'settings/get',
    'settings/set',
    'data/delete-all',
    'objection/record',
    'objection/clear',
    'objection/form-opened',
    'objection/dismiss-prompt',
    'accounts/viewer-state',
  ]) {
    add(`${type} with a wrong platform`, { type, platform: 'myspace', settings: [], confirm: 1, objectedAt: 'yesterday', accountId: 7 });
  }
  for (const url of [
    'javascript:alert(1)',
    'http://www.facebook.com/x',
    'https://evil.example/x',
    'data:text/html,hi',
    'https://www.facebook.com.evil.example/x',
    '//www.facebook.com/x',
  ]) {
    add(`finding.url ${url}`, { ...valid(), findings: [{ ...finding(), url }] });
  }
  add(
    'prototype pollution',
    JSON.parse(
      '{"type":"findings/record","batchId":"b","findings":[],"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    ),
  );
  add('nested garbage', { ...valid(), findings: [{ ...finding(), url: { toString: () => 'https://evil' } }] });
  return corpus;
}
