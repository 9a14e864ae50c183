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

ask "Who invests in Japan, how much, and which article says so?" \
  'MATCH ?inv -investor-> ?c, ?inv -investment_target-> Japan, ?inv -amount-> ?amount @ ?article RETURN ?c, ?amount, ?article'
ask "Microsoft's partners" 'Microsoft -partners_with-> ?partner'
ask "What does Japan face?" 'Japan -faces-> ?challenge'
ask "Which companies expand in Asia (directly or in an Asian country)?" \
  'MATCH ?c -is_a-> Company, ?c -expands_in-> ?place, ?place -located_in*-> Asia RETURN DISTINCT ?c, ?place'
ask "Which articles and sentences say that Microsoft invests in Japan?" 'WHY Microsoft -invests_in-> Japan'
if [ -f data/microsoft-japan-ai.txt ] && [ -f data/microsoft-japan-recap.txt ]; then
  echo
  echo "-- What do the two reports of Microsoft's Japan investment agree and disagree on?"
  echo "\$ kg compare microsoft-japan-ai microsoft-japan-recap --about Microsoft"
  "$kg" compare microsoft-japan-ai microsoft-japan-recap --about Microsoft || true
fi

if [ -t 0 ] && [ -t 1 ]; then
  echo
  echo "== Opening the REPL on $db (.help for commands, Ctrl-D to leave)"
  exec "$kg" repl
fi
