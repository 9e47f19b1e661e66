/**
 * Shape checks on an incoming activity before it reaches the adapter: what the
 * bot relies on must be present and of the right type, and arrays must be of a
 * sane size. Returns a reason for a 400, or undefined when acceptable.
 */
const MAX_ARRAY = 100;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown, max = 2048): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

export function activityProblem(body: unknown): string | undefined {
  if (!isObj(body)) return 'body is not a JSON object';
  if (!nonEmptyString(body.type, 64)) return 'type is missing';
  if (!isObj(body.conversation) || !nonEmptyString(body.conversation.id)) return 'conversation.id is missing';
  if (!isObj(body.from) || !nonEmptyString(body.from.id)) return 'from.id is missing';
  if (!isObj(body.recipient) || !nonEmptyString(body.recipient.id)) return 'recipient.id is missing';
  if (!nonEmptyString(body.channelId, 64)) return 'channelId is missing';
  if (!nonEmptyString(body.serviceUrl) || !/^https?:\/\//i.test(body.serviceUrl)) return 'serviceUrl is missing or not http(s)';
  for (const key of ['text', 'locale', 'id', 'replyToId', 'name', 'deliveryMode', 'textFormat'] as const) {
    if (body[key] !== undefined && body[key] !== null && typeof body[key] !== 'string') return `${key} is not a string`;
  }
  for (const key of ['entities', 'attachments', 'membersAdded', 'membersRemoved', 'reactionsAdded', 'reactionsRemoved'] as const) {
    const v = body[key];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) return `${key} is not an array`;
    if (v.length > MAX_ARRAY) return `${key} has more than ${MAX_ARRAY} items`;
    if (v.some((x) => !isObj(x))) return `${key} holds a non-object`;
  }
  if (body.channelData !== undefined && body.channelData !== null && !isObj(body.channelData)) return 'channelData is not an object';
  return undefined;
}
