import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_MANIFEST_DIR,
  PLACEHOLDER_APP_ID,
  checkLocalizationKeys,
  checkManifestDir,
  inspectPng,
  readJson,
  readManifest,
  schemaDir,
  validateLocalizationSchema,
  validateManifestSchema,
} from '../../src/cli/package-teams.js';
import { COMMANDS, findCommand } from '../../src/core/vocabulary.js';
import { welcomeExamples } from '../../src/bot/cards/welcome-card.js';
import { t } from '../../src/bot/language/strings.js';

const MANIFEST_DIR = DEFAULT_MANIFEST_DIR;
const SCOPES = ['personal', 'team', 'groupChat'];

describe('Teams app manifest (manifest/)', () => {
  const manifest = readManifest(MANIFEST_DIR);
  const ja = readJson(join(MANIFEST_DIR, 'ja.json'));

  it('uses a manifest version whose schema ships in @microsoft/app-manifest, and $schema points at it', () => {
    assert.match(manifest.manifestVersion, /^1\.\d+$/);
    assert.ok(Number(manifest.manifestVersion.split('.')[1]) >= 19, 'a current manifest version (1.19 or newer)');
    assert.ok(schemaDir(manifest.manifestVersion)); // throws if the package lacks it
    assert.equal(
      manifest.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    assert.equal(
      ja.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
    );
  });

  it('manifest.json validates against the shipped schema (offline)', () => {
    assert.deepEqual(validateManifestSchema(manifest), []);
  });

  it('the schema check is real: a broken manifest is rejected', () => {
    const broken = JSON.parse(JSON.stringify(manifest));
    broken.bots[0].scopes.push('everywhere');
    delete broken.accentColor;
    const errors = validateManifestSchema(broken);
    assert.ok(errors.some((e) => e.includes('/bots/0/scopes')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('accentColor')), errors.join('\n'));
  });

  it('ja.json validates against the shipped localization schema and covers every command', () => {
    assert.deepEqual(validateLocalizationSchema(manifest.manifestVersion, ja, 'ja.json'), []);
    assert.deepEqual(checkLocalizationKeys(manifest, ja, 'ja.json'), []);
    assert.deepEqual(
      validateLocalizationSchema(manifest.manifestVersion, { 'name.short': 'x' }, 'bad.json').length > 0,
      true,
    );
  });

  it('declares English as default and Japanese (ja-jp → ja.json) as additional language', () => {
    assert.equal(manifest.localizationInfo?.defaultLanguageTag, 'en-us');
    assert.deepEqual(manifest.localizationInfo?.additionalLanguages, [{ languageTag: 'ja-jp', file: 'ja.json' }]);
    assert.match(String(ja['name.short']), /[\u3040-\u30ff\u4e00-\u9fff]/);
    assert.match(String(ja['description.full']), /無効な接続/);
  });

  it('has the placeholder app id and bot id, developer https URLs and names/descriptions', () => {
    assert.equal(manifest.id, PLACEHOLDER_APP_ID);
    assert.equal(manifest.bots?.[0].botId, PLACEHOLDER_APP_ID);
    const dev = manifest.developer as Record<string, string>;
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) assert.match(dev[key], /^https:\/\//, key);
    const name = manifest.name as Record<string, string>;
    const description = manifest.description as Record<string, string>;
    assert.ok(name.short && name.full && description.short && description.full);
    assert.match(String(manifest.accentColor), /^#[0-9a-fA-F]{6}$/);
  });

  it('bot: personal, team and groupChat scopes; conversational; no files', () => {
    const bot = manifest.bots![0] as Record<string, unknown>;
    assert.deepEqual([...(bot.scopes as string[])].sort(), [...SCOPES].sort());
    assert.equal(bot.supportsFiles, false);
    assert.equal(bot.isNotificationOnly, false);
  });

  it('one command list per scope, each with the same commands', () => {
    const lists = manifest.bots![0].commandLists!;
    assert.deepEqual(lists.map((l) => l.scopes).flat().sort(), [...SCOPES].sort());
    for (const list of lists) {
      assert.equal(list.scopes.length, 1);
      assert.deepEqual(list.commands, lists[0].commands);
    }
  });

  it('command titles and descriptions equal src/bot/commands.ts (English in manifest.json, Japanese in ja.json)', () => {
    manifest.bots![0].commandLists!.forEach((list, l) => {
      assert.deepEqual(
        list.commands.filter((c) => c.type !== 'prompt').map((c) => ({ title: c.title, description: c.description })),
        COMMANDS.map((c) => ({ title: c.title.en, description: c.description.en })),
      );
      assert.deepEqual(
        COMMANDS.map((_, i) => ({
          title: ja[`bots[0].commandLists[${l}].commands[${i}].title`],
          description: ja[`bots[0].commandLists[${l}].commands[${i}].description`],
        })),
        COMMANDS.map((c) => ({ title: c.title.ja, description: c.description.ja })),
      );
    });
  });

  it('prompt starters are the welcome card\'s example questions, in both languages', () => {
    manifest.bots![0].commandLists!.forEach((list, l) => {
      const prompts = list.commands.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'prompt');
      assert.deepEqual(
        prompts.map(({ c }) => ({ title: c.title, prompt: c.prompt })),
        welcomeExamples('en').map((prompt, i) => ({ title: t('en', 'welcomeExampleTitles').split('\n')[i], prompt })),
      );
      assert.deepEqual(
        prompts.map(({ i }) => ({ title: ja[`bots[0].commandLists[${l}].commands[${i}].title`], prompt: ja[`bots[0].commandLists[${l}].commands[${i}].prompt`] })),
        welcomeExamples('ja').map((prompt, i) => ({ title: t('ja', 'welcomeExampleTitles').split('\n')[i], prompt })),
      );
    });
    const noPrompt = JSON.parse(JSON.stringify(manifest));
    delete noPrompt.bots[0].commandLists[0].commands.at(-1).prompt;
    assert.ok(checkLocalizationKeys(noPrompt, ja, 'ja.json').some((e) => e.includes('.prompt')), 'a translated prompt needs its English');
  });

  it('every command title Teams can send (both languages) is understood by the bot as that command', () => {
    for (const c of COMMANDS) {
      assert.equal(findCommand(c.title.en)?.id, c.id, c.title.en);
      assert.equal(findCommand(c.title.ja)?.id, c.id, c.title.ja);
    }
  });

  it('icons: color.png 192×192, outline.png 32×32 white on transparent', () => {
    const color = inspectPng(readFileSync(join(MANIFEST_DIR, manifest.icons.color)));
    assert.deepEqual([color.width, color.height], [192, 192]);
    const outline = inspectPng(readFileSync(join(MANIFEST_DIR, manifest.icons.outline)));
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    assert.equal(outline.whiteOrTransparent, true, 'only white (any alpha) or fully transparent pixels');
    assert.equal(outline.hasOpaque, true);
    assert.equal(outline.hasTransparent, true);
  });

  it('manifest/ holds only the package files, and the whole folder passes every packaging check', () => {
    assert.deepEqual(readdirSync(MANIFEST_DIR).sort(), ['color.png', 'ja.json', 'manifest.json', 'outline.png']);
    assert.deepEqual(checkManifestDir(MANIFEST_DIR), []);
  });
});
