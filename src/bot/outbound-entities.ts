/**
 * Adapter over botframework-connector internals: keeps every field of the entities
 * the bot sends.
 *
 * Why: botbuilder posts each reply through the connector client's model mappers.
 * The Activity mapper declares `entities` as Entity objects that may carry any
 * further properties, but the serializer (@azure/core-client) looks the element up
 * by class name and uses the bare `Entity` mapper, which declares only `type`,
 * `text` and `mentioned`. Everything else is dropped, so the schema.org Message
 * entity with its citations reaches Teams as `{"type":"https://schema.org/Message"}`.
 * Declaring the same open-ended properties on the `Entity` mapper itself restores
 * the documented shape. Replies sent with expectReplies never pass this
 * serializer, which is why the fake-connector tests guard it.
 *
 * This is the only module that reaches into the connector's mappers.
 */
import { ConnectorMappers } from 'botframework-connector/lib/connectorApi/connectorClient.js';

interface CompositeMapper {
  type: { name: string; additionalProperties?: { type: { name: string } } };
}

/** Makes the connector's serializer keep entity fields it does not declare. Idempotent. */
export function keepEntityFields(): void {
  const entity = (ConnectorMappers as unknown as Record<string, CompositeMapper | undefined>).Entity;
  if (!entity || entity.type.name !== 'Composite') {
    throw new Error('botframework-connector has no Entity mapper; check outbound-entities.ts against this botbuilder version');
  }
  entity.type.additionalProperties ??= { type: { name: 'Object' } };
}
