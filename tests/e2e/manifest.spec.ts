import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_KEY } from '../../scripts/policy-files';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const manifestOf = (build: string) => JSON.parse(readFileSync(join(OUTPUT, build, 'manifest.json'), 'utf8'));
const filesOf = (build: string) =>
  readdirSync(join(OUTPUT, build), { recursive: true, encoding: 'utf8' }).map((file) => ({
    file,
    text: () => readFileSync(join(OUTPUT, build, file)),
  }));

/** The registry's hosts, as the shipped manifest must list them: a change here is a change of permissions. */
const TOOL_HOSTS = [
  'https://*.bbcollab.com/*',
  'https://*.bluejeans.com/*',
  'https://*.clickmeeting.com/*',
  'https://*.clickwebinar.com/*',
  'https://*.doxy.me/*',
  'https://*.gotomeet.me/*',
  'https://*.gotomeeting.com/*',
  'https://*.gotostage.com/*',
  'https://*.riverside.com/*',
  'https://*.riverside.fm/*',
  'https://*.teams.live.com/*',
  'https://*.teams.microsoft.com/*',
  'https://*.teams.microsoft.us/*',
  'https://*.webex.com/*',
  'https://*.webexgov.us/*',
  'https://*.webinargeek.com/*',
  'https://*.whereby.com/*',
  'https://*.zoom-x.de/*',
  'https://*.zoom.com.cn/*',
  'https://*.zoom.com/*',
  'https://*.zoom.us/*',
  'https://*.zoomgov.com/*',
  'https://8x8.vc/*',
  'https://account.wire.com/*',
  'https://app.alfaview.com/*',
  'https://app.element.io/*',
  'https://app.eyeson.team/*',
  'https://app.fireflies.ai/*',
  'https://app.gather.town/*',
  'https://app.goto.com/*',
  'https://app.gotowebinar.com/*',
  'https://app.livestorm.co/*',
  'https://app.livestorm.com/*',
  'https://app.slack.com/*',
  'https://app.v2.gather.town/*',
  'https://app.wire.com/*',
  'https://attendee.gotowebinar.com/*',
  'https://beta-webclient.alfaview.com/*',
  'https://call.element.dev/*',
  'https://call.element.io/*',
  'https://call.lifesizecloud.com/*',
  'https://call.whatsapp.com/*',
  'https://canary.discord.com/*',
  'https://cliq.zoho.com/*',
  'https://cliq.zoho.eu/*',
  'https://conf.dfn.de/*',
  'https://dashboard.gotowebinar.com/*',
  'https://discord.com/*',
  'https://discord.gg/*',
  'https://discordapp.com/*',
  'https://edudip.com/*',
  'https://event.on24.com/*',
  'https://facetime.apple.com/*',
  'https://global.gotowebinar.com/*',
  'https://go.blizz.com/*',
  'https://go.teamviewer.com/*',
  'https://kmeet.infomaniak.com/*',
  'https://meet.google.com/*',
  'https://meet.goto.com/*',
  'https://meet.jit.si/*',
  'https://meet.opentalk.eu/*',
  'https://meet.proton.me/*',
  'https://meet.zoho.com/*',
  'https://meet.zoho.eu/*',
  'https://meet.zoho.in/*',
  'https://meeting.zoho.com.au/*',
  'https://meeting.zoho.com.cn/*',
  'https://meeting.zoho.com/*',
  'https://meeting.zoho.eu/*',
  'https://meeting.zoho.in/*',
  'https://meeting.zoho.jp/*',
  'https://meeting.zoho.sa/*',
  'https://meeting.zoho.uk/*',
  'https://meeting.zohocloud.ca/*',
  'https://meetings.dialpad.com/*',
  'https://meetings.officeathand.att.com/*',
  'https://meetings.ringcentral.com/*',
  'https://next.edudip.com/*',
  'https://otter.ai/*',
  'https://ptb.discord.com/*',
  'https://register.gotowebinar.com/*',
  'https://signal.link/*',
  'https://stream.meet.google.com/*',
  'https://streamyard.com/*',
  'https://teams.cloud.microsoft/*',
  'https://teams.microsoftonline.cn/*',
  'https://tldv.io/*',
  'https://v.ringcentral.com/*',
  'https://video-atos.ringcentral.com/*',
  'https://video.cloudoffice.avaya.com/*',
  'https://video.rainbowoffice.com/*',
  'https://video.ringcentral.com/*',
  'https://video.unifyoffice.com/*',
  'https://video.vodafonebusiness.ringcentral.com/*',
  'https://visio.lasuite.coop/*',
  'https://visio.numerique.gouv.fr/*',
  'https://visio.suite.anct.gouv.fr/*',
  'https://vshow.on24.com/*',
  'https://wccv.on24.com/*',
  'https://web.whatsapp.com/*',
  'https://webinars.on24.com/*',
  'https://www.edudip.com/*',
  'https://www.streamyard.com/*',
];

const ICON_SIZES = ['16', '32', '48', '128'];

test.describe('the shipped Chrome manifest', () => {
  const manifest = manifestOf('chrome-mv3');

  test('asks only for storage, activeTab, scripting and the link menu, and for the registered tool hosts', () => {
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus']);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.host_permissions).toEqual(TOOL_HOSTS);
  });

  test('runs no script in web pages of its own accord', () => {
    expect(manifest.content_scripts).toBeUndefined();
  });

  test('keeps the default extension CSP and exposes no web-accessible resources', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  test('loads no remote code and carries none of the end-to-end build’s test hooks', () => {
    const scripts = filesOf('chrome-mv3').filter(({ file }) => /\.(js|html)$/.test(file));
    expect(scripts.length).toBeGreaterThan(0);
    for (const { file, text } of scripts) {
      const code = text().toString('utf8');
      expect(code, file).not.toMatch(/<script[^>]+src=["']?https?:/i);
      expect(code, file).not.toMatch(/importScripts\(|import\(\s*["'`]https?:/);
      expect(code, file).not.toMatch(/\beval\(|new Function\(/);
      expect(code, file).not.toMatch(/mplLinkMenuClicked|popup\.html\?harness/);
    }
  });

  test('declares its own icon in four sizes, as PNG files, for the toolbar too', () => {
    expect(Object.keys(manifest.icons)).toEqual(ICON_SIZES);
    expect(manifest.action.default_icon).toEqual(manifest.icons);
    for (const [size, path] of Object.entries<string>(manifest.icons)) {
      const png = readFileSync(join(OUTPUT, 'chrome-mv3', path));
      expect(png.subarray(0, 8).toString('hex'), path).toBe('89504e470d0a1a0a');
      // IHDR: width and height, big-endian, right after the signature and chunk header.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([Number(size), Number(size)]);
    }
  });

  test('takes its name and description from the locales, English by default, German for German browsers', () => {
    expect([manifest.name, manifest.description, manifest.default_locale]).toEqual([
      '__MSG_extName__',
      '__MSG_extDescription__',
      'en',
    ]);
    // The toolbar tooltip until a tool is detected: the brand, the same in every language (WXT takes it from the popup's title).
    expect(manifest.action.default_title).toBe('Meeting Privacy Lens');
    for (const lang of ['en', 'de']) {
      const messages = JSON.parse(readFileSync(join(OUTPUT, 'chrome-mv3', '_locales', lang, 'messages.json'), 'utf8'));
      expect(Object.keys(messages).sort(), lang).toEqual(['extDescription', 'extName']);
    }
  });

  test('opens the popup with a keyboard shortcut', () => {
    expect(manifest.commands).toEqual({ _execute_action: { suggested_key: { default: 'Alt+Shift+X' } } });
  });
});

test('the end-to-end build differs from the shipped one only by the fixture hosts and the key that fixes its id', () => {
  const shipped = manifestOf('chrome-mv3');
  const e2e = manifestOf('chrome-mv3-e2e');
  const extra = (e2e.host_permissions as string[]).filter((host) => !shipped.host_permissions.includes(host));
  expect(extra.sort()).toEqual([
    'https://events.example.net/*',
    'https://video.example.org/*',
    'https://www.example.com/*',
  ]);
  expect(shipped.key).toBeUndefined();
  expect(e2e.key).toBe(E2E_KEY);
  expect({ ...e2e, host_permissions: shipped.host_permissions, key: undefined }).toEqual({
    ...shipped,
    key: undefined,
  });
});

test('the Chrome manifest declares the schema of the organisation’s policy, and the schema file ships', () => {
  const manifest = manifestOf('chrome-mv3');
  expect(manifest.storage).toEqual({ managed_schema: 'managed-schema.json' });
  const schema = JSON.parse(readFileSync(join(OUTPUT, 'chrome-mv3', 'managed-schema.json'), 'utf8'));
  expect(Object.keys(schema.properties)).toEqual(['organisation', 'defaultStatus', 'tools', 'hosts']);
  // Firefox takes the policy from policies.json and has no use for the key.
  expect(manifestOf('firefox-mv2').storage).toBeUndefined();
});

test('the Firefox manifest declares that no data is collected, its own add-on id and the shortcut', () => {
  const firefox = manifestOf('firefox-mv2');
  expect(firefox.browser_specific_settings.gecko).toEqual({
    id: '{6d0b23cf-2a0a-4b71-9969-3151689f4128}',
    strict_min_version: '142.0',
    data_collection_permissions: { required: ['none'] },
  });
  expect(firefox.permissions.filter((permission: string) => !permission.includes('://'))).toEqual([
    'storage',
    'activeTab',
    'scripting',
    'contextMenus',
  ]);
  expect(firefox.commands).toEqual({ _execute_browser_action: { suggested_key: { default: 'Alt+Shift+X' } } });
  expect(firefox.browser_action.default_icon).toEqual(firefox.icons);
  // The Firefox test build's way in (it opens a page of its own) is never shipped.
  for (const { file, text } of filesOf('firefox-mv2').filter(({ file }) => file.endsWith('.js'))) {
    expect(text().toString('utf8'), file).not.toMatch(/mplLinkMenuClicked|popup\.html\?harness/);
  }
});
