import { describe, expect, it } from 'vitest';
import type { Lang } from '@/lib/shared/lang';
import type { DataCategory } from '@/lib/shared/registry/build/schema';
import { teams } from './support/registry';

/** Every fact of the seed texts (../shared/seeds), as it must read in each language. */
const seedItems: Record<DataCategory, Array<[de: string, en: string]>> = {
  account: [
    ['E-Mail-Adresse', 'E-mail address'],
    ['Telefonnummer', 'Phone number'],
  ],
  metadata: [
    ['Dauer der Konferenz', 'Duration of the conference'],
    ['Beginn und Ende (Zeit) Ihrer Teilnahme', 'Start and end (time) of your participation'],
    ['Anzahl der Teilnehmenden', 'Number of participants'],
    ['sonstige Kontextinformationen zum Kommunikationsvorgang', 'Other context information about the communication'],
  ],
  technical: [
    ['IP-Adressen', 'IP addresses'],
    ['MAC-Adressen', 'MAC addresses'],
    ['Geräte-IDs', 'Device IDs'],
    ['Gerätetyp', 'Device type'],
    ['Betriebssystemtyp und -version', 'Operating system type and version'],
    ['Client-Version', 'Client version'],
    ['Kameratyp', 'Camera type'],
    ['Mikrofon oder Lautsprecher', 'Microphone or loudspeaker'],
    ['Art der Verbindung', 'Type of connection'],
  ],
  chat: [
    ['Chat- und Sofortnachrichten', 'Chat and instant messages'],
    ['Voicemails', 'Voicemails'],
  ],
  files: [
    ['hochgeladene Fotos und Videos', 'Uploaded photos and videos'],
    ['Dateien', 'Files'],
    ['Whiteboards', 'Whiteboards'],
    ['andere während der Nutzung geteilte Informationen', 'Other information shared while using the service'],
  ],
  recordings: [['Cloud-Aufzeichnungen', 'Cloud recordings']],
  media: [],
  diagnostic: [],
  ai: [],
  'dial-in': [],
};

const itemsOf = (category: DataCategory, lang: Lang): string[] =>
  teams.collected.find((group) => group.category === category)?.items.map((item) => item[lang]) ?? [];

const allText = (lang: Lang): string =>
  JSON.stringify(teams, (_key, value) =>
    value && typeof value === 'object' && 'de' in value && 'en' in value ? value[lang] : value,
  );

describe('the Teams entry carries every fact of the seed texts', () => {
  for (const [category, items] of Object.entries(seedItems) as Array<[DataCategory, Array<[string, string]>]>) {
    for (const [de, en] of items) {
      it(`lists "${en}" / "${de}" under ${category}`, () => {
        expect(itemsOf(category, 'de')).toContain(de);
        expect(itemsOf(category, 'en')).toContain(en);
      });
    }
  }

  it('stores shared content on the provider’s servers', () => {
    expect(allText('de')).toContain('auf den Servern des Anbieters gespeichert');
    expect(allText('en')).toContain("stored on the provider's servers");
  });

  it('names the provider with its full address and the German privacy-policy link', () => {
    expect(teams.provider).toMatchObject({
      name: 'Microsoft Corporation',
      address: 'One Microsoft Way, Redmond, WA 98052-6399, USA',
      country: 'US',
    });
    expect(teams.links.privacyPolicy.de?.url).toBe('https://privacy.microsoft.com/de-de/privacystatement');
  });

  it('gives Art. 6(1)(b), 6(1)(f) and revocable consent as legal bases, with their purposes', () => {
    const bases = Object.fromEntries(teams.legalBases.map((basis) => [basis.article, basis]));
    expect(bases['6(1)(b)']?.appliesWhen.de).toContain('Vertragspartnern');
    expect(bases['6(1)(b)']?.appliesWhen.en).toContain('contractual partners');
    expect(bases['6(1)(f)']?.appliesWhen.de).toContain('Berechtigtes Interesse');
    expect(bases['6(1)(f)']?.appliesWhen.en).toContain('simpler and faster');
    expect(bases['6(1)(a)']?.revocable).toBe(true);
    expect(bases['6(1)(a)']?.note?.de).toContain('mit Wirkung für die Zukunft');
    expect(bases['6(1)(a)']?.note?.en).toContain('with effect for the future');
  });

  it('has every retention rule: on request, on revocation, when the purpose lapses, cookies, statutory periods, the provider’s own', () => {
    const triggers = (lang: Lang) =>
      teams.retention.map((rule) => `${rule.trigger[lang]} ${rule.outcome[lang]}`).join('\n');
    for (const fact of [
      'Löschung',
      'widerrufen Ihre Einwilligung',
      'Zweck der Speicherung entfällt',
      'bis Sie sie löschen',
      'Aufbewahrungsfristen bleiben unberührt',
      'keinen Einfluss',
    ]) {
      expect(triggers('de')).toContain(fact);
    }
    for (const fact of [
      'ask for deletion',
      'revoke your consent',
      'purpose of storage no longer applies',
      'until you delete them',
      'retention periods remain unaffected',
      'no influence',
    ]) {
      expect(triggers('en')).toContain(fact);
    }
    expect(teams.retention.map((rule) => rule.scope)).toEqual(
      expect.arrayContaining(['operator', 'device', 'statutory', 'provider']),
    );
  });

  it('keeps the organisation’s own claims about its agreement, attributed to its notice, apart from what Microsoft offers everyone', () => {
    const claims = (lang: Lang) =>
      (teams.statements ?? [])
        .filter((statement) => statement.section === 'dpa')
        .map((statement) => statement.text[lang])
        .join(' ');
    expect(claims('de')).toContain('Auftragsverarbeitungsvertrag (AVV)');
    expect(claims('de')).toContain('deutschen Datenschutzbehörden');
    expect(claims('en')).toContain('data-processing agreement');
    expect(claims('en')).toContain('German data-protection authorities');
    for (const statement of teams.statements ?? [])
      expect(teams.sources[statement.source]?.kind).toBe('operator-notice');
    // What every Teams customer gets is Microsoft's own offer, not one organisation's contract.
    expect(teams.dpa.status).toBe('offered');
    expect(`${teams.dpa.note.de} ${teams.dpa.note.en}`).not.toMatch(
      /deutschen Datenschutzbehörden für Microsoft Teams vollständig|fully implements/,
    );
  });

  it('says the operator has only limited influence on the provider’s processing', () => {
    expect(allText('de')).toContain('nicht vollständig Einfluss');
    expect(allText('de')).toContain('Unternehmenspolitik');
    expect(allText('en')).toContain('does not have full influence');
    expect(allText('en')).toContain('company policy');
  });
});
