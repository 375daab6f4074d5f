#!/usr/bin/env node
// Renders every diagram of processes/ with bpmn-js (what Camunda Modeler draws with) in headless Chromium:
// one SVG per diagram plane into the given folder (docs/processes by default), a collapsed sub-process's own
// diagram as <process>--<sub-process id>.svg. With --png, also a PNG of each, to look at while drawing.
// Usage: node dev/render-diagrams.mjs [--png] [out-folder] [file.bpmn ...]
import { readFileSync, readdirSync, mkdirSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const png = args.includes('--png');
const rest = args.filter(a => a !== '--png');
const out = rest.find(a => !a.endsWith('.bpmn')) ?? join(root, 'docs', 'processes');
const files = rest.filter(a => a.endsWith('.bpmn'));
if (files.length === 0) {
  for (const area of readdirSync(join(root, 'processes')).sort()) {
    const folder = join(root, 'processes', area);
    if (statSync(folder).isDirectory()) {
      readdirSync(folder).filter(f => f.endsWith('.bpmn')).sort().forEach(f => files.push(join(folder, f)));
    }
  }
}

// bpmn-js wraps labels by their width in Arial: another font (Debian's fallback DejaVu Sans is wider) wraps them
// elsewhere, so the pictures would differ from machine to machine. Liberation Sans has Arial's metrics.
const arial = execFileSync('fc-match', ['Arial'], { encoding: 'utf8' });
if (!/Arial|Liberation Sans/.test(arial)) {
  console.error(`Arial is drawn as ${arial.trim()} here: install Arial or Liberation Sans (Debian: fonts-liberation)`);
  process.exit(2);
}

const browser = await chromium.launch({
  // Debian's Chromium: nothing downloads a browser
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.setContent('<html><body style="margin:0"><div id="canvas" style="width:1920px;height:1080px"></div></body></html>');
  await page.addScriptTag({ path: join(root, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js') });
  await page.addStyleTag({ path: join(root, 'node_modules/bpmn-js/dist/assets/bpmn-js.css') });
  mkdirSync(out, { recursive: true });
  if (files.length === 0 || !rest.some(a => a.endsWith('.bpmn'))) {
    readdirSync(out).filter(f => f.endsWith('.svg') || f.endsWith('.png')).forEach(f => rmSync(join(out, f)));
  }
  for (const file of files) {
    const name = basename(file, '.bpmn');
    const planes = await page.evaluate(async xml => {
      window.viewer?.destroy();
      window.viewer = new BpmnJS({ container: '#canvas' });
      await window.viewer.importXML(xml);
      const canvas = window.viewer.get('canvas');
      const result = [];
      for (const plane of canvas.getRootElements()) {
        canvas.setRootElement(plane);
        const { svg } = await window.viewer.saveSVG();
        const process = plane.businessObject.$type === 'bpmn:Process';
        result.push({ id: plane.businessObject.id, main: process, svg });
      }
      return result;
    }, readFileSync(file, 'utf8'));
    for (const plane of planes) {
      const target = plane.main ? name : `${name}--${plane.id}`;
      // bpmn-js gives its arrow markers random ids: numbered in order, so that a render is repeatable
      const markers = new Map();
      const svg = plane.svg.replace(/marker-[a-z0-9]{8,}/g, id => {
        if (!markers.has(id)) markers.set(id, `marker-${markers.size + 1}`);
        return markers.get(id);
      }) + '\n';
      writeFileSync(join(out, target + '.svg'), svg);
      if (png) {
        await page.evaluate(id => {
          const canvas = window.viewer.get('canvas');
          canvas.setRootElement(canvas.getRootElements().find(p => p.businessObject.id === id));
        }, plane.id);
        const size = await page.evaluate(() => {
          const box = window.viewer.get('canvas').getActiveLayer().getBBox();
          return { width: Math.ceil(box.width + 40), height: Math.ceil(box.height + 40) };
        });
        await page.setViewportSize({ width: Math.max(size.width, 200), height: Math.max(size.height, 100) });
        await page.evaluate(({ width, height }) => {
          document.getElementById('canvas').style.width = width + 'px';
          document.getElementById('canvas').style.height = height + 'px';
          const canvas = window.viewer.get('canvas');
          canvas.resized();
          canvas.zoom('fit-viewport');
          canvas.zoom(1);
          const box = canvas.getActiveLayer().getBBox();
          canvas.viewbox({ x: box.x - 20, y: box.y - 20, width, height });
        }, size);
        await page.screenshot({ path: join(out, target + '.png') });
        await page.setViewportSize({ width: 1920, height: 1080 });
        await page.evaluate(() => {
          document.getElementById('canvas').style.width = '1920px';
          document.getElementById('canvas').style.height = '1080px';
        });
      }
    }
  }
} finally {
  await browser.close();
}
