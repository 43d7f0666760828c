#!/usr/bin/env bash
# Measures the chatbot on a question file, without any server: ./chatbot/evaluate.sh FILE
# (format of chatbot/src/test/resources/chatbot-dev-questions.jsonl). Builds the module first; the last line
# printed is the result as JSON (questions, top1 per language, outOfScope, langDetected, p50Ms, p95Ms).
set -euo pipefail
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 QUESTIONS.jsonl" >&2
    exit 2
fi
questions=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -B -pl chatbot -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/evaluation.classpath
exec java ${CHATBOT_JAVA_OPTS:-} -cp "chatbot/target/classes:$(cat chatbot/target/evaluation.classpath)" \
    hk.smartid.chatbot.evaluation.Evaluation "$questions" config/src/main/resources/catalogue/services.json
