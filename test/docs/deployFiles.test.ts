import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from '../../server/env';
import { projectRoot } from '../../workers/lib/projectRoot';

const deploy = path.join(projectRoot(), 'deploy');
const units = () => fs.readdirSync(path.join(deploy, 'systemd')).map((name) => ({ name, text: fs.readFileSync(path.join(deploy, 'systemd', name), 'utf8') }));

/** KEY=value lines of an environment file, comments left out. */
function environmentFile(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at), line.slice(at + 1)] as const;
    });
  return Object.fromEntries(entries);
}

/**
 * Keeps deploy/ and docs/operations.md true to the product: the units start programs the build
 * makes, the environment file passes the product's own check, and every admin command the guide
 * tells an operator to run exists.
 */
describe('the production install files and the operations guide', () => {
  it('starts, in every service unit, a program that the build makes', () => {
    const services = units().filter((unit) => unit.name.endsWith('.service'));
    assert.ok(services.length >= 4, 'server, worker, monitor and backup units');
    for (const unit of services) {
      const exec = /^ExecStart=\/usr\/bin\/node (\S+)/m.exec(unit.text);
      assert.ok(exec, `${unit.name} starts node`);
      assert.ok(fs.existsSync(path.join(projectRoot(), exec[1]!)), `${unit.name}: ${exec[1]} is built`);
      assert.match(unit.text, /^EnvironmentFile=\/etc\/gov-review\/gov-review\.env$/m, unit.name);
    }
  });

  it('names a backup directory that the backup unit may write and the guide creates', () => {
    const backup = units().find((unit) => unit.name === 'gov-review-backup.service')!;
    const dir = /--dir (\S+)/.exec(backup.text)![1]!;
    assert.match(backup.text, new RegExp(`^ReadWritePaths=${dir}$`, 'm'));
    assert.ok(fs.readFileSync(path.join(projectRoot(), 'docs', 'operations.md'), 'utf8').includes(`install -d -o govreview -g govreview -m 0700 ${dir}`));
    assert.ok(units().some((unit) => unit.name === 'gov-review-backup.timer'));
  });

  it('ships an environment file that the product accepts as it is', () => {
    const values = environmentFile(fs.readFileSync(path.join(deploy, 'gov-review.env.example'), 'utf8'));
    assert.equal(values.NODE_ENV, 'production');
    const parsed = parseEnv(values);
    assert.equal(parsed.TRUST_PROXY, values.TRUST_PROXY);
    assert.equal(parsed.REDIS_PREFIX, values.REDIS_PREFIX);
  });

  it('tells the operator only admin commands that exist', () => {
    const guide = fs.readFileSync(path.join(projectRoot(), 'docs', 'operations.md'), 'utf8');
    const usage = fs.readFileSync(path.join(projectRoot(), 'server', 'cli', 'admin.ts'), 'utf8');
    const commands = new Set([...guide.matchAll(/admin -- ([a-z:-]+)/g)].map((match) => match[1]!));
    assert.ok(commands.has('backup') && commands.has('audit:verify'));
    for (const command of commands) assert.ok(usage.includes(`case '${command}':`), `admin ${command} exists`);
  });
});
