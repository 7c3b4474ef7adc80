#!/bin/bash
# The tool of the same name in apache/kafka, so one health check serves both images:
#   kafka-broker-api-versions.sh --bootstrap-server localhost:9092
exec java -Xmx128m -Dlog4j2.configurationFile=/etc/kafka/docker/tools-log4j2.yaml -cp '/opt/kafka/libs/*' \
  org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
