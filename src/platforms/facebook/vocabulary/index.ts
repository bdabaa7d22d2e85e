import { AudienceVocabularySchema, type AudienceVocabulary } from '../audience-vocabulary';
import bg from './bg.json';
import cs from './cs.json';
import da from './da.json';
import de from './de.json';
import el from './el.json';
import enGB from './en-GB.json';
import enUS from './en-US.json';
import es from './es.json';
import et from './et.json';
import fi from './fi.json';
import fr from './fr.json';
import ga from './ga.json';
import hr from './hr.json';
import hu from './hu.json';
import it from './it.json';
import lt from './lt.json';
import lv from './lv.json';
import mt from './mt.json';
import nl from './nl.json';
import pl from './pl.json';
import ptBR from './pt-BR.json';
import ptPT from './pt-PT.json';
import ro from './ro.json';
import sk from './sk.json';
import sl from './sl.json';
import sv from './sv.json';

/**
 * Facebook's audience words in every official EU language (both Portuguese variants, English US
 * and GB), one JSON file per language. Only the strings listed in each file's `attested` were seen
 * on real pages (docs/FACTS.md#facebook-audience-labels); the rest are translations, unverified against Facebook's own UI.
 * Files are validated once, at load: a malformed file fails loudly rather than reading nothing.
 */
const RAW: readonly unknown[] = [
  bg,
  cs,
  da,
  de,
  el,
  enUS,
  enGB,
  es,
  et,
  fi,
  fr,
  ga,
  hr,
  hu,
  it,
  lt,
  lv,
  mt,
  nl,
  pl,
  ptPT,
  ptBR,
  ro,
  sk,
  sl,
  sv,
];

export const AUDIENCE_VOCABULARIES: readonly AudienceVocabulary[] = Object.freeze(RAW.map((raw) => AudienceVocabularySchema.parse(raw)));

/** The 26 language codes, as in each file's `lang` (and its file name). */
export const EU_LANGUAGES: readonly string[] = Object.freeze(AUDIENCE_VOCABULARIES.map((vocabulary) => vocabulary.lang));
