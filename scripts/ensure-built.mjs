// Builds the TypeScript (and the console) only when a source is newer than the last build, so that
// `npm run server`, `worker`, `admin` and `screen` work on a fresh clone and start fast afterwards.
// Several processes may start at once: a lock directory lets one build while the others wait.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const lock = path.join(root, 'dist', '.build-lock');
const SOURCE_DIRS = ['server', 'workers', 'scripts', 'test', 'client'];
const SOURCE_FILES = ['tsconfig.json', 'package-lock.json', 'vite.config.mts'];

function newestSource() {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try { stat = fs.statSync(p); } catch { return; }
    if (stat.isDirectory()) {
      if (path.basename(p) === 'node_modules' || path.basename(p) === 'dist') return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of SOURCE_DIRS) visit(path.join(root, dir));
  for (const file of SOURCE_FILES) visit(path.join(root, file));
  return newest;
}

function upToDate() {
  try {
    return fs.statSync(stamp).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

if (!upToDate() || process.argv.includes('--force')) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than five minutes belongs to a build that died.
      try { if (Date.now() - fs.statSync(lock).mtimeMs > 300_000) fs.rmSync(lock, { recursive: true, force: true }); } catch {}
      if (Date.now() > deadline) throw new Error('another build held the lock for more than 5 minutes');
      sleep(250);
    }
  }
  try {
    if (!upToDate() || process.argv.includes('--force')) {
      const started = Date.now();
      const builtAt = new Date();
      process.stderr.write('building (TypeScript, WebAssembly and console)…\n');
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: ['ignore', 2, 2] });
      // The matcher's scan loop, in AssemblyScript (workers/wasm/): see workers/lib/wasmScanLoop.ts.
      const asc = path.join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
      const wasmSource = path.join(root, 'workers', 'wasm', 'termScan.ts');
      const wasmOut = path.join(root, 'dist', 'workers', 'wasm', 'termScan.wasm');
      execFileSync(process.execPath, [asc, wasmSource, '-O3', '--runtime', 'stub', '--noAssert', '--importMemory', '--use', 'abort=', '-o', wasmOut], { cwd: root, stdio: ['ignore', 2, 2] });
      if (fs.existsSync(path.join(root, 'client', 'index.html'))) {
        execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 2, 2] });
      }
      fs.writeFileSync(stamp, '');
      fs.utimesSync(stamp, builtAt, builtAt);
      process.stderr.write(`built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
