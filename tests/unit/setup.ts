// Dexie must find IndexedDB when it loads: fake-indexeddb stands in for the browser's.
import 'fake-indexeddb/auto';
