// The widget's transfer size and where the wasm's bytes go.
//
// `node build/size.mjs [dist] [--gate]` prints, for the wasm, JS and CSS in dist/ (not the embed demo
// page's own files): raw, gzip -9 and brotli -q 11 of each file, the first-load transfer (what a
// browser fetches before the first question can show) and the total (with every lazily loaded wasm
// chunk); then the top contributors to the wasm's code by crate and by function, read from the
// wasm's name section (parsed here: no extra tool). With --gate it exits 1 over the budgets below.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Budgets in bytes of gzip -9: the first load and the total each have their own (issue 14); a build
// whose wasm is not split fails the gate. Issue 14 targets a first load of 150 KB (and asks for a 160 KB gate once it is
// reached) and a total of 260 KB; these gates are ceilings against regressions until then, each just
// above the figure measured when it was last moved, so any growth must be paid for or argued here.
// How they moved (first load / total):
// - split build 177.8 / 270.9 KB; others' view (issue 12) 185.1 / 313.9 KB;
// - then: scoring and the history's results left the first load (-4.3 KB) and the radar's
//   directions left libm (-2.6 KB total); focus through node references (issue 13: +1.5 / +3.5 KB);
//   the two-step load that draws the start screen from the catalog's facts (issue 14: +5.0 / +4.7 KB);
//   long dimensions over pages: 188.3 / 321.4 KB;
// - then: charts through our own SVG backend, no float formatter (-0.2 / -10.1 KB); the start screen's
//   faster load (deferred requests, the element's prefetched responses: +0.5 / +0.7 KB); answer times
//   stored as whole milliseconds, no float serialisation (-1.9 / +0.2 KB): 187.4 / 312.8 KB.
// - then: wasm-opt folds identical and similar functions and inlines one-caller functions in the
//   main module (-2.1 / -2.7 KB, measured on the same build), and a file that never arrives fails
//   after a minute: 185.5 / 310.3 KB;
// - then: repeated keys and ids found by sorting, in one function for both, and the store keeping
//   the attempt it last wrote, so an answer's save on a 1,000-question attempt is 12 times cheaper
//   (+0.6 / +0.7 KB): 186.2 / 311.0 KB;
// - then: the storage notice's "save to a file" runs in the split module, with the documents and the
//   download it needs (-1.4 / +0.6 KB): 184.8 / 311.6 KB;
// - then: a split module that cannot be fetched is told to the person instead of stopping the
//   widget (+0.0 / +0.4 KB): 184.8 / 312.0 KB;
// - then: a later screen waits for its module in a task that fills a signal, not in `Suspend`
//   (-2.1 / -2.2 KB): 182.7 / 309.8 KB;
// - then: the stream classes server_fn exports (unused here) are dropped from the wasm and the glue
//   before wasm-opt (-1.6 / -1.6 KB): 181.2 / 308.2 KB;
// - then: talc as the wasm's allocator, not dlmalloc (-1.0 / -1.2 KB): 180.1 / 307.0 KB;
// - then: the functions the glue gives the wasm have short names in both, not wasm-bindgen's
//   hashed ones (-4.9 / -4.9 KB): 175.2 / 302.1 KB; a later screen asked to draw twice is said in
//   the console (+0.1 / +0.1 KB), and one on its way says "Loading…" (-0.3 / -0.3 KB): 175.1 / 301.9 KB;
// - then: the core's substring searches are a plain scan, not the standard Two-Way searcher
//   (-1.5 / -1.4 KB): 173.6 / 300.5 KB;
// - then: Leptos's SendWrapper is our own (crates/send_wrapper), with no thread checks in a wasm
//   module that has one thread, so std's thread handle leaves the wasm (-4.1 / -5.9 KB): 169.5 / 294.6 KB;
// - then: LLVM's inline threshold at -5 rather than -Oz's 5 (.cargo/config.toml; -0.9 / -2.2 KB):
//   168.5 / 292.4 KB; the element compiles the wasm as it streams and reads its prefetched files
//   ahead (+0.2 / +0.2 KB): 168.7 / 292.7 KB;
// - then (issue 23, the fair verdict): the loader checks facets, questions outside the score and a
//   result's context, and the start screen asks the organisation's size and suggests the next role
//   from a profile kept on the device (+6.1 KB first load: read_set +2.9 KB of code, the profile's
//   storage +3.4 KB, the start screen +1.8 KB, of raw code); the verdicts with their reasons,
//   facets, ladders and the roadmap's new parts in the later module (+13 KB): 174.9 / 311.8 KB.
//   The gates are raised on purpose, over issue 23's +2 KB for the first download: see its note.
//   Then: a result's context stored as layout 2, and every screen change landing on its heading
//   (issue 25), +0.6 KB: 175.5 / 311.5 KB; a question outside the score says so as it is asked
//   (+0.1 KB): 175.6 / 311.6 KB.
// - then (2026-12-07, issues 23 and 25): the results' scenario list one step away and "No verdict
//   yet" (+0.1 / +0.7 KB); the tab's place and the host's events typed, LiveSession's reads
//   returning values through thin generic wrappers (+0.7 / +0.3 KB: each wrapper's closure carries
//   its value's drop glue); the loading protocol's Told; a verdict that leaves out ladders called
//   provisional (later module): 176.3 / 313.3 KB; the unused stream classes' exports removed by
//   binaryen's --remove-exports, not by hand, and their classes left in the glue rather than cut
//   out of generated code with regular expressions (+0.3 / +0.3 KB; docs/upstream.md): 176.6 / 313.6 KB.
//   Then the catalog's load reads as its phases (a first step, then the rest after the paint)
//   instead of loop indexes over a rotated order (+0.1 KB first load): 176.8 / 313.8 KB.
//   Then the gates get room on purpose (+0.3 KB each): a change with no code in the main module
//   (the fit sentence, in the later one) moved the main module by +119 B of layout, measured with
//   zero function-size difference; a gate a few bytes above the figure fails on such noise.
//   Then plumbing imports nothing from the rooms (AppState and Mounted moved, no code changed: +0.2 KB
//   total, measured, in layout and the source paths that panic locations carry) and the core's
//   finish and finish_rating return (value, what changed) like every intent (−0.05 KB): 176.8 / 314.0 KB.
// - then (issue 29) the team view: the start screen's way in and the tab's place for it in the first
//   download (+0.3 KB, within the issue's 1 KB), the screen in the later module (+21.0 KB of it, measured:
//   the screen's controls and view tables, their Leptos render code above all — one render-build function
//   of 15.6 KB raw — the gap chart over any rows, the files' reading, the view's JSON and CSV): 177.1 / 335.1 KB.
//   The standalone page's link to the author's workbench (issue 27: page.css +0.06 KB, in the first
//   load and the total; the workbench itself is its own bundle, reported below): 177.3 / 335.4 KB.
// - then (issue 28, the core of goals and notes between attempts): the session holds them but reads
//   them only when a later screen asks (+0.1 KB first load: its field, the storage event's key), and
//   import and export everything now carry their reading, checks, merge and JSON in the later module
//   (+8.3 KB of it, measured: reading and checking a stored value 7.1 KB raw, the export's JSON and
//   the session's read 5.1 KB raw; one exit per reader rather than one per field saved 1.1 KB):
//   177.4 / 343.9 KB. The screens that draw them (issue 28) come on top, in the later module.
// - then the screens of issue 28: the masthead's "My progress" and the tab's place for it in the first
//   download (+0.4 KB; +0.5 KB with the core's, within the issue's 1 KB), and in the later module the
//   progress screen's forms, goal rows, timeline and record (+33 KB: many distinct Leptos view types —
//   each field's input with its own handler —, the first thing to fold into fewer view types under
//   issue 25): 177.8 / 377.5 KB. "My progress" then left the masthead for Past results and the roadmap
//   (−0.1 KB first load; +0.3 KB later module): 177.7 / 377.7 KB.
// - then the rest of issue 28: a note started from a goal or from the roadmap (the tab's screen
//   carries the dimension it is for), the nudge past three open goals, My progress following other
//   tabs (a second change flag beside the profile's) and keeping keyboard focus through its redraws:
//   +0.13 KB first load (the Screen variant's payload and the flag; the issue's total +0.7 KB, within
//   its 1 KB), +5.0 KB later module (every control of a goal or note registered for focus by
//   `node_ref`, one view type more per control kind; the draft form's bound checkboxes and options):
//   177.8 / 382.6 KB.
// - then (issue 25's direction, fewer distinct view types on the start and question screens): their
//   reactive values in 5 kinds rather than 13 (each kind is a render effect of its own: text always a
//   String, an attribute a String or a property — prop:disabled —, what comes and goes an AnyView),
//   and fewer handler and closure types (AppState::go_on_click, Catalog::incomplete): −4.3 KB first
//   load, the later module +2.1 KB (it now builds those kinds itself for its own screens); the later
//   screens' styles in altitude-later.css, added as the later module loads: −0.8 KB first load
//   (altitude.css −1.3 KB, its fetch in the wasm and the element +0.5 KB): 172.6 / 376.3 KB.
//   Both together, measured after the merge (the later module holds both +5.0 KB and +2.1 KB, and
//   the later stylesheet's loader): 172.7 / 382.6 KB; the later module 208.2 KB.
// - then a review of My progress (issue 28): a field edited in place no longer draws the lists anew
//   (a Trigger for what does, a mark for edits in place, the nudge as a reactive line of its own),
//   an emptied title or note refused and shown again, a note dated by the person's own calendar,
//   focus restored at once: +2.9 KB later module (211.1 KB), first load +0.09 KB of layout:
//   172.8 / 385.7 KB.
// - then (issue 25, size2): another tab's results are merged into the history in the later module,
//   fetched when such a change arrives if it is not there yet (merge_history, Raters::merge and the
//   storage listener's history branch: −1.0 KB first load; the later module +1.4 KB, raised on
//   purpose: it holds that merge now): 171.7 / 383.0 KB. Then the start and question screens' (and
//   the frame's) 14 click and change handlers as two boxed types (OnClick, OnChange) rather than a
//   closure type each: −1.4 KB first load: 170.3 / 381.6 KB. Then their reactive values (24
//   closures: text, attributes, properties, what comes and goes) as Reactive, Tachys's shared
//   function type, one type per kind of value rather than one per closure: −1.7 KB first load:
//   168.6 / 380.0 KB (main module 160.0 KB).
//   Both, measured after the merge: 168.8 / 383.0 KB (main module 160.1 KB, later module 212.5 KB).
// - then (issue 25, readability), raised on purpose within the issue's 2 KB for readability: the
//   LiveSession's read twins (unfinished / unfinished_while_drawing, rating_while_drawing) become
//   one read each that shows what it came upon at the next frame (`discover`): +0.21 KB; the
//   catalog's load in named phases (`Phase`, `Loaded::listed_in`, `Loaded::place`), the start
//   screen's list redrawn by comparing what it shows rather than by a flag each step passes:
//   +0.23 KB. 169.2 / 383.6 KB (main module 160.5 KB); the later module −0.2 KB (212.6 KB) though
//   it now keeps the scored results of an unchanged history (score_history_reusing).
//   Then LiveSession's surface (issue 25's review): its signals private behind reads (`attempt`,
//   `is_rating`, `problem`), the unfinished attempt and whether it awaits the archive one read
//   (`Unfinished`), typed changes to the goals and notes (`ProgressChange`) instead of a closure over
//   the core's session, the remembered screen as `Remember` instead of `Option<Option<Place>>`, the
//   restore's resumed attempt returned rather than begun inside a query, and the later screen's view
//   kept in a stored value, not a signal written while drawing: +0.31 KB first load, the later
//   module −0.5 KB: 169.5 / 383.4 KB (main module 160.8 KB, later 212.2 KB). Gates with 0.4 KB room.
export const BUDGETS = { firstLoad: 169_900, total: 383_900 };

// Each module of the split wasm against a ceiling of its own (issue 25), raised on purpose in the
// commit that makes it grow, with what it cost (above): the main module is the first download with
// the glue and the CSS; a new screen goes to the later module, which the first question never waits for.
export const MODULE_CEILINGS = { 'altitude-web_bg.wasm': 161_200, 'split_altitude_later.wasm': 212_850 };

// Code that must never be in the first download, by where it is defined (read from the main module's
// names): scoring, the charts and plotters run only on the later screens, and Rust's float
// formatter (≈ 10 KB) is kept out of the whole widget by `display`. A byte budget notices such a
// regression only when it is large; this names it at once.
export const NOT_IN_FIRST_DOWNLOAD = [/^altitude::scoring::/, /^altitude::charts::/, /^plotters/, /^core::num::flt2dec/, /^core::fmt::float/];

/** The main module's functions that `NOT_IN_FIRST_DOWNLOAD` forbids, by name. */
export function forbiddenInFirstDownload(wasmPath) {
  const tidy = (name) => demangle(name).replace(/\[[0-9a-f]+\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
  const { functions, named } = wasmFunctions(readFileSync(wasmPath));
  if (!named) throw new Error(`${wasmPath} has no names: build it with \`node build/build-wasm.mjs named\``);
  return [...new Set(functions.map((f) => tidy(f.name)).filter((name) => NOT_IN_FIRST_DOWNLOAD.some((rule) => rule.test(name))))];
}
export const TARGETS = { firstLoad: 150_000, total: 260_000 };

/**
 * A lazily loaded file, not needed for the first question: a module of the split wasm (`split_*.wasm`,
 * `chunk_*.wasm`) or the later screens' stylesheet, which the element adds as that module loads. The
 * module's loader, `__wasm_split.js`, is imported by the glue, so it counts in the first load.
 */
export const LATER_STYLES = 'altitude-later.css';
export const isChunk = (file) => (file.endsWith('.wasm') && file !== 'altitude-web_bg.wasm') || file === LATER_STYLES;

export function transferSizes(dist) {
  const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && !f.startsWith('embed-demo'));
  return files.sort().map((file) => {
    const bytes = readFileSync(join(dist, file));
    return {
      file,
      chunk: isChunk(file),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

const sum = (sizes) => sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const row = (name, s) => `${name.padEnd(44)} raw ${String(s.raw).padStart(8)}  gzip ${String(s.gzip).padStart(8)}  brotli ${String(s.brotli).padStart(8)}`;

/** Prints every file, the first load and the total; returns `{ firstLoad, total, split }`. */
export function printSizes(sizes) {
  for (const s of sizes) console.log(row(s.chunk ? `${s.file} (lazy)` : s.file, s));
  const firstLoad = sum(sizes.filter((s) => !s.chunk));
  const total = sum(sizes);
  const split = sizes.some((s) => s.chunk);
  console.log(row('first load (before the first question)', firstLoad));
  console.log(row('total (every feature)', total));
  return { firstLoad, total, split };
}

// ---- the wasm's name section -----------------------------------------------------------------

/** An unsigned LEB128 number at `at`, and where what follows it starts. */
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** An import as the section lists it at `at`: its module, its name, its kind, the bytes that
 * describe it after the name, and where the next import starts. */
export function readImport(bytes, at) {
  let length;
  [length, at] = leb(bytes, at);
  const module = new TextDecoder().decode(bytes.subarray(at, at + length));
  at += length;
  [length, at] = leb(bytes, at);
  const name = new TextDecoder().decode(bytes.subarray(at, at + length));
  at += length;
  const description = at;
  const kind = bytes[at++];
  if (kind === 0) [, at] = leb(bytes, at); // a function: its type
  else if (kind === 1 || kind === 2) {
    if (kind === 1) at++; // a table: its element type
    const flags = bytes[at++];
    [, at] = leb(bytes, at);
    if (flags & 1) [, at] = leb(bytes, at);
  } else if (kind === 3) at += 2; // a global: its type and mutability
  else if (kind === 4) [, at] = leb(bytes, at + 1); // a tag: its attribute, then its type
  else throw new Error(`an import of kind ${kind}, which readImport does not know`);
  return { module, name, kind, description: bytes.subarray(description, at), end: at };
}

/**
 * Every function body's size with its name, and the other sections' sizes, from a wasm binary.
 * Names come from the `name` custom section; a module without one gets `func[N]`.
 */
export function wasmFunctions(bytes) {
  const decoder = new TextDecoder();
  let at = 8;
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  const sections = [];
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (id === 2) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const entry = readImport(bytes, p);
        if (entry.kind === 0) importedFunctions++;
        p = entry.end;
      }
    } else if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [bodySize, q] = leb(bytes, p);
        bodies.push(bodySize + (q - p));
        p = q + bodySize;
      }
    } else if (id === 0) {
      const [nameLen, p] = leb(bytes, start);
      const sectionName = decoder.decode(bytes.subarray(p, p + nameLen));
      if (sectionName === 'name') {
        let q = p + nameLen;
        while (q < end) {
          const kind = bytes[q];
          const [subSize, r] = leb(bytes, q + 1);
          if (kind === 1) {
            let [count, s] = leb(bytes, r);
            for (let i = 0; i < count; i++) {
              let index, len;
              [index, s] = leb(bytes, s);
              [len, s] = leb(bytes, s);
              names.set(index, decoder.decode(bytes.subarray(s, s + len)));
              s += len;
            }
          }
          q = r + subSize;
        }
      }
      sections.push({ id, name: sectionName, size: end - at });
    }
    if (id !== 0) sections.push({ id, size: end - at });
    at = end;
  }
  const functions = bodies.map((size, i) => ({ name: names.get(importedFunctions + i) ?? `func[${importedFunctions + i}]`, size }));
  return { functions, sections, named: names.size > 0 };
}

/** Groups that say where bytes go; other crates are shown under their own names. */
const GROUPS = [
  [/^(core|alloc|std)$/, 'core/std (generic)'],
  [/^(wasm_bindgen|js_sys|web_sys|wasm_bindgen_futures)$/, 'wasm-bindgen glue'],
  [/^(altitude|altitude_web)$/, 'altitude (the app and core)'],
];

const LEGACY_ESCAPES = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };

/**
 * A readable form of a Rust symbol, enough to attribute it: legacy (`_ZN...E`) symbols are decoded
 * in full; for v0 (`_R...`) symbols the identifiers are joined with `::` (the crate comes first).
 */
export function demangle(symbol) {
  if (symbol.startsWith('_ZN')) {
    const parts = [];
    let at = 3;
    while (at < symbol.length && symbol[at] !== 'E') {
      const digits = /^\d+/.exec(symbol.slice(at));
      if (!digits) break;
      at += digits[0].length;
      parts.push(symbol.slice(at, at + Number(digits[0])));
      at += Number(digits[0]);
    }
    if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
    return parts
      .map((part) =>
        part
          .replace(/^_\$/, '$')
          .replace(/\$u([0-9a-f]+)\$/g, (m, hex) => String.fromCodePoint(parseInt(hex, 16)))
          .replace(/\$([A-Z]{1,2})\$/g, (m, code) => LEGACY_ESCAPES[code] ?? m)
          .replace(/\.\./g, '::'),
      )
      .join('::');
  }
  if (symbol.startsWith('_R')) return demangleV0(symbol);
  return symbol;
}

/**
 * The identifiers of a v0 symbol in order (for a path the crate comes first), skipping what is not
 * a name: back-references `B…_`, lifetimes `L…_` and disambiguators `s…_` (after a crate `C`, impls `M X Y`,
 * or an identifier).
 */
function demangleV0(symbol) {
  const idents = [];
  let at = 2;
  let afterIdent = false;
  while (at < symbol.length) {
    const c = symbol[at];
    if (c >= '0' && c <= '9') {
      const digits = /^\d+/.exec(symbol.slice(at))[0];
      at += digits.length;
      if (symbol[at] === '_') at++;
      idents.push(symbol.slice(at, at + Number(digits)));
      at += Number(digits);
      afterIdent = true;
      continue;
    }
    const previous = symbol[at - 1];
    const skippable = c === 'B' || c === 'L' || (c === 's' && ('CMXY'.includes(previous) || afterIdent));
    const run = skippable ? /^.[0-9A-Za-z]*_/.exec(symbol.slice(at)) : null;
    at += run ? run[0].length : 1;
    afterIdent = false;
  }
  return idents.filter(Boolean).join('::');
}

/** The crate a demangled Rust function name belongs to: the first crate path in it (`<T as Trait>` by T). */
export function crateOf(name) {
  if (/^(__wbg|__wbindgen|__externref)/.test(name)) return 'wasm-bindgen glue';
  const match = /([A-Za-z_][A-Za-z0-9_]*)::/.exec(name);
  if (!match) return '(no crate: compiler/runtime)';
  const crate = match[1];
  for (const [pattern, group] of GROUPS) if (pattern.test(crate)) return group;
  return crate;
}

const NAME_NOTE = 'generic code is counted under the crate that defines it, e.g. a tachys view built for an app type under tachys';

/** Prints the top crates and functions by share of the wasm's code section. */
export function printContributors(wasmPath, { crates = 14, functions = 12 } = {}) {
  const { functions: mangled, named } = wasmFunctions(readFileSync(wasmPath));
  // wasm-bindgen demangles already (`core[c5930c85a12de822]::fmt`): crate hashes and symbol hashes go.
  const tidy = (name) => name.replace(/\[[0-9a-f]+\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
  const fns = mangled.map((f) => ({ ...f, name: tidy(demangle(f.name)) }));
  if (!named) {
    console.log(`(no name section in ${wasmPath}: no attribution)`);
    return;
  }
  const code = fns.reduce((t, f) => t + f.size, 0);
  const byCrate = new Map();
  for (const f of fns) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
  const pct = (n) => `${((100 * n) / code).toFixed(1).padStart(5)}%`;
  console.log(`\nTop contributors to the wasm's code (${code} bytes in ${fns.length} functions, from ${wasmPath}; ${NAME_NOTE}):`);
  for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, crates)) {
    console.log(`  ${pct(size)}  ${String(size).padStart(7)}  ${crate}`);
  }
  console.log('Largest functions:');
  for (const f of [...fns].sort((a, b) => b.size - a.size).slice(0, functions)) {
    const name = f.name;
    console.log(`  ${pct(f.size)}  ${String(f.size).padStart(7)}  ${name.length > 110 ? `${name.slice(0, 107)}...` : name}`);
  }
}

/**
 * The author's workbench (`author.html`, issue 27) is a bundle of its own in `dist/author/`: CodeMirror
 * and the core's checks, never fetched by a visitor of the assessment (`transferSizes` reads only
 * `dist/`'s own files). Its ceiling keeps it from growing unnoticed.
 */
// 395.8 KB when it landed, 435.6 KB as the widget grew: the widget's split point is an exported
// function, which kept the whole widget alive in the workbench's wasm. Built without the `split`
// feature (build/build-author.mjs), its wasm holds only the checks: 289.4 → 87.4 KB.
export const WORKBENCH = { dir: 'author', ceiling: 240_000 };

/** The workbench's files with their sizes; empty when it was not built. */
export function workbenchSizes(dist) {
  const dir = join(dist, WORKBENCH.dir);
  return existsSync(dir) ? transferSizes(dir).map((s) => ({ ...s, chunk: false })) : [];
}

/** The widget's wasm with names: wasm-opt (which strips them) keeps them only in this copy. */
export const NAMED_WASM = 'target/size/altitude-web.named.wasm';

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
  const sizes = transferSizes(dist);
  const { firstLoad, total, split } = printSizes(sizes);
  const workbench = workbenchSizes(dist);
  for (const s of workbench) console.log(row(`${WORKBENCH.dir}/${s.file} (workbench)`, s));
  const workbenchTotal = sum(workbench);
  console.log(row("the author's workbench (its own page)", workbenchTotal));
  if (existsSync(NAMED_WASM)) printContributors(NAMED_WASM);
  else console.log(`\n(${NAMED_WASM} is missing: \`make size\` writes it for the attribution)`);
  if (args.includes('--gate')) {
    const failures = [];
    if (split) {
      if (firstLoad.gzip > BUDGETS.firstLoad) failures.push(`first load ${firstLoad.gzip} B gzip is over ${BUDGETS.firstLoad}`);
      if (total.gzip > BUDGETS.total) failures.push(`total ${total.gzip} B gzip is over ${BUDGETS.total}`);
      console.log(`\nsize: first load ${firstLoad.gzip} of ${BUDGETS.firstLoad} B, total ${total.gzip} of ${BUDGETS.total} B (gzip -9)`);
      for (const [file, ceiling] of Object.entries(MODULE_CEILINGS)) {
        const module = sizes.find((s) => s.file === file);
        if (!module) failures.push(`${file} is missing: the modules' ceilings name the split's files`);
        else {
          console.log(`size: ${file} ${module.gzip} of ${ceiling} B`);
          if (module.gzip > ceiling) failures.push(`${file} ${module.gzip} B gzip is over its ceiling of ${ceiling}`);
        }
      }
      for (const [name, value] of [['first load', firstLoad.gzip], ['total', total.gzip]]) {
        const target = TARGETS[name === 'total' ? 'total' : 'firstLoad'];
        if (value > target) console.log(`note: the ${name} (${value} B) is over issue 14's ${target} B target`);
      }
    } else {
      failures.push('the wasm is not split: every later screen would be in the first download (see src/app/lazy_screens.rs)');
    }
    if (!workbench.length) failures.push(`${join(dist, WORKBENCH.dir)} is missing: \`make build\` builds the author's workbench`);
    else {
      console.log(`size: the author's workbench ${workbenchTotal.gzip} of ${WORKBENCH.ceiling} B, none of it in the visitor's download`);
      if (workbenchTotal.gzip > WORKBENCH.ceiling) failures.push(`the author's workbench ${workbenchTotal.gzip} B gzip is over its ceiling of ${WORKBENCH.ceiling}`);
    }
    if (existsSync(NAMED_WASM)) {
      const forbidden = forbiddenInFirstDownload(NAMED_WASM);
      for (const name of forbidden.slice(0, 10)) failures.push(`the first download holds ${name}, which belongs behind the split point`);
      if (!forbidden.length) console.log(`size: nothing of ${NOT_IN_FIRST_DOWNLOAD.length} forbidden kinds of code in the first download`);
    } else {
      failures.push(`${NAMED_WASM} is missing: \`make size\` writes it to check what the first download holds`);
    }
    for (const failure of failures) console.error(`size: ${failure}`);
    if (failures.length) process.exit(1);
  }
}
