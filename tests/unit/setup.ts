import { vi } from 'vitest';
// Dexie must find IndexedDB when it loads: fake-indexeddb stands in for the browser's.
import 'fake-indexeddb/auto';

// Outside an extension there is no browser.i18n: every unit test reads the words from
// public/_locales/en. A test wanting another language or other words replaces the implementation:
// `vi.mocked(t).mockImplementation(messagesT(pl))` (tests/unit/messages.ts), once per file.
vi.mock('../../src/lib/i18n', async () => {
  const { englishT } = await import('./messages');
  return { t: vi.fn(englishT), uiLanguage: vi.fn(() => 'en') };
});
