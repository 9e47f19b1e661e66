/**
 * A bounded burst of hostile requests on loopback against the server as
 * `npm start` runs it (see burst.ts): its memory stays within 50 MB of idle,
 * every request gets its proper status, none is lost, real turns still work,
 * and each refusal is one log line with nothing on stderr.
 */
import assert from 'node:assert/strict';
import { runBurst, type BurstResult } from './burst.js';

describe('hardening: a burst of hostile requests', function () {
  this.timeout(180_000);
  let r: BurstResult;
  before(async () => {
    // 8 of each of the six kinds at once, three times: 144 requests, 48 of them 100 MB gzip bombs.
    r = await runBurst(8, 3);
  });

  it('answers every request with its status: 415 bombs, 401 without or with a forged token, 413 oversize, 200 real turns', () => {
    const n = 8 * 3;
    assert.deepEqual(r.byKind, {
      'gzip bomb, no token': { 415: n },
      'gzip bomb, valid token': { 415: n },
      '250 kB body, no token': { 401: n },
      '250 kB body, forged token': { 401: n },
      '1 MB chunked, valid token': { 413: n },
      'real turn, valid token': { 200: n },
    });
    assert.deepEqual(r.healthzDuringBurst, [200, 200, 200]);
  });

  it('keeps RSS within 50 MB of idle', () => {
    assert.ok(r.peakRssMB - r.idleRssMB < 50, `idle ${r.idleRssMB} MB, peak ${r.peakRssMB} MB`);
  });

  it('logs one line per refusal and writes nothing to stderr', () => {
    // Every refusal, the six warm-up requests' five included; the real turns log nothing at warn.
    assert.equal(r.refusedLogLines, r.sent - 8 * 3 + 5);
    assert.equal(r.stderrLines, 0);
  });
});
