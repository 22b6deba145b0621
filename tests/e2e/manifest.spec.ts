import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const manifestOf = (build: string) => JSON.parse(readFileSync(join(OUTPUT, build, 'manifest.json'), 'utf8'));

/** The registry's hosts, as the shipped manifest must list them: a change here is a change of permissions. */
const TOOL_HOSTS = [
  'https://*.bluejeans.com/*',
  'https://*.clickmeeting.com/*',
  'https://*.clickwebinar.com/*',
  'https://*.gotomeeting.com/*',
  'https://*.teams.live.com/*',
  'https://*.teams.microsoft.com/*',
  'https://*.teams.microsoft.us/*',
  'https://*.webex.com/*',
  'https://*.whereby.com/*',
  'https://*.zoom-x.de/*',
  'https://*.zoom.us/*',
  'https://*.zoomgov.com/*',
  'https://8x8.vc/*',
  'https://account.wire.com/*',
  'https://app.alfaview.com/*',
  'https://app.chime.aws/*',
  'https://app.eyeson.team/*',
  'https://app.goto.com/*',
  'https://app.livestorm.com/*',
  'https://app.slack.com/*',
  'https://app.wire.com/*',
  'https://beta-webclient.alfaview.com/*',
  'https://canary.discord.com/*',
  'https://chime.aws/*',
  'https://cliq.zoho.com/*',
  'https://cliq.zoho.eu/*',
  'https://discord.com/*',
  'https://discord.gg/*',
  'https://discordapp.com/*',
  'https://go.blizz.com/*',
  'https://go.teamviewer.com/*',
  'https://gotomeet.me/*',
  'https://join.skype.com/*',
  'https://meet.google.com/*',
  'https://meet.goto.com/*',
  'https://meet.jit.si/*',
  'https://meet.opentalk.eu/*',
  'https://meet.zoho.com/*',
  'https://meet.zoho.eu/*',
  'https://meeting.zoho.com.au/*',
  'https://meeting.zoho.com/*',
  'https://meeting.zoho.eu/*',
  'https://meeting.zoho.in/*',
  'https://meetings.ringcentral.com/*',
  'https://ptb.discord.com/*',
  'https://stream.meet.google.com/*',
  'https://teams.cloud.microsoft/*',
  'https://v.ringcentral.com/*',
  'https://video.ringcentral.com/*',
  'https://web.skype.com/*',
  'https://web.webex.com/*',
];

test.describe('the shipped Chrome manifest', () => {
  const manifest = manifestOf('chrome-mv3');

  test('asks only for storage, activeTab and scripting', () => {
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting']);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  test('has host permissions for the registered tool hosts only, and the content script runs on exactly those', () => {
    const hosts: string[] = manifest.host_permissions;
    expect(hosts).toEqual(TOOL_HOSTS);
    for (const host of hosts) {
      expect(host, 'no broad or fixture host').toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]+\/\*$/);
      expect(host).not.toMatch(/example\.(com|org|net)/);
    }
    expect(hosts).not.toContain('<all_urls>');
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].matches).toEqual(hosts);
    expect(manifest.content_scripts[0].all_frames).toBeUndefined();
  });

  test('keeps the default extension CSP and exposes no web-accessible resources', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toContain('unsafe-eval');
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  test('loads no remote code', () => {
    const dir = join(OUTPUT, 'chrome-mv3');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|html)$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/<script[^>]+src=["']?https?:/i);
      expect(text, file).not.toMatch(/importScripts\(|import\(\s*["'`]https?:/);
      expect(text, file).not.toMatch(/\beval\(|new Function\(/);
    }
  });
});

test('the end-to-end build differs from the shipped one only by the fixture hosts', () => {
  const shipped = manifestOf('chrome-mv3');
  const e2e = manifestOf('chrome-mv3-e2e');
  const extra = (e2e.host_permissions as string[]).filter((host) => !shipped.host_permissions.includes(host));
  expect(extra.sort()).toEqual(['https://events.example.net/*', 'https://video.example.org/*', 'https://www.example.com/*']);
  expect({ ...e2e, host_permissions: shipped.host_permissions }).toEqual(shipped);
});

test('the Firefox manifest declares that no data is collected', () => {
  const firefox = manifestOf('firefox-mv2');
  expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect(firefox.permissions).toEqual(expect.arrayContaining(['storage', 'activeTab', 'scripting']));
  expect(firefox.permissions.filter((p: string) => !p.includes('://'))).toEqual(['storage', 'activeTab', 'scripting']);
});
