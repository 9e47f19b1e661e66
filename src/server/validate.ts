/**
 * Shape checks on an incoming activity before it reaches the adapter: what the
 * bot relies on must be present and of the right type, and arrays must be of a
 * sane size. Returns a reason for a 400, or undefined when acceptable.
 */
const MAX_ARRAY = 100;
const MAX_ID = 2048;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why a required string field is unusable ("is missing", "is longer than …"), or undefined. */
function stringProblem(name: string, v: unknown, max = MAX_ID): string | undefined {
  if (v === undefined || v === null || v === '') return `${name} is missing`;
  if (typeof v !== 'string') return `${name} is not a string`;
  if (v.length > max) return `${name} is longer than ${max} characters (${v.length})`;
  return undefined;
}

export function activityProblem(body: unknown): string | undefined {
  if (!isObj(body)) return 'body is not a JSON object';
  const fields: [string, unknown, number?][] = [
    ['type', body.type, 64],
    ['conversation.id', isObj(body.conversation) ? body.conversation.id : undefined],
    ['from.id', isObj(body.from) ? body.from.id : undefined],
    ['recipient.id', isObj(body.recipient) ? body.recipient.id : undefined],
    ['channelId', body.channelId, 64],
    ['serviceUrl', body.serviceUrl],
  ];
  for (const [name, value, max] of fields) {
    const problem = stringProblem(name, value, max);
    if (problem) return problem;
  }
  if (!URL.canParse(body.serviceUrl as string) || !/^https?:$/i.test(new URL(body.serviceUrl as string).protocol)) return 'serviceUrl is not an http(s) URL';
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
