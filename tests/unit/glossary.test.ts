import { describe, expect, it } from 'vitest';
import glossaryData from '@/data/glossary.json';
import uiStrings from '@/data/ui-strings.json';
import { checkRegistry, formatProblem, type RawRegistry } from '@/lib/shared/registry/build/check';
import { checkGlossary, GlossarySchema, textsOf, type Glossary } from '@/lib/shared/registry/build/glossary';
import { rawRegistry } from './support/registry';

const glossary: Glossary = GlossarySchema.parse(glossaryData);
const TEAMS = 'data/tools/microsoft-teams.json';
const found = (lang: 'de' | 'en', text: string) =>
  checkGlossary(glossary, [{ file: 'f', path: 'p', lang, text }]).map((finding) => finding.found);
const problemsOf = (raw: RawRegistry): string[] => checkRegistry(raw).problems.map(formatProblem);

describe('the glossary', () => {
  it('is valid, and the bundled registry and interface strings keep to it', () => {
    expect(problemsOf({ ...rawRegistry(), uiStrings, glossary: glossaryData })).toEqual([]);
  });

  it.each([
    ['de', 'Aus den Merkzetteln geöffnet', ['Merkzetteln']],
    ['de', 'Gemerkt', []],
    ['en', 'Data-processing terms', ['Data-processing terms']],
    ['en', 'the data processing agreement applies', ['data processing agreement']],
    ['en', 'Zoom’s Global Data Processing Addendum', []],
    ['de', 'Google handelt als eigene Verantwortliche', ['eigene Verantwortliche']],
    ['de', 'Verantwortliche auf Grundlage des Nachtrags', []],
    [
      'de',
      'alle Teilnehmer*innen und Nutzer:innen, Moderator_innen, TeilnehmerInnen',
      ['r*innen', 'r:innen', 'r_innen', 'rInnen'],
    ],
    ['de', 'Teilnehmende und die organisierende Person', []],
    ['en', 'accessed November 23, 2026', ['November 23, 2026']],
    ['en', 'accessed 23 November 2026', []],
    ['en', 'the data controller', ['data controller']],
    ['en', 'the controller', []],
  ] as const)('in %s, "%s" uses %j', (lang, text, expected) => {
    expect(found(lang, text)).toEqual(expected);
  });

  it('matches whole words only, so a longer word that contains a variant passes', () => {
    expect(found('de', 'Merklistenverwaltung')).toEqual([]);
    expect(found('de', 'die Merkliste')).toEqual(['Merkliste']);
  });

  it('reads every two-language text of an entry with its path, and leaves aliases, titles and addresses alone', () => {
    const texts = [
      ...textsOf('f', {
        name: { de: 'A', en: 'B' },
        aliases: { de: ['Merkliste'], en: ['x'] },
        sources: [{ title: 'data controller' }],
      }),
    ];
    expect(texts).toEqual([
      { file: 'f', path: 'name', lang: 'de', text: 'A' },
      { file: 'f', path: 'name', lang: 'en', text: 'B' },
    ]);
  });
});

describe('the registry check holds the registry to the glossary', () => {
  it('names file, field and the word to use, for a registry text and for an interface string', () => {
    const raw = rawRegistry();
    (raw.tools[TEAMS] as any).dpa.note.en = 'Microsoft offers data-processing terms to every customer.';
    (raw.tools[TEAMS] as any).dpa.note.de = 'Microsoft ist als eigene Verantwortliche tätig.';
    const strings = { ...uiStrings, pin: { de: 'Anheften', en: 'Pin' } };
    const problems = problemsOf({ ...raw, uiStrings: strings, glossary: glossaryData });
    expect(problems).toEqual([
      `${TEAMS}: dpa.note.de: "eigene Verantwortliche" is not the glossary's word: use "Verantwortlicher" (data/glossary.json)`,
      `${TEAMS}: dpa.note.en: "data-processing terms" is not the glossary's word: use "data-processing agreement" (data/glossary.json)`,
      `data/ui-strings.json: pin.de: "Anheften" is not the glossary's word: use "merken (die Liste: Gemerkt)" (data/glossary.json)`,
    ]);
  });

  it('reports a glossary that is not valid instead of skipping it', () => {
    const problems = problemsOf({
      ...rawRegistry(),
      glossary: { note: 'x', terms: [{ term: 't', en: 'e', de: 'd', usedIn: [], avoid: { de: [] } }] },
    });
    expect(problems.join('\n')).toContain('data/glossary.json: terms.0.usedIn');
    expect(problems.join('\n')).toContain('data/glossary.json: terms.0.avoid.en');
  });
});
