import fc from 'fast-check';
import type { Detector } from '@/lib/shared/detection/engine';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { summaryToMarkdown } from '@/lib/ui/markdown';
import { localise, NO_POLICY, parsePolicy, POLICY_LIMITS, readPolicy, verdictFor } from '@/lib/shared/policy';
import { detectorWith, detectTool } from '@/lib/shared/registry/rules';
import { getTabState } from '@/lib/shared/tab-state';
import { buildSummary } from '@/lib/ui/summary';
import { organisationModel } from '@/lib/ui/organisation';
import { ACME_POLICY } from '../../scripts/policy-files';
import { scanOf, setupBackground, tab } from './support/background';
import { teams } from './support/registry';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reading the organisation’s policy', () => {
  it('keeps a complete, valid policy as given and ignores nothing', () => {
    const { policy, ignored } = parsePolicy(ACME_POLICY);
    expect(ignored).toEqual([]);
    expect(policy!.organisation).toEqual(ACME_POLICY.organisation);
    expect(policy!.tools.get('microsoft-teams')).toEqual(ACME_POLICY.tools['microsoft-teams']);
    expect(verdictFor(policy, 'microsoft-teams')).toBe('approved');
    expect(verdictFor(policy, 'zoom')).toBe('not-approved');
    expect(verdictFor(policy, 'webex')).toBeUndefined();
    expect([...policy!.hosts]).toEqual([['video.example.org', 'opentalk']]);
  });

  it('is no policy at all when managed storage is empty, and when reading it fails (Firefox without a policy)', async () => {
    expect(parsePolicy({})).toBe(NO_POLICY);
    expect(parsePolicy(undefined)).toBe(NO_POLICY);
    expect(await readPolicy()).toEqual(NO_POLICY);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readPolicy()).toEqual(NO_POLICY);
  });

  it('reads the policy the browser puts into managed storage', async () => {
    await fakeBrowser.storage.managed.set(ACME_POLICY);
    expect((await readPolicy()).policy?.organisation.name).toBe('ACME GmbH');
  });

  it('gives tools it does not list the default verdict, and their own verdict precedence', () => {
    const { policy } = parsePolicy({
      defaultStatus: 'not-approved',
      tools: { 'microsoft-teams': { status: 'approved' } },
    });
    expect(verdictFor(policy, 'microsoft-teams')).toBe('approved');
    expect(verdictFor(policy, 'zoom')).toBe('not-approved');
  });

  it('ignores each invalid field on its own, keeps the rest, and says where and why', () => {
    const { policy, ignored } = parsePolicy({
      organisation: { name: 'ACME GmbH', noticeUrl: 'http://intranet.acme.example/', contact: 42, logo: 'x' },
      defaultStatus: 'maybe',
      tools: {
        'microsoft-teams': {
          status: 'approved',
          retention: { en: 'r'.repeat(10_000), fr: 'x' },
          agreement: 'pending',
          note: 'plain',
        },
        'made-up-tool': { status: 'approved' },
        zoom: 'not-approved',
      },
      hosts: {
        'MEET.ACME.EXAMPLE': 'jitsi-self-hosted',
        'https://x.example/': 'zoom',
        'talk.acme.example': 'nope',
        'a.acme.example': 7,
      },
    });
    expect(policy!.organisation).toEqual({ name: 'ACME GmbH', noticeUrl: undefined, contact: undefined });
    expect(policy!.defaultStatus).toBeUndefined();
    const teamsPolicy = policy!.tools.get('microsoft-teams')!;
    expect(teamsPolicy.status).toBe('approved');
    expect(teamsPolicy.retention!.en).toHaveLength(POLICY_LIMITS.text);
    expect(teamsPolicy.retention!.en!.endsWith('…')).toBe(true);
    expect([...policy!.tools.keys()]).toEqual(['microsoft-teams']);
    expect([...policy!.hosts]).toEqual([['meet.acme.example', 'jitsi-self-hosted']]);
    expect(ignored).toEqual([
      { path: 'organisation.noticeUrl', reason: 'not-https' },
      { path: 'organisation.contact', reason: 'invalid' },
      { path: 'organisation.logo', reason: 'unknown-field' },
      { path: 'defaultStatus', reason: 'invalid' },
      { path: 'tools.microsoft-teams.retention.en', reason: 'shortened' },
      { path: 'tools.microsoft-teams.retention.fr', reason: 'unknown-field' },
      { path: 'tools.microsoft-teams.agreement', reason: 'invalid' },
      { path: 'tools.microsoft-teams.note', reason: 'invalid' },
      { path: 'tools.made-up-tool', reason: 'unknown-tool' },
      { path: 'tools.zoom', reason: 'invalid' },
      { path: 'hosts.https://x.example/', reason: 'invalid' },
      { path: 'hosts.talk.acme.example', reason: 'unknown-tool' },
      { path: 'hosts.a.acme.example', reason: 'unknown-tool' },
    ]);
  });

  it('reads at most 200 tools and 200 hosts, and lists at most 50 problems with a count of the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`host-${index}.acme.example`, 'zoom']));
    const bad = Object.fromEntries(
      Array.from({ length: 5000 }, (_, index) => [`tool-${index}`, { status: 'approved' }]),
    );
    const { policy, ignored, more } = parsePolicy({ hosts: many, tools: bad });
    expect(policy!.hosts.size).toBe(POLICY_LIMITS.hosts);
    expect(ignored).toHaveLength(POLICY_LIMITS.ignoredShown);
    // 200 unknown tools and "too many" for the tools, "too many" for the hosts: the rest of 202 are counted.
    expect(ignored.length + more).toBe(POLICY_LIMITS.tools + 2);
  });

  it('shows an administrator’s long key shortened, so it cannot flood the Policy section', () => {
    const { ignored } = parsePolicy({ ['x'.repeat(100_000)]: 1 });
    expect(ignored[0]!.path.length).toBeLessThanOrEqual(60);
  });

  it('never lets a key reach the prototype of what it builds', () => {
    const { policy } = parsePolicy(
      JSON.parse('{"tools":{"__proto__":{"status":"approved"},"constructor":{}},"hosts":{"__proto__":"zoom"}}'),
    );
    expect(policy!.tools.size).toBe(0);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it('survives any value, within a time budget, and keeps only what fits the contract', () => {
    const text = fc.oneof(fc.string({ maxLength: 800 }), fc.constant('x'.repeat(600)), fc.integer(), fc.constant(null));
    const policyLike = fc.record(
      {
        organisation: fc.oneof(
          fc.record({ name: text, noticeUrl: fc.oneof(fc.webUrl(), text), contact: text }, { requiredKeys: [] }),
          fc.anything(),
        ),
        defaultStatus: fc.oneof(fc.constantFrom('approved', 'not-approved'), fc.anything()),
        tools: fc.dictionary(
          fc.oneof(fc.constantFrom('microsoft-teams', 'zoom', '__proto__', 'toString'), fc.string()),
          fc.oneof(
            fc.record(
              {
                status: fc.oneof(fc.constantFrom('approved', 'not-approved'), text),
                legalBasis: fc.dictionary(fc.constantFrom('en', 'de', 'fr'), text),
              },
              { requiredKeys: [] },
            ),
            fc.anything(),
          ),
        ),
        hosts: fc.dictionary(
          fc.oneof(fc.domain(), fc.string()),
          fc.oneof(fc.constantFrom('zoom', 'jitsi-self-hosted'), fc.anything()),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(policyLike, fc.anything()), (raw) => {
        const started = performance.now();
        const { policy, ignored, more } = parsePolicy(raw);
        expect(performance.now() - started).toBeLessThan(250);
        expect(ignored.length).toBeLessThanOrEqual(POLICY_LIMITS.ignoredShown);
        expect(more).toBeGreaterThanOrEqual(0);
        if (!policy) return;
        const texts = [
          policy.organisation.name,
          policy.organisation.contact,
          ...[...policy.tools.values()].flatMap((tool) => Object.values(tool.legalBasis ?? {})),
        ];
        for (const value of texts)
          if (value !== undefined) expect(value.length).toBeLessThanOrEqual(POLICY_LIMITS.text);
        if (policy.organisation.noticeUrl) expect(policy.organisation.noticeUrl).toMatch(/^https:\/\//);
        for (const id of [...policy.tools.keys(), ...policy.hosts.values()])
          expect(['microsoft-teams', 'zoom', 'jitsi-self-hosted']).toContain(id);
        if (policy.defaultStatus) expect(['approved', 'not-approved']).toContain(policy.defaultStatus);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the organisation’s word in the summary', () => {
  const parsed = parsePolicy(ACME_POLICY);

  it('names the organisation in its verdict, in both languages', () => {
    expect(organisationModel(parsed, 'microsoft-teams', 'en')?.verdict?.text).toBe('Approved by ACME GmbH');
    expect(organisationModel(parsed, 'zoom', 'de')?.verdict?.text).toBe('Von ACME GmbH nicht freigegeben');
    const unnamed = parsePolicy({ tools: { zoom: { status: 'approved' } } });
    expect(organisationModel(unnamed, 'zoom', 'de')?.verdict?.text).toBe('Von Ihrer Organisation freigegeben');
  });

  it('shows a text given in one language only in that language, marked with it', () => {
    expect(localise({ en: 'only English' }, 'de')).toEqual({ text: 'only English', lang: 'en' });
    expect(localise({ en: 'E', de: 'D' }, 'de')).toEqual({ text: 'D', lang: 'de' });
    const note = organisationModel(parsed, 'microsoft-teams', 'de')!.terms.find((line) => line.lead === 'Hinweis')!;
    expect(note.textLang).toBe('en');
    expect(
      organisationModel(parsed, 'microsoft-teams', 'en')!.terms.find((line) => line.lead === 'Note')!.textLang,
    ).toBeUndefined();
  });

  it('says nothing about a tool without a verdict when the organisation gives no notice or contact', () => {
    expect(organisationModel(parsePolicy({ organisation: { name: 'ACME GmbH' } }), 'webex', 'en')).toBeUndefined();
    expect(organisationModel(NO_POLICY, 'microsoft-teams', 'en')).toBeUndefined();
  });

  it('puts the verdict and the organisation’s statements into the Markdown, as text', () => {
    const hostile = parsePolicy({
      organisation: { name: '<b>ACME</b> [x](javascript:alert(1))' },
      tools: { 'microsoft-teams': { status: 'approved', note: { en: '# heading *bold*' } } },
    });
    const markdown = summaryToMarkdown(buildSummary(teams, 'en', '2026-11-23', hostile), 'en');
    // Escaped only where Markdown would read formatting: no tag, link or heading survives.
    expect(markdown).toContain('**Approved by \\<b>ACME\\</b> \\[x\\](javascript:alert(1))**');
    expect(markdown).toContain('- **Note:** \\# heading \\*bold\\*');
    expect(summaryToMarkdown(buildSummary(teams, 'en', '2026-11-23'), 'en')).not.toContain('Statements by');
  });
});

describe('hosts the organisation names', () => {
  const hosts = new Map([['meet.acme.example', 'jitsi-self-hosted']]);

  it('are recognised by address as that tool, and only those exact hosts', () => {
    const detect = detectorWith(hosts);
    expect(detect('https://meet.acme.example/standup')).toEqual({
      toolId: 'jitsi-self-hosted',
      context: expect.any(String),
      evidence: [{ type: 'policy' }],
    });
    expect(detect('https://other.meet.acme.example/standup')).toBeNull();
    expect(detect('https://meet.acme.example.evil.test/')).toBeNull();
    expect(detectTool('https://meet.acme.example/standup')).toBeNull();
    expect(detect('https://teams.microsoft.com/v2/')?.toolId).toBe('microsoft-teams');
  });

  it('are recognised by the popup’s scan on a host the extension has no permission for, without page signals', async () => {
    const { background } = setupBackground({
      detector: async () => detectorWith(hosts),
      scan: async () => scanOf('https://meet.acme.example/standup'),
    });
    const reply = await background.scanTab(4);
    expect(reply.state?.detection).toMatchObject({ toolId: 'jitsi-self-hosted', evidence: [{ type: 'policy' }] });
    expect((await getTabState(4))?.via).toBe('scan');
  });

  it('are left to the popup: tab events never read the policy, so a slow policy never holds up a badge', async () => {
    const detector = vi.fn(() => new Promise<Detector>(() => {}));
    const { background } = setupBackground({ detector });
    const teamsUrl = 'https://teams.microsoft.com/v2/';
    await background.tabUpdated(1, { status: 'loading', url: teamsUrl }, tab(1, teamsUrl));
    expect((await getTabState(1))?.detection.toolId).toBe('microsoft-teams');
    expect(detector).not.toHaveBeenCalled();
  });
});
