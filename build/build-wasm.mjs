// Builds the widget's wasm in place of Trunk's Rust step, because Trunk 0.21 has no code-splitting
// step and the split must happen between cargo and wasm-bindgen. Trunk runs this as hooks
// (Trunk.toml), so `make build` and `make serve` both use it:
//
//   pre_build   cargo (with relocations kept) → wasm-split-cli (one module per `#[lazy]` split point,
//               plus `__wasm_split.js`, which loads them relative to itself) → wasm-bindgen (glue) →
//               the glue's imports' names shortened → wasm-opt -Oz on every module (the main one
//               without the unused stream classes' exports) → target/web/out/
//   post_build  copies target/web/out/ into Trunk's staging folder, beside altitude.js
//
// The widget always has a split point (src/app/lazy_screens.rs); a build without one fails here
// rather than quietly shipping every screen in the first download.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leb, readImport } from './size.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const WEB = join(ROOT, 'target', 'web');
const OUT = join(WEB, 'out');
// Its own target folder: the relocation flag changes every crate's fingerprint, and sharing the
// folder with clippy and the wasm tests would rebuild everything on each switch.
const SPLIT_TARGET_DIR = join(ROOT, 'target', 'split');
const NAME = 'altitude-web';
// wasm-opt's flags beside -Oz: the features rustc emits, and that the first 1 KiB of memory is
// unused (Rust's stack sits below 1 MiB).
const WASM_OPT_FLAGS = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--low-memory-unused'];

/**
 * Optimises one module for size. Folding identical and near-identical functions first gives -Oz's
 * inliner fewer, larger functions to weigh (monomorphised Leptos views are many copies of one shape);
 * the producers and target-features sections are of no use to a browser. In the main module only,
 * a function with one caller is inlined up to 50 instructions rather than wasm-opt's default, which
 * pays there (a caller and its only callee compress better as one body) but makes the split
 * modules, whose functions the main module calls through the table, larger.
 * Measured on 2026-12-05's build: first load −2.5 KB gzip, total −3.3 KB (see build/size.mjs).
 */
export function optimise(input, output, { main = false, names = false } = {}) {
  const unused = main ? UNUSED_EXPORTS.flatMap((pattern) => ['--remove-exports', `--pass-arg=remove-exports@${pattern}`]) : [];
  const fold = ['--duplicate-function-elimination', '--merge-similar-functions'];
  const inline = main ? ['--one-caller-inline-max-function-size=50'] : [];
  const strip = names ? ['-g'] : ['--strip-producers', '--strip-target-features'];
  // Passes run in the order given: the unused exports go first, so -Oz removes the code they kept.
  run('wasm-opt', [...WASM_OPT_FLAGS, ...unused, ...inline, ...fold, '-Oz', ...strip, input, '-o', output]);
}

/**
 * Exports that wasm-bindgen writes and Altitude never calls: Leptos always turns on server_fn's
 * `browser` feature, whose wasm-streams exports a stream source, a byte source and a sink
 * (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`, `IntoUnderlyingSink`) for server functions, which a
 * client-only widget has none of. An export keeps its code alive through every optimisation, so
 * binaryen's `--remove-exports` takes them out of the main module (its wildcards, one pattern each).
 * Their classes stay in the glue, unused: taking them out needed regular expressions over generated
 * code (0.3 KB gzip), which a new wasm-bindgen could silently break; the fix belongs upstream
 * (docs/upstream.md). Measured on 2026-12-07's build: first load −1.5 KB gzip.
 */
const UNUSED_EXPORTS = ['*intounderlying*'];

function unsignedLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/**
 * The wasm binary with the body of its section `id` (one of each kind here) replaced by what
 * `rewrite(bytes, start)` returns for it: the body's entries, without their count, how many, and
 * where its reading of the old body ended (which must be the section's end).
 */
function withSection(bytes, id, rewrite) {
  const parts = [bytes.subarray(0, 8)];
  for (let at = 8; at < bytes.length; ) {
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (bytes[at] === id) {
      const { entries, count, read } = rewrite(bytes, start);
      if (read !== end) throw new Error(`build-wasm.mjs: section ${id} was misread (ended at ${read}, not ${end})`);
      const body = Buffer.concat([Buffer.from(unsignedLeb(count)), ...entries]);
      parts.push(Buffer.from([id, ...unsignedLeb(body.length)]), body);
    } else {
      parts.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return Buffer.concat(parts);
}

const IMPORT_SECTION = 2;

const withLength = (text) => {
  const bytes = Buffer.from(text);
  return Buffer.concat([Buffer.from(unsignedLeb(bytes.length)), bytes]);
};

/**
 * Gives the functions the glue provides to the wasm short names in both: wasm-bindgen names each
 * after the JS it calls plus 16 hex digits of hash (`__wbg_new_cd4348290afae586`), 150 times over in
 * the wasm and again in the glue, and hex does not compress. A minifier cannot do it, as the names
 * join two files. Measured on 2026-12-07's build: first load −4.9 KB gzip (wasm −2.9, glue −2.0).
 * Binaryen's own pass cannot: wasm-opt 132's --minify-imports renames only the imports of
 * Emscripten's `env` and `wasi_*` modules (tried on this wasm: none of the glue's imports changed),
 * and --minify-imports-and-exports would rename the exports that wasm-split's modules call.
 * Fails the build unless each name appears exactly once in the glue, as its key in the imports.
 */
function shortenImportNames(dir) {
  const wasmPath = join(dir, `${NAME}_bg.wasm`);
  const gluePath = join(dir, `${NAME}.js`);
  const bytes = readFileSync(wasmPath);
  let glue = readFileSync(gluePath, 'utf8');
  const glueModule = `./${NAME}_bg.js`;
  const short = new Map();
  const rewritten = withSection(bytes, IMPORT_SECTION, (bytes, start) => {
    let [count, p] = leb(bytes, start);
    const entries = [];
    for (let i = 0; i < count; i++) {
      const entry = readImport(bytes, p);
      p = entry.end;
      let name = entry.name;
      if (entry.module === glueModule) {
        if (!short.has(name)) short.set(name, `_${short.size.toString(36)}`);
        name = short.get(name);
      }
      entries.push(withLength(entry.module), withLength(name), entry.description);
    }
    return { entries, count, read: p };
  });
  for (const [long, name] of short) {
    const key = new RegExp(`^        ${long}:`, 'm');
    if (glue.split(long).length !== 2 || !key.test(glue)) throw new Error(`build-wasm.mjs: ${long} is not once a key of the glue's imports; update shortenImportNames`);
    glue = glue.replace(key, `        ${name}:`);
  }
  writeFileSync(wasmPath, rewritten);
  writeFileSync(gluePath, glue);
  console.log(`shortened the names of ${short.size} imports the glue provides`);
}

const run = (command, args, env = {}) => execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });

function build() {
  rmSync(WEB, { recursive: true, force: true });
  for (const dir of ['split', 'pkg', 'out']) mkdirSync(join(WEB, dir), { recursive: true });
  const cargo = ['build', '--release', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', NAME];
  // wasm-split reads the linker's relocations to move functions out of the main module. Added with
  // --config, which cargo joins to .cargo/config.toml's flags (RUSTFLAGS would replace them).
  const relocs = 'target.wasm32-unknown-unknown.rustflags=["-Clink-args=--emit-relocs"]';
  run('cargo', [...cargo, '--config', relocs], { CARGO_TARGET_DIR: SPLIT_TARGET_DIR });
  const linked = join(SPLIT_TARGET_DIR, 'wasm32-unknown-unknown', 'release', `${NAME}.wasm`);
  run('wasm-split-cli', ['--target', 'web', '--out-name', NAME, linked, join(WEB, 'split')]);
  if (readdirSync(join(WEB, 'split')).filter((file) => file.endsWith('.wasm')).length < 2) {
    throw new Error('build-wasm.mjs: wasm-split made no later module: is there still a #[lazy] split point in src/?');
  }
  // The split modules call into the main one through its table and exports, which wasm-bindgen
  // must therefore keep as the linker wrote them.
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--no-demangle', '--out-dir', join(WEB, 'pkg'), '--out-name', NAME, join(WEB, 'split', `${NAME}.wasm`)]);
  shortenImportNames(join(WEB, 'pkg'));
  optimise(join(WEB, 'pkg', `${NAME}_bg.wasm`), join(OUT, `${NAME}_bg.wasm`), { main: true });
  copyFileSync(join(WEB, 'pkg', `${NAME}.js`), join(OUT, `${NAME}.js`));
  for (const file of readdirSync(join(WEB, 'split'))) {
    if (file === `${NAME}.wasm`) continue;
    if (file.endsWith('.wasm')) optimise(join(WEB, 'split', file), join(OUT, file));
    else copyFileSync(join(WEB, 'split', file), join(OUT, file));
  }
  // wasm-bindgen's snippets (none today) would live beside the glue.
  if (existsSync(join(WEB, 'pkg', 'snippets'))) throw new Error('wasm-bindgen wrote snippets/: copy them in build-wasm.mjs');
}

function stage() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error('post_build needs TRUNK_STAGING_DIR (run by Trunk)');
  for (const file of readdirSync(OUT)) copyFileSync(join(OUT, file), join(staging, file));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const step = process.argv[2];
  if (step === 'build') build();
  else if (step === 'stage') stage();
  // The main module optimised as shipped but with its function names, for `make size`'s attribution.
  else if (step === 'named' && process.argv[3]) optimise(join(WEB, 'pkg', `${NAME}_bg.wasm`), process.argv[3], { main: true, names: true });
  else throw new Error('usage: node build/build-wasm.mjs build|stage|named OUTPUT');
}
