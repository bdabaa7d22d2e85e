import type { FacebookAudience } from '../../core';
import type { AudienceVocabularyIndex } from './audience-vocabulary';
import { FB_DATA } from './data-shapes';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

export interface ScopeReading {
  audience: FacebookAudience | 'unknown';
  /** The data name or text it was read from, e.g. `base_state=FRIENDS` or `description=Publiczne`. */
  source?: string;
}

/** An editable (own) post's renderer: `privacy_row_input {allow, base_state, deny}` is the setting itself. */
function rendererAudience(scope: Json, unread: (label: string) => void): ScopeReading | undefined {
  const renderer = scope.privacy_scope_renderer;
  const row = isObject(renderer) && isObject(renderer.privacy_row_input) ? renderer.privacy_row_input : undefined;
  const state = row ? str(row.base_state) : undefined;
  if (!row || !state) return undefined;
  const base = FB_DATA.baseStates[state];
  if (!base) {
    unread(`base_state=${state}`);
    return { audience: 'unknown' };
  }
  if (state === 'FRIENDS' && nonEmpty(row.deny)) return { audience: FB_DATA.friendsWithDeny, source: 'base_state=FRIENDS+deny' };
  if (state === 'SELF' && nonEmpty(row.allow)) return { audience: FB_DATA.selfWithAllow, source: 'base_state=SELF+allow' };
  return { audience: base, source: `base_state=${state}` };
}

/**
 * The audience a `privacy_scope` says: the editable renderer's setting first, then the localized
 * description (in the page's language), then the icon's name. A name other than `everyone` never
 * decides alone (`custom` is seen on Public posts); `type` is an older shape's field.
 */
export function audienceOfPrivacyScope(
  scope: Json,
  vocabulary: AudienceVocabularyIndex,
  lang: string | undefined,
  unread: (label: string) => void,
): ScopeReading {
  const fromRenderer = rendererAudience(scope, unread);
  if (fromRenderer) return fromRenderer;
  const icon = isObject(scope.icon_image) ? str(scope.icon_image.name) : undefined;
  // An unknown name is counted whatever decides: a renamed icon on Facebook's side shows in diagnostics.
  if (icon && !FB_DATA.iconNames[icon] && !FB_DATA.describedIconNames.includes(icon)) unread(`icon_image.name=${icon}`);
  const description = str(scope.description) ?? str(scope.label);
  if (description) {
    const read = vocabulary.resolve(description, lang);
    if (read.kind === 'resolved') return { audience: read.audience, source: `description=${description}` };
    unread(`description=${description}`);
  }
  // A known name without a readable description says nothing alone, unless it says "public".
  if (icon && FB_DATA.publicIconNames.includes(icon)) return { audience: 'public', source: `icon_image.name=${icon}` };
  const type = str(scope.type);
  if (type) {
    const known = FB_DATA.legacyValues[type.toUpperCase()];
    if (known) return { audience: known, source: `privacy_scope.type=${type}` };
    unread(`privacy_scope.type=${type}`);
  }
  return { audience: 'unknown' };
}

/** `legacy_graph_api_privacy_json`: `{"value":"EVERYONE"}`, as an object or a JSON string. */
export function legacyAudience(value: unknown): ScopeReading | undefined {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const name = isObject(parsed) ? str(parsed.value) : undefined;
  const known = name ? FB_DATA.legacyValues[name] : undefined;
  return known && name ? { audience: known, source: `legacy_graph_api_privacy_json=${name}` } : undefined;
}
