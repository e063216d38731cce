// Builds the author's workbench (issue 27), a page of its own that a visitor of the assessment never
// downloads: the core's checks compiled to a wasm of their own (the `altitude-author` binary, with
// wasm-bindgen's `problems` and `lint`), and author/author.js with CodeMirror 6 bundled by esbuild.
//
//   node build/build-author.mjs [DIST]
//
// writes DIST/author.html, DIST/author/{author.js,author.css,altitude_author_bg.wasm,example-set.json}.
// Trunk runs it as a post_build hook (Trunk.toml), with DIST its staging folder, so `make build` and
// `make serve` both have the page; build/finish-build.mjs then compresses it with the rest.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { optimise } from './build-wasm.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const PKG = join(ROOT, 'target', 'author', 'pkg');
const dist = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dist) throw new Error('usage: node build/build-author.mjs DIST (or as a Trunk hook)');
const out = join(dist, 'author');

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', cwd: ROOT });
// Without the default `split` feature: its split point is an exported function of the widget's shell,
// and an export keeps the whole widget (Leptos, every screen) alive in any wasm that links the crate;
// without it the linker keeps only what `problems` and `lint` reach (measured: 289 KB → see make size).
run('cargo', ['build', '--release', '--locked', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--bin', 'altitude-author']);
rmSync(PKG, { recursive: true, force: true });
mkdirSync(PKG, { recursive: true });
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', PKG, '--out-name', 'altitude_author',
  join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'altitude-author.wasm')]);
optimise(join(PKG, 'altitude_author_bg.wasm'), join(out, 'altitude_author_bg.wasm'));
await build({
  entryPoints: [join(ROOT, 'author', 'author.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  alias: { 'altitude-author-core': join(PKG, 'altitude_author.js') },
  // CodeMirror is installed with the build's other tools, not beside author/.
  nodePaths: [join(ROOT, 'build', 'node_modules')],
  outfile: join(out, 'author.js'),
  logLevel: 'warning',
});
copyFileSync(join(ROOT, 'author', 'author.css'), join(out, 'author.css'));
copyFileSync(join(ROOT, 'author', 'author.html'), join(dist, 'author.html'));
// "The minimal example" of the start-from list: the format-2 example of docs/authoring.md.
copyFileSync(join(ROOT, 'docs', 'example-set-2.json'), join(out, 'example-set.json'));
console.log(`the author's workbench: ${out}`);
