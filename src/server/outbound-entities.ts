/**
 * Adapter over botframework-connector internals: makes the connector's serializer
 * keep the fields of the citation entity the bot sends.
 *
 * Why: botbuilder posts each reply through the connector client's model mappers.
 * The Activity mapper declares `entities` as Entity objects that may carry any
 * further properties, but the serializer (@azure/core-client) looks the element up
 * by class name and uses the bare `Entity` mapper, which declares only `type`,
 * `text` and `mentioned`. Everything else is dropped, so the schema.org Message
 * entity with its citations reaches Teams as `{"type":"https://schema.org/Message"}`.
 * Declaring the Message entity's own fields on the `Entity` mapper restores the
 * documented shape; other undeclared fields are still dropped as before. Replies
 * sent with expectReplies never pass this serializer, which is why the
 * fake-connector tests guard it.
 *
 * The mappers are shared by every connector client in the process, so this is
 * called once, explicitly, where the adapter that sends is made (adapter.ts).
 * This is the only module that reaches into the connector's mappers.
 */
import { ConnectorMappers } from 'botframework-connector/lib/connectorApi/connectorClient.js';

interface PropertyMapper {
  serializedName: string;
  type: { name: string; element?: { type: { name: string } } };
}

interface CompositeMapper {
  type: { name: string; modelProperties?: Record<string, PropertyMapper> };
}

const text = (name: string): PropertyMapper => ({ serializedName: name, type: { name: 'String' } });

/** The fields of the schema.org Message entity (see bot/citations.ts) beyond `type`. */
const MESSAGE_ENTITY_FIELDS: Record<string, PropertyMapper> = {
  '@type': text('@type'),
  '@context': text('@context'),
  '@id': text('@id'),
  citation: { serializedName: 'citation', type: { name: 'Sequence', element: { type: { name: 'Object' } } } },
};

/** Makes the connector's serializer keep the citation entity's fields. Idempotent; throws when the mapper is not the one this was written against. */
export function keepEntityFields(): void {
  const entity = (ConnectorMappers as unknown as Record<string, CompositeMapper | undefined>).Entity;
  const props = entity?.type.modelProperties;
  if (!entity || entity.type.name !== 'Composite' || !props?.type) {
    throw new Error('botframework-connector has no Entity mapper with a type property; check outbound-entities.ts against this botbuilder version');
  }
  for (const [field, mapper] of Object.entries(MESSAGE_ENTITY_FIELDS)) props[field] ??= mapper;
}
