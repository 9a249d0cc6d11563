import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../workers/lib/projectRoot';

/**
 * Keeps docs/openapi.yaml true: every route the server mounts is documented, and every
 * documented path is mounted. Routes are read from the sources: app.ts mounts routers with
 * app.use('/api/…', …, fooRoutes(…)) and each router declares router.<method>('<path>', …).
 */
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function mountedRoutes(): Set<string> {
  const serverDir = path.join(projectRoot(), 'server');
  const app = fs.readFileSync(path.join(serverDir, 'app.ts'), 'utf8');
  const routes = new Set<string>();
  const mounts = [...app.matchAll(/app\.use\('(\/api\/[^']*)',[^;]*?\b(\w+Routes)\(/g)];
  assert.ok(mounts.length >= 4, 'app.ts mounts its routers as expected');
  const routeFiles = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const source = fs.readFileSync(full, 'utf8');
        for (const match of source.matchAll(/export function (\w+Routes)\(/g)) routeFiles.set(match[1]!, source);
      }
    }
  };
  walk(path.join(serverDir, 'routes'));
  for (const [, mount, factory] of mounts) {
    const source = routeFiles.get(factory!);
    assert.ok(source, `the router ${factory} mounted at ${mount} is defined under server/routes`);
    for (const match of source!.matchAll(/router\.(get|post|put|patch|delete)\(\s*'([^']*)'/g)) {
      const sub = match[2] === '/' ? '' : match[2]!;
      const full = `${mount}${sub}`.replace(/:(\w+)/g, '{$1}');
      routes.add(`${match[1]!.toUpperCase()} ${full}`);
    }
  }
  return routes;
}

function documentedRoutes(): Set<string> {
  const document = parse(fs.readFileSync(path.join(projectRoot(), 'docs', 'openapi.yaml'), 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const routes = new Set<string>();
  for (const [route, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) if (METHODS.includes(method)) routes.add(`${method.toUpperCase()} ${route}`);
  }
  return routes;
}

describe('the OpenAPI document', () => {
  it('documents every mounted route and nothing that is not mounted', () => {
    const mounted = mountedRoutes();
    const documented = documentedRoutes();
    const undocumented = [...mounted].filter((r) => !documented.has(r));
    const phantom = [...documented].filter((r) => !mounted.has(r));
    assert.deepEqual(undocumented, [], 'routes missing from docs/openapi.yaml');
    assert.deepEqual(phantom, [], 'documented routes that the server does not mount');
  });
});
