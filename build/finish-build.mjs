// The last step of `make build`, after Trunk has written dist/: minifies the JavaScript and CSS
// (esbuild; Trunk copies `altitude.js`, `altitude.css` and wasm-bindgen's glue as they are), then
// writes a `.br` (brotli, quality 11) and a `.gz` (gzip -9) beside every asset a browser fetches, so a
// server can send the smallest encoding without compressing on each request (README: "Serving").
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';

/** What is worth compressing: text and wasm. Images other than SVG are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg']);
const MINIFIABLE = { '.js': 'js', '.mjs': 'js', '.css': 'css' };

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Minifies an ES module or a stylesheet in place; the module keeps its exports and `import.meta`. */
function minify(path, loader) {
  const source = readFileSync(path, 'utf8');
  const { code } = transformSync(source, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, target: loader === 'js' ? 'es2022' : undefined, legalComments: 'none' });
  if (code.length < source.length) {
    writeFileSync(path, code);
    console.log(`minified ${path}: ${source.length} -> ${code.length} bytes`);
  }
}

/**
 * What the first download needs, requested at once rather than one after another:
 * - the glue's own imports (`__wasm_split.js`, which loads the later screens): the glue cannot run
 *   until they arrive, so the standalone page modulepreloads them and altitude.js imports them
 *   beside the glue; found only once the glue is parsed, each would be one more round trip;
 * - the catalog's default set, which the standalone page (index.html) and altitude.js preload by
 *   file name: a preload of another file would cost a download and leave the real one waiting.
 * Returns the problems found.
 */
export function checkPreloads(dist) {
  const problems = [];
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  const element = readFileSync(join(dist, 'altitude.js'), 'utf8');
  const glue = readFileSync(join(dist, 'altitude-web.js'), 'utf8');
  // And the other way round: every module altitude.js imports is in the build (a build without a
  // split point writes no __wasm_split.js, and the import would fail for every widget on the page).
  for (const [, module] of element.matchAll(/\bimport\(\s*["']\.\/([^"']+)["']\s*\)/g)) {
    if (!existsSync(join(dist, module))) problems.push(`altitude.js imports ./${module}, which the build did not write`);
  }
  for (const [, module] of glue.matchAll(/\bimport\s*(?:[^"'()]*?\bfrom\s*)?["']\.\/([^"']+)["']/g)) {
    if (!page.includes(`rel="modulepreload" href="./${module}"`)) problems.push(`index.html does not modulepreload ./${module}, which the glue imports`);
    if (!element.includes(`import("./${module}")`) && !element.includes(`import('./${module}')`)) problems.push(`altitude.js does not import ./${module} beside the glue`);
  }
  // The element offers exactly the locale files bundled (`locales/<tag>.json`; messages.json is the English list).
  const bundled = element.match(/BUNDLED_LOCALES\s*=\s*\[([^\]]*)\]/)?.[1].match(/[\w-]+/g) ?? [];
  const offered = existsSync(join(dist, 'locales')) ? readdirSync(join(dist, 'locales')).filter((f) => /\.json$/.test(f) && f !== 'messages.json').map((f) => f.replace(/\.json$/, '')) : [];
  if (bundled.sort().join() !== offered.sort().join()) problems.push(`altitude.js BUNDLED_LOCALES (${bundled}) are not the locale files in locales/ (${offered})`);
  let catalog;
  try {
    catalog = JSON.parse(readFileSync(join(dist, 'assessments', 'catalog.json'), 'utf8'));
  } catch {
    return problems;
  }
  // A catalog entry is a file name, or an object naming its file and stating its id.
  const entries = (catalog.sets ?? []).map((entry) => (typeof entry === 'string' ? { file: entry } : entry));
  const idOf = (entry) => {
    if (entry.id) return entry.id;
    try {
      return JSON.parse(readFileSync(join(dist, 'assessments', entry.file), 'utf8')).id;
    } catch {
      return undefined;
    }
  };
  const file = entries.find((entry) => idOf(entry) === catalog.default)?.file;
  if (!file) return [...problems, `the catalog's default set ${JSON.stringify(catalog.default)} is none of ${entries.map((e) => e.file).join(', ')}: update the preloads in index.html and public/altitude.js`];
  if (!page.includes(`assessments/${file}"`)) problems.push(`index.html does not preload assessments/${file}`);
  if (!element.includes(`./assessments/${file}`)) problems.push(`altitude.js does not preload ./assessments/${file} (DEFAULT_SET)`);
  return problems;
}

/** Minifies (unless `minify` is false) and precompresses every file under `dist`; returns what it did. */
/**
 * Trunk puts a Subresource Integrity hash on the links it writes (page.css): after minifying, each
 * `integrity` in an HTML file is computed again for the file its `href` or `src` names.
 */
function refreshIntegrity(dist, htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const updated = html.replace(/<[^>]*\bintegrity="(sha(?:256|384|512))-[^"]*"[^>]*>/g, (tag, algorithm) => {
    const ref = /\b(?:href|src)="([^"]+)"/.exec(tag)?.[1];
    if (!ref || /^[a-z]+:|^\/\//i.test(ref)) return tag;
    const file = join(dist, ref.split(/[?#]/)[0]);
    const digest = createHash(algorithm).update(readFileSync(file)).digest('base64');
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="${algorithm}-${digest}"`);
  });
  // Trunk leaves the skipped Rust link (index.html: the hooks build the wasm) in the page.
  const cleaned = updated.replace(/[ \t]*<link data-trunk rel="rust"[^>]*>\n?/g, '');
  if (cleaned !== html) writeFileSync(htmlPath, cleaned);
}

/** Minifies (unless `minify` is false) and precompresses every file under `dist`; returns what it did. */
export function finishBuild(dist, { minify: shouldMinify = true } = {}) {
  // Variants from an earlier build would be stale: they are written afresh from the current files.
  for (const path of files(dist)) if (/\.(br|gz)$/.test(path)) unlinkSync(path);
  if (shouldMinify) {
    for (const path of files(dist)) if (MINIFIABLE[extname(path)]) minify(path, MINIFIABLE[extname(path)]);
    for (const path of files(dist)) if (extname(path) === '.html') refreshIntegrity(dist, path);
  }
  const report = [];
  for (const path of files(dist)) {
    const ext = extname(path);
    if (!COMPRESSIBLE.has(ext)) continue;
    const bytes = readFileSync(path);
    const gzip = gzipSync(bytes, { level: 9 });
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    // A variant no smaller than the file itself is not worth a request header: the server sends the file.
    if (gzip.length < bytes.length) writeFileSync(`${path}.gz`, gzip);
    if (brotli.length < bytes.length) writeFileSync(`${path}.br`, brotli);
    report.push({ file: relative(dist, path), raw: bytes.length, gzip: gzip.length, brotli: brotli.length });
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const problems = checkPreloads(dist);
  for (const problem of problems) console.error(`finish-build: ${problem}`);
  if (problems.length) process.exit(1);
  const report = finishBuild(dist);
  console.log(`precompressed ${report.length} files in ${dist}/ (.br and .gz beside each)`);
}
