#!/usr/bin/env node
/**
 * First-load JavaScript per page (issue 19, item 4): the gzipped sum of the script chunks
 * a console or back-office page's HTML loads, read from the production build (.next, or
 * NEXT_DIST_DIR), printed beside the target (≤ 150 KB; 1 KB = 1,024 bytes, as the issue measured).
 *
 * What the HTML of an App Router page loads (Next 16, Turbopack): the build manifest's
 * `rootMainFiles` (the runtime, React, the router) and, from the route's client reference
 * manifest (server/app/<route>/page_client-reference-manifest.js), the `entryJSFiles` of
 * every segment of its tree — root and group layouts, error, not-found, the page. The
 * `polyfillFiles` are `nomodule` scripts that current browsers skip, so they are left out;
 * chunks loaded later by `import()` (zod and the resolver, issue 19) are not first-load.
 *
 * Reports, never asserts: exits 1 only when there is no build to read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_KB = 150;
const root = path.resolve(import.meta.dirname, '..', '..');
const dist = path.join(root, process.env.NEXT_DIST_DIR || '.next');

if (!fs.existsSync(path.join(dist, 'build-manifest.json')) || !fs.existsSync(path.join(dist, 'server', 'app-paths-manifest.json'))) {
  console.error(`[first-load-js] no production build in ${dist}: run npm run build first`);
  process.exit(1);
}

const buildManifest = JSON.parse(fs.readFileSync(path.join(dist, 'build-manifest.json'), 'utf8'));
const appPaths = JSON.parse(fs.readFileSync(path.join(dist, 'server', 'app-paths-manifest.json'), 'utf8'));

/** "/(console)/account/page" → "/account"; undefined for what is not a console or back-office page. */
function routeOf(entry) {
  if (!entry.endsWith('/page')) return undefined;
  const route = entry.slice(0, -'/page'.length).replace(/\/\([^/]+\)/g, '') || '/';
  if (route.startsWith('/sim') || route.startsWith('/api') || route.startsWith('/_')) return undefined;
  return route;
}

function entryJsFiles(entry) {
  const file = path.join(dist, 'server', 'app', `${entry}_client-reference-manifest.js`);
  const scope = { __RSC_MANIFEST: {} };
  new Function('globalThis', fs.readFileSync(file, 'utf8'))(scope);
  const manifest = scope.__RSC_MANIFEST[entry];
  if (!manifest) throw new Error(`${file} has no manifest for ${entry}`);
  return Object.values(manifest.entryJSFiles).flat();
}

const gzipped = new Map();
function gzipBytes(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length);
  return gzipped.get(file);
}

const pages = Object.keys(appPaths)
  .map((entry) => ({ entry, route: routeOf(entry) }))
  .filter((p) => p.route)
  .map(({ entry, route }) => {
    const files = [...new Set([...buildManifest.rootMainFiles, ...entryJsFiles(entry)])];
    return { route, files, bytes: files.reduce((sum, f) => sum + gzipBytes(f), 0) };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

const floor = buildManifest.rootMainFiles.reduce((sum, f) => sum + gzipBytes(f), 0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const width = Math.max(...pages.map((p) => p.route.length));
console.log(`[first-load-js] ${dist}: gzipped (level 9) first-load JavaScript per page; Next.js runtime and React alone ${kb(floor)} KB`);
for (const p of pages) {
  const ratio = p.bytes / 1024 / TARGET_KB;
  console.log(`${p.route.padEnd(width)}  target ≤ ${TARGET_KB} KB · measured ${kb(p.bytes).padStart(5)} KB · ${ratio.toFixed(2)} of target${ratio > 1 ? '  OVER' : ''}`);
}
const over = pages.filter((p) => p.bytes > TARGET_KB * 1024);
const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
console.log(`[first-load-js] ${pages.length} pages; largest ${largest.route} ${kb(largest.bytes)} KB; ${over.length ? `${over.length} over the target` : 'all within the target'}`);

