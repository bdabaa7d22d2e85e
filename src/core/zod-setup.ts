// zod/mini, not classic zod: classic schemas carry methods (`.toJSONSchema()` and its processors among
// them) that bundlers cannot drop, a third of the content script for code we never call. Mini's
// schemas take their checks as functions (`z.string().check(z.maxLength(80))`), so only what is used ships.
// Every context imports this module (through ./index) before any schema is defined.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// An extension's CSP forbids `new Function`: zod must never try to compile a parser.
z.config({ jitless: true });
// Mini has no default locale: without it every issue says only "Invalid input", and refusals
// (a malformed message's detail, an import's "field …: …") would not say what was wrong.
z.config(en());

export { z };
