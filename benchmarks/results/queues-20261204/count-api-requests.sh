#!/bin/bash
# Counts the requests one GET /system/queues sends to nats-server, from nats-server's own monitoring
# (/jsz: JetStream API requests; /varz: every message it received, direct gets included).
# Usage, from the repository root after `mvn -B -q -pl app -am package -DskipTests`:
#   bash benchmarks/results/queues-20261204/count-api-requests.sh <label>
set -euo pipefail
store=$(mktemp -d)
nats-server -js -a 127.0.0.1 -p 14222 -m 18222 -sd "$store" >"$store/nats.log" 2>&1 &
nats=$!
java -XX:SharedArchiveFile=app/target/invoq.jsa -Xmx320m -XX:+UseParallelGC -jar app/target/invoq.jar \
  --broker=jetstream --nats-url=nats://127.0.0.1:14222 --port 18080 >"$store/invoq.log" 2>&1 &
invoq=$!
trap 'kill $invoq $nats; wait $invoq $nats 2>/dev/null; rm -rf "$store"' EXIT
until curl -sf localhost:18080/readyz >/dev/null; do sleep 0.3; done
curl -s -X POST localhost:18080/system/functions -d '{"name":"echo","url":"http://127.0.0.1:18081"}' -o /dev/null
for i in 1 2 3; do curl -s localhost:18080/async-function/echo -H 'X-Delay: 60' -d x -o /dev/null; done
curl -s localhost:18080/system/queues >/dev/null
sleep 1
count() { curl -s "localhost:18222/$1" | python3 -c "import json,sys; print(json.load(sys.stdin)$2)"; }
api=$(count jsz '["api"]["total"]'); msgs=$(count varz '["in_msgs"]')
for i in $(seq 1 100); do curl -s -o /dev/null localhost:18080/system/queues; done
api=$(( $(count jsz '["api"]["total"]') - api )); msgs=$(( $(count varz '["in_msgs"]') - msgs ))
echo "${1:-invoq}: per GET /system/queues, $((api / 100)).$((api % 100)) JetStream API requests, $((msgs / 100)).$((msgs % 100)) messages into nats-server"
