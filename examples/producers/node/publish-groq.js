#!/usr/bin/env node
// Publish the NVIDIA-Groq deal to tip's market-events topic with kafkajs and
// @kafkajs/confluent-schema-registry, from nothing but schemas/market_event.avsc.
//
//   npm ci && node publish-groq.js --bootstrap-servers localhost:9092 --schema-registry-url http://localhost:8081 [--id evt-nvda-groq]
//
// The value is Avro in Confluent's wire format under subject market-events-value; the key is the
// event id: tip dedupes by it, so a re-sent event moves nothing twice.
'use strict';
const fs = require('fs');
const path = require('path');
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main() {
  const bootstrap = option('--bootstrap-servers', 'localhost:9092');
  const registryUrl = option('--schema-registry-url', 'http://localhost:8081');
  const id = option('--id', 'evt-nvda-groq');
  const schemaFile = option('--schema', path.join(__dirname, '..', '..', '..', 'schemas', 'market_event.avsc'));

  const registry = new SchemaRegistry({ host: registryUrl });
  const { id: schemaId } = await registry.register(
    { type: SchemaType.AVRO, schema: fs.readFileSync(schemaFile, 'utf8') },
    { subject: 'market-events-value' });
  const deal = {
    id,
    type: 'ACQUISITION',
    actor: 'NVIDIA',
    target: 'Groq',
    products: [],
    amountUsd: 20000000000,
    occurredAt: Date.parse('2025-12-24T00:00:00Z'), // timestamp-millis
    reportedAt: null,
    headline: 'NVIDIA to acquire Groq for $20B',
    source: 'example-node',
    url: null,
    tags: ['inference'],
    attributes: {},
  };
  const kafka = new Kafka({ clientId: 'tip-example-producer-node', brokers: bootstrap.split(','), logLevel: logLevel.ERROR });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const [written] = await producer.send({
      topic: 'market-events',
      acks: -1,
      messages: [{ key: id, value: await registry.encode(schemaId, deal) }],
    });
    console.log(`published to ${written.topicName}-${written.partition} at offset ${written.baseOffset}`);
  } finally {
    await producer.disconnect();
  }
}

main().catch((e) => {
  console.error(`publish-groq.js: ${e.message}`);
  process.exit(1);
});
