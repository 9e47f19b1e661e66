/**
 * Near topics: the products and features next to the knowledge's own subject that askers bring
 * to the same bot (Intune, PIM, DLP, Teams meetings, building flows, Power Automate Desktop,
 * licences). A question about one of them shares words with the documents (Teams, flow, device,
 * policy, Azure AD), and those shared words alone can cover enough of it to be answered with a
 * text about something else. A question naming one that no text of the knowledge names is
 * about what the knowledge does not have, and is declined.
 *
 * A name the knowledge does contain is not used (see uncoveredNames): when a document on one of
 * these is added, questions about it are answered as any other.
 */
import { foldForLookup } from './exact-lookup.js';

/** By product or feature, the names askers use for it, folded (lower case, half-width). */
const NEAR_TOPICS: Record<string, readonly string[]> = {
  // Device management: enrolment, compliance and app protection.
  intune: ['intune', 'コンプライアンスポリシー', '準拠ポリシー', 'compliance policy', 'app protection policy', 'アプリ保護ポリシー', 'autopilot', 'company portal', 'ポータル登録', 'ポータルに登録'],
  // Privileged roles that are activated for a time.
  pim: ['pim', 'privileged identity management', 'eligible role', '適格ロール', 'ロールを有効化', 'ロールの有効化'],
  // Data loss prevention for connectors.
  dlp: ['dlp', 'data loss prevention', 'データ損失防止', 'non-business', '非ビジネス'],
  // Other security products.
  security: ['defender', 'purview', 'sentinel', 'key vault', 'キーコンテナー', 'identity protection', '端末隔離', 'デバイスの隔離'],
  // Exchange administration.
  exchange: ['transport rule', 'トランスポートルール', 'mail flow rule', 'メールフロールール', 'shared mailbox', '共有メールボックス', 'send-as', 'send as permission', '代理送信', 'disclaimer', '免責事項', '保持ポリシー', 'retention policy', 'litigation hold'],
  // Teams meetings, devices and channels.
  teams: ['teams meeting', 'teams会議', '会議の録画', '会議ポリシー', 'meeting policy', 'meeting recording', 'recording', '録画', 'background', '背景', 'ぼかし', 'blur', 'camera', 'カメラ', 'webcam', 'guest access', 'ゲストアクセス', 'channel', 'チャネル', 'adaptive card', 'アダプティブカード', 'webinar', 'ウェビナー'],
  // Desktop flows (RPA).
  desktop: ['power automate desktop', 'desktop flow', 'デスクトップフロー', 'rpa', 'unattended', '無人実行', 'attended', 'recorder', 'レコーダー', 'ui要素', 'ui element', 'machine group', 'マシングループ', 'マシン グループ'],
  // Building flows: actions, triggers and schedules the documents do not describe.
  building: ['approval action', '承認アクション', '承認者', 'approver', 'scheduled cloud flow', 'recurrence', 'スケジュール済み', 'apply to each', 'duplicate email', 'duplicate emails', '重複して', '二重に送', '2通', '二通', 'export a flow', 'エクスポート', 'インポート', 'trigger condition', 'トリガー条件', 'attachment', '添付ファイル'],
  // Power Apps and Dataverse.
  apps: ['canvas app', 'キャンバスアプリ', 'gallery', 'ギャラリー', 'delegation', '委任の警告', 'dataverse', 'security role', 'セキュリティロール'],
  // Licences and plans other than the one the documents name.
  licences: ['e3', 'e5', 'p2', 'premium connector', 'プレミアムコネクタ', 'per user plan', 'per flow', 'per-flow', 'attended rpa'],
  // Directory administration: groups, sync, sign-in methods, guests.
  directory: ['dynamic membership', '動的メンバーシップ', 'azure ad connect', 'aad connect', 'entra connect', '同期間隔', 'sync interval', 'windows hello', 'b2b', 'guest invitation', '招待設定', 'audit log', 'audit logs', '監査ログ', 'sign-in logs', 'サインインログ'],
  // SharePoint permissions and sharing.
  sharepoint: ['permission inheritance', '権限の継承', '継承', 'external sharing', '外部共有'],
};

/** Whether a name is written in ASCII only: matched as whole words, else as characters in a row. */
const ASCII = /^[\x20-\x7e]+$/;

/** The folded text a name is looked for in: spaces kept for English words, dropped for Japanese. */
function folds(text: string): { spaced: string; unspaced: string } {
  const spaced = foldForLookup(text);
  return { spaced, unspaced: spaced.replace(/\s+/g, '') };
}

/** Whether a folded text names `name` (an English name as whole words, a Japanese one anywhere). */
function names(text: { spaced: string; unspaced: string }, name: string): boolean {
  if (!ASCII.test(name)) return text.unspaced.includes(name.replace(/\s+/g, ''));
  const words = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?');
  return new RegExp(`(?<![a-z0-9])${words}(?![a-z0-9])`).test(text.spaced);
}

/** The near topics' names that no text of the knowledge contains (see NEAR_TOPICS). */
export function uncoveredNames(texts: readonly string[]): string[] {
  const folded = texts.map(folds);
  return Object.values(NEAR_TOPICS)
    .flat()
    .filter((name) => !folded.some((t) => names(t, name)));
}

/** The names among `uncovered` (see uncoveredNames) that a question uses. */
export function nearTopicsNamed(question: string, uncovered: readonly string[]): string[] {
  const text = folds(question);
  return uncovered.filter((name) => names(text, name));
}
