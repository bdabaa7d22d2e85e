// The policy is bundled into the page at build time, so the extension shows it with no network.
// Its translations are docs/privacy/<locale>.md (the _locales folder name: fr, pt_BR); each says at
// its top that the English PRIVACY.md is authoritative (tests/unit/docs/privacy-translations.test.ts).
const ENGLISH = '../../../PRIVACY.md';
const POLICIES = import.meta.glob<string>(['../../../PRIVACY.md', '../../../docs/privacy/*.md'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The policy in the UI's language when there is a translation, else the English one. */
export function policyFor(locale: string): string {
  const folder = locale.replace('-', '_');
  const language = folder.split('_')[0];
  const pick = (code: string | undefined) => (code ? POLICIES[`../../../docs/privacy/${code}.md`] : undefined);
  return pick(folder) ?? pick(language) ?? POLICIES[ENGLISH]!;
}
