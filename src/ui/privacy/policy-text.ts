// The policy is bundled into the page at build time, so the extension shows it with no network.
// Its translations live in docs/privacy/<locale>.md (the _locales folder name: fr, pt_BR); the English
// PRIVACY.md is the one that counts, and each translation says so at its top.
const ENGLISH = import.meta.glob<string>('../../../PRIVACY.md', { query: '?raw', import: 'default', eager: true });
const TRANSLATIONS = import.meta.glob<string>('../../../docs/privacy/*.md', { query: '?raw', import: 'default', eager: true });

/** The policy in the UI's language when there is a translation, else the English one. */
export function policyFor(locale: string): string {
  const folder = locale.replace('-', '_');
  const language = folder.split('_')[0];
  const pick = (code: string | undefined) => (code ? TRANSLATIONS[`../../../docs/privacy/${code}.md`] : undefined);
  return pick(folder) ?? pick(language) ?? ENGLISH['../../../PRIVACY.md']!;
}
