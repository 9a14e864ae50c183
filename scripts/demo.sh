#!/usr/bin/env bash
# The quick-start demo behind `make run`: a fresh database with the shipped
# articles, a handful of example queries, then the REPL when on a terminal.
set -euo pipefail
build=${1:-build}
kg="$build/kg"
db="$build/demo.db"
rm -rf "$db"
export KG_DB="$db"

echo "== Loading the shipped articles into $db"
"$kg" load data/*.txt

ask() {
  echo
  echo "-- $1"
  echo "kg> $2"
  "$kg" query "$2" || true
}

ask "Who invests in Japan, and how much?" \
  'MATCH ?c -invests_in-> Japan OPTIONAL ?c -investment_amount-> ?amount RETURN DISTINCT ?c, ?amount'
ask "Microsoft's partners" 'Microsoft -partners_with-> ?partner'
ask "What does Japan face?" 'Japan -faces-> ?challenge'
ask "Which companies expand in Asia?" 'MATCH ?c -expands_in-> ?place WHERE ?place == Asia RETURN DISTINCT ?c'
ask "Which articles say that Microsoft invests in Japan, and where?" 'WHY Microsoft -invests_in-> Japan'
first=$(basename "$(ls data/*.txt | head -1)" .txt)
second=$(basename "$(ls data/*.txt | sed -n 2p)" .txt)
if [ -n "$second" ]; then
  echo
  echo "-- What do '$first' and '$second' agree and disagree on?"
  "$kg" compare "$first" "$second" || true
fi

if [ -t 0 ] && [ -t 1 ]; then
  echo
  echo "== Opening the REPL on $db (.help for commands, Ctrl-D to leave)"
  exec "$kg" repl
fi
