import type { Lang } from './i18n.ts';

/** The locale each language's dates, numbers and plurals follow. */
export const locales: Readonly<Record<Lang, string>> = { da: 'da-DK', en: 'en-GB' };

function cached<O, F>(make: (locale: string, options: O) => F): (lang: Lang, options: O) => F {
  const cache = new Map<string, F>();
  return (lang, options) => {
    const key = `${lang}:${JSON.stringify(options)}`;
    let format = cache.get(key);
    if (!format) cache.set(key, (format = make(locales[lang], options)));
    return format;
  };
}

/**
 * The language's date and time formatter with these options, made once: making one costs far more
 * than using it (a youth's page formats some hundred dates).
 */
export const dateTimeFormat = cached(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);

/** The language's number formatter with these options, made once (as dateTimeFormat). */
export const numberFormat = cached(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);

/** The language's list formatter ("a, b og c", "a, b eller c") with these options, made once. */
export const listFormat = cached((locale, options: Intl.ListFormatOptions) => new Intl.ListFormat(locale, options));
