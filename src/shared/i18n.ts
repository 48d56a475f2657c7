/** The languages users read Ungeflow in. Danish is the default everywhere. */
export type Lang = 'da' | 'en';

export type Text = Record<Lang, string>;

/**
 * The request's language: `?lang=en|da` wins, then the first supported language in
 * Accept-Language, then Danish.
 */
export function pickLang(queryLang: unknown, acceptLanguage: string | undefined): Lang {
  if (queryLang === 'en' || queryLang === 'da') return queryLang;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'da') return 'da';
    if (tag === 'en') return 'en';
  }
  return 'da';
}
