// Reached from wxt.config.ts (through the registry's build code): relative imports only, no `@/`.

/** The summary's detail sections, in the order shown; a source says which of them it backs. */
export const SECTIONS = [
  'provider',
  'features',
  'collected',
  'legalBases',
  'retention',
  'dpa',
  'transfer',
  'assessments',
  'notes',
  'detection',
] as const;

export type Section = (typeof SECTIONS)[number];

/** The sections a summary shows, in order: what you can do first, then the registry's, without detection rules. */
export const SUMMARY_SECTIONS: ReadonlyArray<Exclude<Section, 'detection'> | 'actions'> = [
  'actions',
  ...SECTIONS.filter((section): section is Exclude<Section, 'detection'> => section !== 'detection'),
];
