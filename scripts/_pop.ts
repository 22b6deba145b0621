import { readFileSync, writeFileSync, cpSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Extension } from './chromium';
const dir = mkdtempSync(join(tmpdir(), 'pop-'));
cpSync('/work/main/.output/chrome-mv3', dir, { recursive: true });
writeFileSync(join(dir, 'blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title><script type="module" src="/blank.js"></script></head><body></body></html>');
writeFileSync(join(dir, 'blank.js'), 'performance.mark("blank-rendered");\n');
const ext = await Extension.launch(dir);
await ext.serve('https://teams.microsoft.com', readFileSync('/work/main/tests/fixtures/teams.html', 'utf8'));
const { tabId } = await ext.open('https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0');
await new Promise((r) => setTimeout(r, 1000));
const time = async (path: string, mark: string) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/${path}`, { waitUntil: 'commit' });
  const ms = await page.evaluate(`new Promise((done) => new PerformanceObserver((list, o) => { const e = list.getEntriesByName(${JSON.stringify(mark)})[0]; if (e) { o.disconnect(); done(e.startTime); } }).observe({ type: 'mark', buffered: true }))`);
  const marks = await page.evaluate(`JSON.stringify(performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)]))`);
  const res = await page.evaluate(`JSON.stringify(performance.getEntriesByType('resource').map(r => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)]))`);
  await page.close();
  return { ms: ms as number, marks, res };
};
const p: number[] = [], b: number[] = [];
for (let i = 0; i < 14; i++) { const x = await time(`popup.html?tabId=${tabId}`, 'summary-rendered'); const y = await time('blank.html', 'blank-rendered'); if (i >= 2) { p.push(x.ms); b.push(y.ms); } if (i === 13) console.log(x.marks, x.res); }
const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log('popup', med(p).toFixed(1), 'blank', med(b).toFixed(1), 'ratio', (med(p) / med(b)).toFixed(2));
await ext.context.close();
