import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotEvent } from '../../../src/core/events/index.js';
import { BlobEventSink } from '../../../src/server/events/blob-sink.js';
import { loadEventLogConfig, EventLogConfigError } from '../../../src/server/events/config.js';
import { createEventLog } from '../../../src/server/events/create.js';
import { EventLog } from '../../../src/server/events/event-log.js';
import { FileEventSink } from '../../../src/server/events/file-sink.js';
import { Azurite } from '../azurite.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const declined = (text: string, time = NOW): BotEvent => ({ kind: 'question', time: time.toISOString(), outcome: 'declined', lang: 'ja', hash: 'h', text });

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'events-'));
}

function readLines(dir: string): any[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l));
}

describe('event log in local day files', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const log = (extra: Partial<ConstructorParameters<typeof EventLog>[1]> = {}, warnings: string[] = []) =>
    new EventLog(new FileEventSink(dir, 'test'), {
      keepText: true,
      maxBytesPerDay: 1_000_000,
      retentionDays: 30,
      now: () => NOW,
      logger: { warn: (_o, msg) => warnings.push(msg) },
      ...extra,
    });

  it('writes redacted JSON lines to a day file, skipping empty feedback', async () => {
    const l = log();
    l.record(declined('ken@contoso.com の接続が無効 3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f'));
    l.record({ kind: 'feedback', time: NOW.toISOString(), reaction: null, answerId: null });
    l.record({ kind: 'feedback', time: NOW.toISOString(), reaction: 'dislike', answerId: 'mfa-basics', comment: '違う' });
    await l.flush();
    assert.deepEqual(readdirSync(dir), ['2026-12-01.test.jsonl']);
    const lines = readLines(dir);
    assert.equal(lines.length, 2);
    assert.equal(lines[0].text, '[email] の接続が無効 [guid]');
    assert.equal(lines[1].answerId, 'mfa-basics');
    assert.equal(statSync(join(dir, '2026-12-01.test.jsonl')).mode & 0o777, 0o644);
  });

  it('caps each day at the configured size and says so once', async () => {
    const warnings: string[] = [];
    const l = log({ maxBytesPerDay: 400 }, warnings);
    for (let i = 0; i < 20; i++) l.record(declined(`質問 ${i}`));
    await l.flush();
    const size = statSync(join(dir, '2026-12-01.test.jsonl')).size;
    assert.ok(size <= 400 && size > 100, `size ${size}`);
    assert.equal(warnings.filter((w) => /size cap/.test(w)).length, 1);
    // A new process knows the day is full from the file itself.
    const again = log({ maxBytesPerDay: 400 });
    again.record(declined('もう一つ'));
    await again.flush();
    assert.equal(statSync(join(dir, '2026-12-01.test.jsonl')).size, size);
  });

  it('deletes day files older than the retention', async () => {
    writeFileSync(join(dir, '2026-10-01.other.jsonl'), '{}\n');
    writeFileSync(join(dir, '2026-11-25.other.jsonl'), '{}\n');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    const l = log({ retentionDays: 7 });
    l.record(declined('質問'));
    await l.flush();
    assert.deepEqual(readdirSync(dir).sort(), ['2026-11-25.other.jsonl', '2026-12-01.test.jsonl', 'notes.txt']);
  });

  it('keeps only hashes when question text is turned off', async () => {
    const l = log({ keepText: false });
    l.record(declined('秘密の質問'));
    await l.flush();
    const [line] = readLines(dir);
    assert.equal(line.text, undefined);
    assert.equal(line.hash, 'h');
  });

  it('keeps a batch that failed and writes it when the sink is back', async () => {
    const sink = new FileEventSink(join(dir, 'blocked'), 'test');
    writeFileSync(join(dir, 'blocked'), 'a file where the folder should be');
    const warnings: string[] = [];
    const l = new EventLog(sink, { keepText: true, maxBytesPerDay: 1e6, retentionDays: 30, now: () => NOW, logger: { warn: (_o, m) => warnings.push(m) } });
    l.record(declined('一つ目'));
    await l.flush();
    assert.ok(warnings.some((w) => /could not write/.test(w)));
    rmSync(join(dir, 'blocked'));
    l.record(declined('二つ目'));
    await l.close();
    assert.deepEqual(readLines(join(dir, 'blocked')).map((e) => e.text), ['一つ目', '二つ目']);
  });
});

describe('event log configuration', () => {
  it('reads size, age, text and place from the environment, naming a bad variable', () => {
    const c = loadEventLogConfig({ EVENT_LOG_MAX_MB_PER_DAY: '2', EVENT_LOG_RETENTION_DAYS: '7', EVENT_LOG_QUESTION_TEXT: 'off', EVENT_LOG_INSTANCE: 'a/b' });
    assert.equal(c.maxBytesPerDay, 2 * 1024 * 1024);
    assert.equal(c.retentionDays, 7);
    assert.equal(c.keepText, false);
    assert.equal(c.instance, 'a_b');
    assert.equal(c.dir, './data/events');
    assert.throws(() => loadEventLogConfig({ EVENT_LOG_RETENTION_DAYS: 'forever' }), EventLogConfigError);
    assert.throws(() => loadEventLogConfig({ EVENT_LOG_QUESTION_TEXT: 'maybe' }), /EVENT_LOG_QUESTION_TEXT/);
    assert.equal(createEventLog(loadEventLogConfig({ EVENT_LOG: 'off' })), undefined);
  });

  it('keeps data/ out of git', () => {
    const ignore = readFileSync(join(__dirname, '..', '..', '..', '..', '.gitignore'), 'utf8');
    assert.match(ignore, /^data\/$/m);
  });
});

describe('event log in Blob Storage (Azurite), two instances', function () {
  this.timeout(120_000);
  const azurite = new Azurite();
  before(() => azurite.start());
  after(() => azurite.dispose());

  it('both replicas write to one container, each to its own append blob per day; old days are pruned', async () => {
    const container = `events-${randomUUID().slice(0, 8)}`;
    const options = { keepText: true, maxBytesPerDay: 1e6, retentionDays: 30, now: () => NOW };
    const a = new EventLog(new BlobEventSink(azurite.connectionString, container, 'a'), options);
    const b = new EventLog(new BlobEventSink(azurite.connectionString, container, 'b'), options);
    const old = new BlobEventSink(azurite.connectionString, container, 'gone');
    await old.append('2026-09-01', JSON.stringify(declined('古い', new Date('2026-09-01T00:00:00Z'))) + '\n');
    for (let i = 0; i < 5; i++) {
      a.record(declined(`A ${i} yuki@contoso.com`));
      b.record(declined(`B ${i}`));
    }
    await Promise.all([a.flush(), b.flush()]);
    a.record(declined('A later'));
    await a.flush();
    const lines = (await new BlobEventSink(azurite.connectionString, container, 'reader').lines()).map((l) => JSON.parse(l));
    assert.equal(lines.length, 11);
    assert.deepEqual(lines.filter((e) => e.text.startsWith('A')).map((e) => e.text), [0, 1, 2, 3, 4].map((i) => `A ${i} [email]`).concat('A later'));
    assert.equal(lines.some((e) => e.text === '古い'), false);
    assert.equal(await new BlobEventSink(azurite.connectionString, container, 'b').size('2026-12-01') > 0, true);
  });
});
