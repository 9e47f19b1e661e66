/**
 * JSON Schema of a troubleshooting tree file (dialogs/*.yaml). Shape only:
 * references, reachability and citations are checked by tree-validator.ts.
 */
const ID = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

const bilingual = {
  type: 'object',
  required: ['ja', 'en'],
  properties: { ja: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
  additionalProperties: false,
};

const strings = { type: 'array', items: { type: 'string', minLength: 1 } };

const citations = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['doc', 'quote'],
    properties: { doc: { type: 'string', minLength: 1 }, quote: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
};

const note = {
  type: 'object',
  required: ['text', 'citations'],
  properties: { text: bilingual, citations },
  additionalProperties: false,
};

const match = {
  type: 'object',
  properties: { phrases: strings, patterns: strings },
  additionalProperties: false,
};

const audience = { enum: ['user', 'admin'] };

const option = {
  type: 'object',
  required: ['id', 'label', 'next'],
  properties: {
    id: { type: 'string', pattern: ID },
    label: bilingual,
    next: { type: 'string', minLength: 1 },
    synonyms: { type: 'object', properties: { ja: strings, en: strings }, additionalProperties: false },
    // An item may be a YAML alias of a shared list (x-answers), read as its patterns.
    answerPatterns: { type: 'array', items: { anyOf: [{ type: 'string', minLength: 1 }, strings] } },
    match,
    note,
    audience,
  },
  additionalProperties: false,
};

const question = {
  type: 'object',
  required: ['kind', 'text', 'options'],
  properties: {
    kind: { const: 'question' },
    text: bilingual,
    help: bilingual,
    options: { type: 'array', minItems: 1, items: option },
  },
  additionalProperties: false,
};

const outcome = {
  type: 'object',
  required: ['kind', 'verdict', 'steps', 'citations'],
  properties: {
    kind: { const: 'outcome' },
    verdict: bilingual,
    steps: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['text'], properties: { text: bilingual, audience }, additionalProperties: false },
    },
    citations,
    notes: { type: 'array', items: note },
    next: { type: 'string', minLength: 1 },
    match,
  },
  additionalProperties: false,
};

export const treeSchema = {
  type: 'object',
  required: ['id', 'title', 'start', 'nodes'],
  properties: {
    id: { type: 'string', pattern: ID },
    title: bilingual,
    start: { type: 'string', minLength: 1 },
    nodes: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: ID },
      additionalProperties: {
        type: 'object',
        required: ['kind'],
        discriminator: { propertyName: 'kind' },
        oneOf: [question, outcome],
      },
    },
  },
  // "x-…" keys hold YAML anchors for reused texts.
  patternProperties: { '^x-': {} },
  additionalProperties: false,
} as const;
