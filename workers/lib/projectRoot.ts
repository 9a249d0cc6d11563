import fs from 'node:fs';
import path from 'node:path';

let root: string | undefined;

/** The repository's root (where package.json is), whether running from `dist/` or from sources. */
export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  root = dir;
  return dir;
}

/** A path inside the shipped word lists folder. */
export function wordlistPath(...parts: string[]): string {
  return path.join(projectRoot(), 'wordlists', ...parts);
}
