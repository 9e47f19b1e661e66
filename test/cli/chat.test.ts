import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHAT = join(__dirname, '..', '..', 'src', 'cli', 'chat.js');

describe('npm run chat (terminal chat through the server pipeline)', function () {
  this.timeout(60_000);

  it('works with piped stdin: welcome, help, a question with sources, numbered choices, "exit" for the bot, /quit for the chat', () => {
    const events = mkdtempSync(join(tmpdir(), 'chat-events-'));
    const r = spawnSync(process.execPath, ['--no-deprecation', CHAT, '--locale', 'en-US'], {
      input: 'help\nWhy does my flow connection become invalid?\ntroubleshoot\nexit\n/quit\nthis line is never sent\n',
      encoding: 'utf8',
      env: { ...process.env, AZURE_STORAGE_CONNECTION_STRING: '', MicrosoftAppId: '', PORT: '0', EVENT_LOG_DIR: events },
    });
    rmSync(events, { recursive: true, force: true });
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout;
    assert.match(out, /bot> Power Automate connection helper/);
    assert.match(out, /you> help\nbot> What I can do/);
    assert.match(out, /Sources:\n\s+- “.+” https:\/\/\S+\n\s+- \[1\] “/);
    assert.match(out, /\n\s+1\. /, 'choices numbered');
    assert.match(out, /you> exit\nbot> Diagnosis cancelled\./, '"exit" reaches the bot, which ends the diagnosis');
    assert.doesNotMatch(out, /never sent/);
  });
});
