#!/usr/bin/env bash
# Start the mock on a free port, run the smoke and CRM scenarios and take the screenshot set, stop the mock.
#   tests/ui-mock/run.sh [smoke|shots|all]   (screenshots go to $SHOT_DIR, default /tmp/runrate-shots)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
what=${1:-all}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 "$here/serve.py" --port "$port" --sse-interval 3 >/dev/null 2>&1 &
mock=$!
trap 'kill $mock 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/meta" >/dev/null && break; sleep 0.1; done
export RUNRATE_URL="http://127.0.0.1:$port" SHOT_DIR=${SHOT_DIR:-/tmp/runrate-shots}
mkdir -p "$SHOT_DIR"
status=0
if [ "$what" != shots ]; then node --experimental-websocket "$here/cdp.mjs" "$here/scenarios/smoke.json" || status=1; fi
if [ "$what" != shots ]; then node --experimental-websocket "$here/cdp.mjs" "$here/scenarios/crm.json" || status=1; fi
if [ "$what" != smoke ]; then node --experimental-websocket "$here/cdp.mjs" "$here/scenarios/shots.json" || status=1; fi
exit $status
