/** A temporary copy of the bundled knowledge/ and dialogs/ for the owners' tools to change. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface KnowledgeCopy {
  root: string;
  knowledgeDir: string;
  dialogsDir: string;
  dispose(): void;
}

export function copyKnowledge(): KnowledgeCopy {
  const root = mkdtempSync(join(tmpdir(), 'kb-'));
  cpSync(join(ROOT, 'knowledge'), join(root, 'knowledge'), { recursive: true });
  cpSync(join(ROOT, 'dialogs'), join(root, 'dialogs'), { recursive: true });
  return { root, knowledgeDir: join(root, 'knowledge'), dialogsDir: join(root, 'dialogs'), dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** A new Japanese document: two sections with sentences to quote, one of them only under a heading. */
export const NEW_DOCUMENT = `---
id: gateway-connections
title: オンプレミス データ ゲートウェイの接続
url: https://example.com/gateway-connections
authority: community
lang: ja
---
# オンプレミス データ ゲートウェイの接続

## ゲートウェイの回復キー

ゲートウェイを別のコンピューターに移行するときは、回復キーが必要です。回復キーを忘れた場合、ゲートウェイを復元することはできません。

## ゲートウェイがオフラインになる場合

ゲートウェイをインストールしたコンピューターがスリープすると、ゲートウェイはオフラインになります。オフラインのゲートウェイを使う接続はフローの実行に失敗します。
`;
