// Stands in for webextension-polyfill in the in-page benchmark bundle (vite.bench.config.ts aliases
// it): a plain page has no extension APIs. i18n answers from the English catalogue, as the badge needs.
import messages from '../../public/_locales/en/messages.json';

const catalogue = messages as Record<string, { message: string }>;

function getMessage(key: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const message = catalogue[key]?.message ?? '';
  return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

const browser = {
  i18n: { getMessage, getUILanguage: () => 'en' },
  runtime: {
    id: 'bench',
    getURL: (path: string) => `chrome-extension://bench/${path}`,
    sendMessage: async () => ({ ok: true }),
  },
};

export default browser;
