// The policy is bundled into the page at build time, so the extension shows it with no network.
// A translation sits beside it as PRIVACY.<locale>.md (the _locales folder name: fr, pt_BR).
const POLICIES = import.meta.glob<string>('../../../PRIVACY*.md', { query: '?raw', import: 'default', eager: true });

/** The policy in the UI's language when there is a translation, else the English one. */
export function policyFor(locale: string): string {
  const folder = locale.replace('-', '_');
  const language = folder.split('_')[0];
  const pick = (code: string | undefined) => (code ? POLICIES[`../../../PRIVACY.${code}.md`] : undefined);
  return pick(folder) ?? pick(language) ?? POLICIES['../../../PRIVACY.md']!;
}
