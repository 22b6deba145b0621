import type { Tool } from './schema';

/**
 * What the first screen needs of a tool: its key facts without their explanations, and whether each is
 * unconfirmed. Projected from every entry at build time into the start-up bundle (`virtual:glance`, about
 * 30 KB raw for 50 tools), so the first screen renders without waiting for the tool's full entry.
 */
export interface Glance extends KeyFactInput {
  /** Whether the summary has other notes, so the first screen lists only sections with content. */
  hasNotes: boolean;
}

/** What the key facts are derived from; a full entry has all of it too. */
export interface KeyFactInput {
  hosting: Tool['hosting'];
  provider: Pick<Tool['provider'], 'name' | 'country'> & Open;
  transfer: Pick<Tool['transfer'], 'thirdCountry' | 'countries' | 'mechanisms'> & Open;
  dpa: Pick<Tool['dpa'], 'status' | 'how'> & Open;
  keyFacts: {
    recording: Pick<Tool['keyFacts']['recording'], 'available' | 'defaultOn' | 'storedAt' | 'startedBy'> & Open;
    transcription: Pick<Tool['keyFacts']['transcription'], 'available' | 'defaultOn'> & Open;
    ai: Pick<Tool['keyFacts']['ai'], 'available' | 'defaultOn'> & Open;
    e2ee: Pick<Tool['keyFacts']['e2ee'], 'available' | 'defaultOn' | 'limits'> & Open;
  };
}

/** Whether the evidence leaves the fact open; a full entry has the text instead, which counts the same. */
interface Open {
  unconfirmed?: unknown;
}

export const open = (value: { unconfirmed?: unknown }): Open => (value.unconfirmed ? { unconfirmed: true } : {});

export function glanceOf(tool: Tool): Glance {
  const { provider, transfer, dpa, keyFacts } = tool;
  const { recording, transcription, ai, e2ee } = keyFacts;
  return {
    hosting: tool.hosting,
    hasNotes: tool.notes.length > 0 || (tool.statements ?? []).some((statement) => statement.section === 'notes'),
    provider: { name: provider.name, country: provider.country, ...open(provider) },
    transfer: { thirdCountry: transfer.thirdCountry, countries: transfer.countries, mechanisms: transfer.mechanisms, ...open(transfer) },
    dpa: { status: dpa.status, ...(dpa.how && { how: dpa.how }), ...open(dpa) },
    keyFacts: {
      recording: { available: recording.available, defaultOn: recording.defaultOn, storedAt: recording.storedAt, startedBy: recording.startedBy, ...open(recording) },
      transcription: { available: transcription.available, defaultOn: transcription.defaultOn, ...open(transcription) },
      ai: { available: ai.available, defaultOn: ai.defaultOn, ...open(ai) },
      e2ee: { available: e2ee.available, defaultOn: e2ee.defaultOn, limits: e2ee.limits, ...open(e2ee) },
    },
  };
}
