import { describe, expect, it } from 'vitest';
import strings from '@/data/ui-strings.json';
import { citeArticle } from '@/lib/shared/lang';
import { countryName, formatDate, formatList, translator } from '@/lib/shared/i18n';
import { languageFor } from '@/lib/shared/lang';

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

  it('says "1 tool" for one search hit and "2 tools" for two, in both languages', () => {
    expect(translator('en')('resultCount', { count: 1 })).toBe('1 tool');
    expect(translator('en')('resultCount', { count: 2 })).toBe('2 tools');
    expect(translator('de')('resultCount', { count: 1 })).toBe('1 Tool');
    expect(translator('de')('linksCount', { count: 3 })).toBe('3 Links');
    expect(translator('en')('linksCount', { count: 0 })).toBe('0 links');
  });

  it('formats dates, lists and countries as each language does', () => {
    expect(formatDate('2026-11-22', 'de')).toBe('22. November 2026');
    expect(formatDate('2026-11-22', 'en')).toBe('22 November 2026');
    expect(formatList(['A', 'B', 'C'], 'de')).toBe('A, B und C');
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(countryName('US', 'de')).toBe('Vereinigte Staaten');
    expect(countryName('IE', 'en')).toBe('Ireland');
  });

  it('cites GDPR articles the German and the English way', () => {
    expect(citeArticle('6(1)(b)', 'de')).toBe('Art. 6 Abs. 1 lit. b DSGVO');
    expect(citeArticle('6(1)(b)', 'en')).toBe('Art. 6(1)(b) GDPR');
    expect(citeArticle('9(2)(a)', 'de')).toBe('Art. 9 Abs. 2 lit. a DSGVO');
  });
});

describe('interface strings', () => {
  /** Every key the code can ask for, found by reading the sources for string keys and template prefixes. */
  const sources = import.meta.glob<string>(['../../lib/**/*.ts', '../../components/**/*.tsx'], {
    eager: true,
    query: '?raw',
    import: 'default',
  });
  const code = Object.values(sources).join('\n');

  it('are all used somewhere, directly or through a key prefix', () => {
    const unused = Object.keys(strings).filter((key) => {
      const base = key.replace(/\.(one|other)$/, '');
      const prefix = base.replace(/\.[^.]*$/, '.');
      return (
        !code.includes(`'${base}'`) &&
        !code.includes(`uiStrings.${base}`) &&
        !code.includes(`\`${prefix}\${`) &&
        !code.includes(`'${prefix}`)
      );
    });
    expect(unused).toEqual([]);
  });
});
