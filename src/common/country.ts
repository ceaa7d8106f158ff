import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';

// JSON through require: import attributes are not yet usable in Jest's ESM mode.
countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'));

/**
 * The ISO 3166 alpha-2 code of a country as sources write it ("United Kingdom", "UK", "GB"), or null where none is
 * recognisable ("European Union (EU)" is real and has none). The text itself is always kept as given.
 */
export function countryCodeOf(text: string | null | undefined): string | null {
  const t = text?.replace(/\s+/g, ' ').trim();
  if (!t) return null;
  if (/^[A-Za-z]{2}$/.test(t) && countries.isValid(t.toUpperCase())) return t.toUpperCase();
  if (/^(UK|Great Britain|England|Scotland|Wales|Northern Ireland)$/i.test(t)) return 'GB';
  return countries.getAlpha2Code(t, 'en') ?? null;
}
