import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import {
  DEFAULT_MANIFEST_DIR,
  PLACEHOLDER_APP_ID,
  PackageError,
  buildAppPackage,
  readManifest,
  resolveAppId,
  validateManifestSchema,
  type Manifest,
} from '../../src/cli/package-teams.js';

const CLI = join(__dirname, '..', '..', 'src', 'cli', 'package-teams.js');
const FAKE_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function run(args: string[], env: Record<string, string | undefined>) {
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return spawnSync(process.execPath, [CLI, ...args], { env: childEnv, encoding: 'utf8' });
}

describe('npm run package:teams (src/cli/package-teams.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'teams-pkg-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a zip with manifest.json, ja.json, color.png, outline.png at the root and the app id filled in', () => {
    const out = join(dir, 'nested', 'appPackage.zip');
    const r = run(['--out', out], { MicrosoftAppId: FAKE_ID.toUpperCase(), MicrosoftAppPassword: 'not-a-real-secret' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(out));
    assert.match(r.stdout, /appPackage\.zip/);
    assert.match(r.stdout, new RegExp(`app version:\\s+${readManifest().version.replace(/\./g, '\\.')}`));
    assert.match(r.stdout, new RegExp(FAKE_ID));
    assert.doesNotMatch(r.stdout + r.stderr, /not-a-real-secret/);

    const zip = new AdmZip(out);
    const names = zip.getEntries().map((e) => e.entryName).sort();
    assert.deepEqual(names, ['color.png', 'ja.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as Manifest;
    assert.equal(manifest.id, FAKE_ID);
    assert.equal(manifest.bots?.[0].botId, FAKE_ID);
    assert.doesNotMatch(JSON.stringify(manifest), new RegExp(PLACEHOLDER_APP_ID));
    assert.deepEqual(validateManifestSchema(manifest), []);
    const color = PNG.sync.read(zip.readFile('color.png')!);
    assert.deepEqual([color.width, color.height], [192, 192]);
    assert.ok(JSON.parse(zip.readAsText('ja.json'))['name.short']);
  });

  for (const [label, value] of [
    ['unset', undefined],
    ['empty', ''],
    ['not a GUID', 'my-bot'],
    ['a GUID with extra text', `${FAKE_ID}x`],
  ] as const) {
    it(`rejects MicrosoftAppId (${label}) with exit code 2 and a clear message, writing nothing`, () => {
      const out = join(dir, 'appPackage.zip');
      const r = run(['--out', out], { MicrosoftAppId: value });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /MicrosoftAppId/);
      assert.equal(existsSync(out), false);
    });
  }

  it('--allow-placeholder packages with the placeholder id when MicrosoftAppId is unset, and says so', () => {
    const out = join(dir, 'appPackage.zip');
    const r = run(['--out', out, '--allow-placeholder'], { MicrosoftAppId: undefined });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /PLACEHOLDER/);
    const manifest = JSON.parse(new AdmZip(out).readAsText('manifest.json')) as Manifest;
    assert.equal(manifest.id, PLACEHOLDER_APP_ID);
  });

  it('resolveAppId: GUIDs accepted (normalised to lower case), anything else is a PackageError with exit code 2', () => {
    assert.equal(resolveAppId(` ${FAKE_ID.toUpperCase()} `, false), FAKE_ID);
    assert.equal(resolveAppId(undefined, true), PLACEHOLDER_APP_ID);
    assert.throws(() => resolveAppId('bad', true), (e: unknown) => e instanceof PackageError && e.exitCode === 2);
  });

  it('refuses (exit 1) a manifest folder whose icon has the wrong size, naming the problem', () => {
    const copy = join(dir, 'manifest');
    cpSync(DEFAULT_MANIFEST_DIR, copy, { recursive: true });
    writeFileSync(join(copy, 'color.png'), PNG.sync.write(new PNG({ width: 100, height: 100 })));
    const r = run(['--out', join(dir, 'x.zip'), '--manifest-dir', copy], { MicrosoftAppId: FAKE_ID });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /icons\.color.*100×100.*192×192/);
    assert.throws(
      () => buildAppPackage({ manifestDir: copy, outFile: join(dir, 'y.zip'), appId: FAKE_ID }),
      (e: unknown) => e instanceof PackageError && e.exitCode === 1,
    );
  });
});
