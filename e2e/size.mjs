// The widget's transfer size: raw, gzip -9 and brotli -q 11 of the wasm, JS and CSS in dist/.
// With a budget in bytes, exits 1 when the gzip total exceeds it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export function transferSizes(dist) {
  // What a visitor's browser downloads for the widget: not the embed demo page's own files.
  const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && !f.startsWith('embed-demo'));
  return files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

export function printSizes(sizes) {
  const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  for (const s of [...sizes, { file: 'total', ...total }]) console.log(`${s.file.padEnd(44)} raw ${String(s.raw).padStart(8)}  gzip ${String(s.gzip).padStart(8)}  brotli ${String(s.brotli).padStart(8)}`);
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = 'dist', budget] = process.argv.slice(2);
  const total = printSizes(transferSizes(dist));
  if (budget && total.gzip > Number(budget)) {
    console.error(`size: the widget's gzip transfer is ${total.gzip} bytes, over the budget of ${budget}`);
    process.exit(1);
  }
  if (budget) console.log(`size: ${total.gzip} of ${budget} bytes (gzip -9) used`);
}
