// Renders BPMN files to PNG with bpmn-js in Debian's headless Chromium (puppeteer-core, no downloaded browser).
// Usage: node render.mjs <out-dir> <file.bpmn>...   Writes <out-dir>/<name>.png for each <name>.bpmn.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  console.error('usage: node render.mjs <out-dir> <file.bpmn>...');
  process.exit(2);
}
const viewer = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const css = ['bpmn-js/dist/assets/diagram-js.css', 'bpmn-js/dist/assets/bpmn-js.css'].map((p) => require.resolve(p));
const margin = 20;

const profile = mkdtempSync(join(tmpdir(), 'render-diagrams-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const file of files) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 800 });
    await page.setContent('<!doctype html><html><body style="margin:0;background:#fff">'
      + '<div id="canvas" style="width:100vw;height:100vh"></div></body></html>');
    for (const path of css) {
      await page.addStyleTag({ path });
    }
    await page.addScriptTag({ path: viewer });
    const size = await page.evaluate(async (xml, margin) => {
      const bpmnViewer = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await bpmnViewer.importXML(xml);
      if (warnings.length) {
        throw new Error(warnings.map((w) => w.message).join('\n'));
      }
      const canvas = bpmnViewer.get('canvas');
      const inner = canvas.getActiveLayer().getBBox();
      return { x: inner.x - margin, y: inner.y - margin, width: Math.ceil(inner.width + 2 * margin),
        height: Math.ceil(inner.height + 2 * margin) };
    }, readFileSync(file, 'utf-8'), margin);
    // show the whole diagram at 100 %: page and view box sized to the diagram's bounding box
    await page.setViewport({ width: size.width, height: size.height });
    await page.evaluate((size) => {
      const container = document.querySelector('#canvas');
      container.style.width = size.width + 'px';
      container.style.height = size.height + 'px';
      const svg = container.querySelector('svg');
      svg.setAttribute('viewBox', `${size.x} ${size.y} ${size.width} ${size.height}`);
      svg.querySelector('.viewport').removeAttribute('transform');
    }, size);
    const out = join(outDir, basename(file).replace(/\.bpmn$/, '.png'));
    const element = await page.$('#canvas');
    await element.screenshot({ path: out });
    console.log(`${file} -> ${out} (${size.width}x${size.height})`);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
