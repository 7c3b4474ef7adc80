#!/usr/bin/env python3
"""Publish the NVIDIA-Groq deal to tip's market-events topic with Confluent's Python client.

Needs only schemas/market_event.avsc, confluent-kafka and avro (Debian: python3-confluent-kafka
python3-avro; pip: confluent-kafka avro). The value is Avro in Confluent's wire format: magic byte 0,
the schema id (4 bytes, big-endian) the registry gives for subject market-events-value, Avro binary.
The key is the event id as UTF-8: tip dedupes by it, so a re-sent event moves nothing twice.

    python3 publish_groq.py --bootstrap-servers localhost:9092 --schema-registry-url http://localhost:8081 [--id evt-nvda-groq]
"""
import argparse
import datetime
import io
import json
import os
import struct
import sys
import urllib.request

import avro.io
import avro.schema
from confluent_kafka import Producer

TOPIC = "market-events"
SUBJECT = TOPIC + "-value"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "..", "..", "schemas", "market_event.avsc")


def register(registry_url, schema_text):
    """The id of the schema under the subject (registering it if the registry does not have it yet)."""
    body = json.dumps({"schema": schema_text}).encode("utf-8")
    request = urllib.request.Request(registry_url.rstrip("/") + "/subjects/" + SUBJECT + "/versions", data=body,
                                     headers={"Content-Type": "application/vnd.schemaregistry.v1+json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["id"]


def encode(schema, schema_id, record):
    out = io.BytesIO()
    out.write(struct.pack(">bI", 0, schema_id))
    avro.io.DatumWriter(schema).write(record, avro.io.BinaryEncoder(out))
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", default="localhost:9092")
    parser.add_argument("--schema-registry-url", default="http://localhost:8081")
    parser.add_argument("--id", default="evt-nvda-groq", help="the event id: stable for the same news")
    parser.add_argument("--schema", default=DEFAULT_SCHEMA, help="path of market_event.avsc")
    args = parser.parse_args()

    with open(args.schema, encoding="utf-8") as f:
        schema_text = f.read()
    schema = avro.schema.parse(schema_text)
    schema_id = register(args.schema_registry_url, schema_text)
    deal = {
        "id": args.id,
        "type": "ACQUISITION",
        "actor": "NVIDIA",
        "target": "Groq",
        "products": [],
        "amountUsd": 20_000_000_000,
        "occurredAt": datetime.datetime(2025, 12, 24, tzinfo=datetime.timezone.utc),
        "reportedAt": None,
        "headline": "NVIDIA to acquire Groq for $20B",
        "source": "example-python",
        "url": None,
        "tags": ["inference"],
        "attributes": {},
    }
    failures = []
    producer = Producer({"bootstrap.servers": args.bootstrap_servers, "enable.idempotence": True, "acks": "all"})
    producer.produce(TOPIC, key=args.id.encode("utf-8"), value=encode(schema, schema_id, deal),
                     on_delivery=lambda err, msg: failures.append(err) if err else print(
                         "published to %s-%d at offset %d" % (msg.topic(), msg.partition(), msg.offset())))
    if producer.flush(30) > 0 or failures:
        print("publish_groq.py: not acknowledged: %s" % (failures or "timed out"), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
