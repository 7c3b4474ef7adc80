// Drives @kafkajs/confluent-schema-registry, a third-party Confluent client, against our registry.
//   node confluent-client.js encode <registryUrl> <subject> <schemaJson> <payloadJson>  -> {"id":n,"hex":"..."}
//   node confluent-client.js decode <registryUrl> <hex>                                 -> the decoded record as JSON
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

async function main([mode, host, ...args]) {
  const registry = new SchemaRegistry({ host });
  if (mode === 'encode') {
    const [subject, schema, payload] = args;
    const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject });
    const encoded = await registry.encode(id, JSON.parse(payload));
    return { id, hex: encoded.toString('hex') };
  }
  return registry.decode(Buffer.from(args[0], 'hex'));
}

main(process.argv.slice(2))
  .then((result) => console.log(JSON.stringify(result)))
  .catch((error) => { console.error(error && error.stack ? error.stack : error); process.exit(1); });
