import { describe, expect, it } from 'vitest';
import strings from '@/data/ui-strings.json';
import { citeArticle, describeThirdCountry } from '@/lib/format';
import { countryName, formatDate, formatList, languageFor, translator } from '@/lib/i18n';
import { UiStringsSchema } from '@/lib/registry/schema';

describe('interface strings', () => {
  it('exist in German and English for every key, with the same placeholders', () => {
    expect(UiStringsSchema.safeParse(strings).success).toBe(true);
  });

  it('fail validation when a key lacks a language', () => {
    const broken = { ...strings, pin: { de: 'Merken' } };
    const result = UiStringsSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['pin', 'en']);
  });

  it('fail validation when the placeholders of the two languages differ', () => {
    const broken = { ...strings, pinLabel: { de: '{tool} merken', en: 'Pin {name}' } };
    const result = UiStringsSchema.safeParse(broken);
    expect(result.error?.issues[0]).toMatchObject({ path: ['pinLabel'], message: 'placeholders differ between languages' });
  });
});

describe('language', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['DE-ch', 'de'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('the browser language %s gives %s', (locale, lang) => {
    expect(languageFor(locale)).toBe(lang);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('de')('pinLabel', { tool: 'Zoom' })).toBe('Zoom merken');
    expect(translator('en')('pinLabel')).toBe('Pin {tool}');
  });

  it('formats dates, lists and countries as each language does', () => {
    expect(formatDate('2026-11-22', 'de')).toBe('22. November 2026');
    expect(formatDate('2026-11-22', 'en')).toBe('November 22, 2026');
    expect(formatList(['A', 'B', 'C'], 'de')).toBe('A, B und C');
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(countryName('US', 'de')).toBe('Vereinigte Staaten');
    expect(countryName('IE', 'en')).toBe('Ireland');
  });

  it('cites GDPR articles the German and the English way', () => {
    expect(citeArticle('6(1)(b)', 'de')).toBe('Art. 6 Abs. 1 lit. b DSGVO');
    expect(citeArticle('6(1)(b)', 'en')).toBe('Art. 6(1)(b) GDPR');
    expect(citeArticle('28', 'de')).toBe('Art. 28 DSGVO');
    expect(citeArticle('49(1)(a)', 'de')).toBe('Art. 49 Abs. 1 lit. a DSGVO');
  });

  it('says where data goes in plain words', () => {
    const transfer = { thirdCountry: true, countries: ['US', 'IN'], mechanisms: ['scc'], note: { de: '', en: '' } } as const;
    expect(describeThirdCountry({ ...transfer, mechanisms: [...transfer.mechanisms], countries: [...transfer.countries] }, 'en')).toBe('Yes: United States and India');
    expect(describeThirdCountry({ ...transfer, thirdCountry: null, mechanisms: ['unknown'], countries: [] }, 'de')).toBe('Hängt vom Betrieb ab');
  });
});
