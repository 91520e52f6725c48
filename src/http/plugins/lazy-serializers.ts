import SerializerSelector, { type SerializerFactory, type Serializer } from '@fastify/fast-json-stringify-compiler';
import { compileLater } from './compile-later.js';

/**
 * Fastify's default response serializers (fast-json-stringify), each compiled at its first response or
 * soon after the start (compile-later.ts): compiling them all was the largest part of a server's start.
 * Given as `schemaController.compilersFactory.buildSerializer`.
 */
export function lazySerializers(): SerializerFactory {
  const factory = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    return (route) =>
      compileLater(
        () => compile(route),
        (ready): Serializer => (data) => ready()(data),
      );
  };
}
