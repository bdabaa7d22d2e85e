import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../src/core';
import {
  STATE_DIMENSIONS,
  STEP_KEYS,
  verdictFor,
  type AccountState,
  type Exposure,
  type PlatformState,
  type Presence,
  type Verdict,
} from '../../../src/ui/popup/verdict';

const LOCALES = resolve('public/_locales');
type Messages = Record<string, { message: string }>;
const locales = readdirSync(LOCALES);
const messagesOf = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
const FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** Counts for an exposure, as the store could hold them: `public` has public posts, `unknown` only unreadable ones besides. */
function countsFor(exposure: Exposure, eligible: number, unknown: number) {
  switch (exposure) {
    case 'no-posts':
      return { eligible: 0, unknown: 0 };
    case 'public':
      return { eligible, unknown };
    case 'unknown':
      return { eligible: 0, unknown: Math.max(unknown, 1) };
    case 'none-public':
      return { eligible: 0, unknown: 0 };
  }
}

/**
 * Every state the stored data can be in: each platform × presence × exposure × account × objected,
 * leaving out what cannot happen (posts without ever having been seen; an account's privacy on
 * Facebook, where each post has its own audience; an Instagram account that was never seen but has a privacy).
 */
function allStates(): PlatformState[] {
  const states: PlatformState[] = [];
  const platforms: Platform[] = ['facebook', 'instagram'];
  for (const platform of platforms)
    for (const presence of STATE_DIMENSIONS.presence as readonly Presence[])
      for (const exposure of STATE_DIMENSIONS.exposure as readonly Exposure[])
        for (const account of STATE_DIMENSIONS.account as readonly AccountState[])
          for (const objectedAt of [undefined, Date.UTC(2025, 4, 20)])
            for (const [eligible, unknown] of [
              [1, 0],
              [3, 2],
              [50_000, 7],
            ] as const) {
              if (presence === 'never' && exposure !== 'no-posts') continue;
              if ((platform === 'facebook') !== (account === 'per-post')) continue;
              if (presence === 'never' && account !== 'per-post' && account !== 'unknown') continue;
              states.push({ platform, presence, exposure, account, objectedAt, ...countsFor(exposure, eligible, unknown) });
            }
  return states;
}

/** A sentence's or step's message in one locale for one count: the key a plural form selects. */
function keysOf(key: string, count: number | undefined): string[] {
  return count === undefined ? [key] : FORMS.map((form) => `${key}_${form}`);
}

/** The substitutions the popup gives a sentence (src/ui/popup/platform-verdict.tsx), as placeholders. */
function sentenceSubstitutions(verdict: Verdict): number {
  const { sentence } = verdict;
  return (sentence.count !== undefined ? 1 : 0) + (sentence.platformName ? 1 : 0) + (sentence.objectedAt !== undefined ? 1 : 0);
}

const placeholders = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();
const filled = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`);

describe('the popup state table', () => {
  const states = allStates();

  it('covers every dimension of the state', () => {
    expect(states.length).toBeGreaterThan(60);
    for (const exposure of STATE_DIMENSIONS.exposure) expect(states.some((s) => s.exposure === exposure)).toBe(true);
    for (const account of STATE_DIMENSIONS.account) expect(states.some((s) => s.account === account)).toBe(true);
  });

  it('gives each state exactly one sentence and one step, and never an impossible step', () => {
    for (const state of states) {
      const verdict = verdictFor(state);
      expect(verdict.sentence.key, JSON.stringify(state)).toMatch(/^state[A-Z]/);
      expect(Object.keys(STEP_KEYS)).toContain(verdict.step.kind);
      // "Fix N" and "check N" only with N > 0; "make private" only for an account that can be.
      if (verdict.step.kind === 'fix') expect(verdict.step.count).toBe(state.eligible);
      if (verdict.step.kind === 'fix' || verdict.step.kind === 'review-unknown') expect(verdict.step.count).toBeGreaterThan(0);
      if (verdict.step.kind === 'make-private') expect(state.account).toBe('public');
      // Nothing to do is said only when nothing is public or unreadable, or the account is private.
      if (verdict.step.kind === 'nothing')
        expect(
          state.account === 'private' || state.exposure === 'none-public' || (state.account === 'professional' && state.eligible === 0),
        ).toBe(true);
      // The objection date appears exactly when the user objected, once there is something of theirs to speak of.
      const nothingSeen = verdict.sentence.key === 'stateNotSeen' || verdict.sentence.key === 'stateNoPosts';
      expect(verdict.sentence.objectedAt).toBe(nothingSeen ? undefined : state.objectedAt);
      if (nothingSeen) expect(verdict.step.kind).toBe('open-site');
    }
  });

  it('never says "not seen" or "no posts" beside counts, and never calls posts public with none counted', () => {
    for (const state of states) {
      const verdict = verdictFor(state);
      const key = verdict.sentence.key;
      if (key === 'stateNotSeen' || key === 'stateNoPosts') expect(verdict.showCounts).toBe(false);
      if (verdict.showCounts) expect(state.exposure).not.toBe('no-posts');
      if (key.startsWith('statePublic')) expect(verdict.sentence.count).toBe(state.eligible);
      if (key.startsWith('stateUnknown')) expect(state.eligible).toBe(0);
      if (key.startsWith('stateNonePublic'))
        expect({ eligible: state.eligible, unknown: state.unknown }).toEqual({ eligible: 0, unknown: 0 });
      // A private account's posts counted public when seen are labelled so, not "public" next to "not public now".
      if (key.startsWith('stateInstagramPrivate')) expect(verdict.publicCountKey).toBe('popupCountPublicWhenSeen');
      else expect(verdict.publicCountKey).toBe('popupCountPublic');
    }
  });

  it.each(locales)('%s has every sentence and step of the table, with its placeholders filled', (locale) => {
    const messages = messagesOf(locale);
    for (const state of states) {
      const verdict = verdictFor(state);
      for (const key of keysOf(verdict.sentence.key, verdict.sentence.count)) {
        const message = messages[key]?.message;
        expect(message, `${locale}: ${key}`).toBeTruthy();
        expect(placeholders(message!), `${locale}: ${key}`).toEqual(filled(sentenceSubstitutions(verdict)));
      }
      const step = verdict.step;
      const counted = step.kind === 'fix' || step.kind === 'review-unknown' ? step.count : undefined;
      for (const key of keysOf(STEP_KEYS[step.kind], counted)) {
        const message = messages[key]?.message;
        expect(message, `${locale}: ${key}`).toBeTruthy();
        expect(placeholders(message!), `${locale}: ${key}`).toEqual(filled(counted !== undefined || step.kind === 'open-site' ? 1 : 0));
      }
      expect(messages[verdict.publicCountKey]?.message).toBeTruthy();
    }
  });

  it.each(locales)('%s: the sentences about an objection name its date', (locale) => {
    const messages = messagesOf(locale);
    const keys = Object.keys(messagesOf('en')).filter((k) => /^state\w*Objected(_|$)/.test(k));
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const key of keys) {
      const datePlaceholder = /^state(Public|Unknown)Objected_/.test(key) ? '$2' : '$1';
      expect(messages[key]!.message, `${locale}: ${key}`).toContain(datePlaceholder);
    }
  });
});
