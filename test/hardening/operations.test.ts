/**
 * What an operator sees: a bad setting stops the start with one line naming
 * the variable, a normal start prints no deprecation warning, files we write
 * get the usual permissions, and a refused id says what is wrong with it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppPackage } from '../../src/cli/package-teams.js';
import { repoRoot } from '../../src/core/repo-root.js';
import { activityProblem } from '../../src/server/validate.js';

const MAIN = join(repoRoot(), 'dist', 'src', 'server', 'main.js');

function start(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', PORT: '0', ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hardening: operations', function () {
  this.timeout(60_000);

  it('invalid LOG_LEVEL, PORT, MAX_BODY_BYTES, MicrosoftAppType: exit 1 with one line naming the variable, no stack trace', () => {
    const cases: [Record<string, string>, string][] = [
      [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
      [{ PORT: '99999' }, 'PORT'],
      [{ PORT: 'http' }, 'PORT'],
      [{ MAX_BODY_BYTES: '12' }, 'MAX_BODY_BYTES'],
      [{ MAX_BODY_BYTES: '1e9' }, 'MAX_BODY_BYTES'],
      [{ MicrosoftAppType: 'Personal' }, 'MicrosoftAppType'],
      [{ OUTBOUND_TIMEOUT_MS: '0' }, 'OUTBOUND_TIMEOUT_MS'],
    ];
    for (const [env, name] of cases) {
      const r = start(env);
      assert.equal(r.status, 1, JSON.stringify(env));
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], new RegExp(`^Configuration error: ${name} `));
      assert.equal(r.stdout, '');
    }
  });

  it('a normal start prints no deprecation warning (nor any other) on stderr', () => {
    // Everything the server loads at start, in a fresh process.
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(repoRoot(), 'dist', 'src', 'server', 'app.js'))}); require('botbuilder'); require('botbuilder-azure-blobs');`], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    // The warning is dropped only while restify loads: later ones still show.
    const later = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(repoRoot(), 'dist', 'src', 'server', 'restify.js'))}); process.binding('http_parser');`], { encoding: 'utf8' });
    assert.match(later.stderr, /DEP0111/);
  });

  it('the Teams package is written with the usual permissions (umask applied, not 0666)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pkg-')), 'app.zip');
    buildAppPackage({ appId: '11111111-2222-3333-4444-555555555555', outFile: out });
    assert.equal(statSync(out).mode & 0o777, 0o666 & ~process.umask());
  });

  it('an id that is too long is refused as too long, not as missing', () => {
    const body = {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1/',
      conversation: { id: 'c'.repeat(2049) },
      from: { id: 'u' },
      recipient: { id: 'b' },
    };
    assert.equal(activityProblem(body), 'conversation.id is longer than 2048 characters (2049)');
    assert.equal(activityProblem({ ...body, conversation: {} }), 'conversation.id is missing');
    assert.equal(activityProblem({ ...body, conversation: { id: 42 } }), 'conversation.id is not a string');
    assert.equal(activityProblem({ ...body, conversation: { id: 'c' }, from: { id: 'u'.repeat(3000) } }), 'from.id is longer than 2048 characters (3000)');
  });
});
