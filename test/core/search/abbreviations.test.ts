import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../../src/core/search/knowledge-base.js';
import { sharedKnowledgeBase } from './shared.js';

describe('an English abbreviation inside a Japanese question', function () {
  this.timeout(120000);
  let kb: KnowledgeBase;
  before(async () => {
    kb = await sharedKnowledgeBase();
  });

  const termsOf = (q: string, label: string) => kb.analyze(q).concepts.find((c) => c.label === label)?.terms ?? [];

  it('is read through the glossary when the documents never write it', () => {
    assert.ok(termsOf('CAのポリシーを変えたら接続は無効になりますか', 'ca').includes('条件付きアクセス'));
    assert.ok(termsOf('CA入れたらPowerAppsから接続作れなくなった', 'ca').includes('条件付きアクセス'));
    assert.ok(termsOf('PCのデバイス登録を消すと接続は切れる？', 'pc').includes('デバイス'));
    assert.ok(termsOf('WFHのときだけ新しい接続が作れないのはなぜ？', 'wfh').includes('ホームネットワーク'));
    assert.ok(termsOf('OWAのセッションは何日で切れる？', 'owa').some((t) => t.includes('webアプリ')));
    assert.ok(termsOf('MSAでサインインしてるとトークンの有効期間は違う？', 'msa').some((t) => t.includes('microsoftアカウント')));
  });

  it('a whole English word is a name, left as written', () => {
    assert.deepEqual(termsOf('機種変更したのでAuthenticatorを新しいスマホに移したい', 'authenticator').filter((t) => /[^\x00-\x7f]/.test(t)), []);
  });

  it('finds the answer about what it stands for', () => {
    const first = (q: string) => kb.ask(q).answers[0]?.id;
    assert.equal(first('CAのポリシーを変えたら接続は無効になりますか'), 'invalidate-ca-mfa-settings-change');
    assert.equal(first('PCのデバイス登録を消すと接続は切れる？'), 'invalidate-device-registration-removed');
    assert.equal(first('CA入れたらPowerAppsから接続作れなくなった'), 'ca-impact-3-cannot-create-connection');
    assert.equal(first('CAのポリシー変えた直後は動いてたのに、しばらくしてから無効な接続になった。なんでタイムラグあるの？'), 'mechanism-delay-before-invalid');
  });
});
