import assert from 'node:assert/strict';
import { ConfigError, describeConfig, loadConfig } from '../../src/server/config.js';

describe('server: configuration', () => {
  it('config: local mode listens on 127.0.0.1, an app id on 0.0.0.0; SingleTenant needs a tenant; secrets never described', () => {
    assert.equal(loadConfig({}).host, '127.0.0.1');
    assert.equal(loadConfig({}).authEnabled, false);
    const c = loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw-secret', AZURE_STORAGE_CONNECTION_STRING: 'AccountKey=secret' });
    assert.equal(c.host, '0.0.0.0');
    assert.equal(loadConfig({ MicrosoftAppId: 'id', HOST: '127.0.0.1' }).host, '127.0.0.1');
    assert.throws(() => loadConfig({ MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant' }), ConfigError);
    assert.throws(() => loadConfig({ PORT: 'abc' }), ConfigError);
    assert.equal(loadConfig({}).answerCacheSize, 2000);
    assert.equal(loadConfig({ ANSWER_CACHE_SIZE: '0' }).answerCacheSize, 0);
    assert.throws(() => loadConfig({ ANSWER_CACHE_SIZE: '-1' }), /ANSWER_CACHE_SIZE/);
    assert.ok(!JSON.stringify(describeConfig(c)).includes('secret'));
  });
});
