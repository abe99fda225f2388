#!/usr/bin/env bash
# Three ParIndex nodes (A, B, C) over one PostgreSQL database on this machine's loopback, proved under load
# and through the loss of a node:
#  - concurrent writers, spread over the three nodes, on one scorecard: half increment one item by
#    read-modify-write with If-Match (a stale version answers 409 and the writer reads again), half set an
#    item of their own without If-Match (the node retries a write that lost a race), several times each;
#  - once a third of the increments are acknowledged, node C is killed with `kill -9`: the writers whose
#    node stops answering (refused, reset, 5xx) move to the next node and carry on; the others must declare
#    C dead through the membership table, and every scorecard of a ranking group must take a write through
#    A or B again (its grains, wherever they lived, activate again on a survivor from the database);
#  - at the end both survivors show every acknowledged write, every own item, and a version grown by exactly
#    the writes applied (so no two activations of the scorecard both wrote);
#  - a write on node A shows in node B's ranking within one second.
# A write whose answer was lost (its node died, or answered 503 while C was being declared dead) is resolved
# by reading the scorecard again: each try carries a note of its own, so a write that landed is found there;
# an increment overwritten since then stays "unknown", and the counter may hold it: acknowledged ≤ counter
# steps ≤ acknowledged + unknown.
# Installs what it needs (Debian packages postgresql, curl, jq; the .NET 10 SDK must be installed), starts
# PostgreSQL and the nodes itself, stops everything it started, and prints one line of results last.
# Docker is not needed: the nodes run with `dotnet`. WRITERS (48) and ROUNDS (4, writes per writer) size the
# load, LIMIT (900) is how many seconds any one wait may take; KEEP=1 keeps the folder with the logs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
writers=${WRITERS:-48} rounds=${ROUNDS:-4}
((writers >= 6 && writers % 2 == 0 && rounds >= 1)) || { echo "local-cluster: FAIL — WRITERS must be even and at least 6, ROUNDS at least 1"; exit 1; }
# Thái Nguyên 2025 (unpublished, so its scorecards take writes); its province administrator writes.
cycle=par-2025-19 group=so unit=19-SCT counter=1.1.1 probe=19-SNV user=snv.thainguyen password=demo-ParIndex-2020
limit=${LIMIT:-900} # seconds any one wait may take before the script gives up: generous, the machine is shared

say() { echo "local-cluster: $*" >&2; }
fail() { finish; echo "local-cluster: FAIL — $*"; exit 1; }

# --- what it needs -----------------------------------------------------------------------------
missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v jq >/dev/null 2>&1 || missing+=(jq)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  sudo=(); ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "local-cluster: FAIL — the .NET 10 SDK (dotnet) is not installed"; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

work=$(mktemp -d /tmp/parindex-cluster.XXXXXX)
chmod 755 "$work"
node_pids=() helper_pids=() pg_started=
as_pg() { if ((EUID == 0)); then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
finish() {
  trap - EXIT
  for pid in "${helper_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${helper_pids[@]}" "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  node_pids=() helper_pids=()
  [[ -n $pg_started ]] && as_pg "'$pgbin/pg_ctl' -D '$work/pg/data' -m fast -w stop" >/dev/null 2>&1 || true
  pg_started=
  if [[ ${KEEP:-} == 1 ]]; then say "logs kept in $work"; else rm -rf "$work"; fi
}
trap finish EXIT

free_port() { local p=$1; while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
now_ns() { date +%s%N; }
since() { awk -v s="$1" -v e="$(now_ns)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }'; } # seconds since a now_ns

# --- PostgreSQL: a cluster of our own, trusted on 127.0.0.1 only --------------------------------
pgport=$(free_port 55500)
mkdir -p "$work/pg"
((EUID == 0)) && chown postgres "$work/pg"
as_pg "'$pgbin/initdb' -D '$work/pg/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "'$pgbin/pg_ctl' -D '$work/pg/data' -l '$work/pg/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $pgport -k '$work/pg' -c max_connections=300\" start" >/dev/null
pg_started=1
connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=parindex"
sql() { "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d parindex -Atqc "$1"; }
# The database exists before the nodes start, so that their startup lock (an advisory lock in it) lets one
# node at a time migrate and seed; with no database yet each would create and migrate it at once.
"$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -qc "CREATE DATABASE parindex" >/dev/null
say "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"

# --- three nodes, from one Release build ----------------------------------------------------------
say "building"
dotnet publish "$root/src/Web" -c Release -o "$work/app" --nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "build failed"; }
names=(A B C) nodes=() silo_ports=() pids=()
http=5100 silo=11110 gateway=30000
start_node() { # index — all seed-if-empty at once: the startup lock lets one seed, the others find it done
  local name=${names[$1]}
  http=$(free_port $((http + 1))) silo=$(free_port $((silo + 1))) gateway=$(free_port $((gateway + 1)))
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider=postgres ConnectionStrings__ParIndex="$connection" \
    Demo__Seed=true Logs__Folder="$work/logs-$name" Logs__Console=json Orleans__SiloPort="$silo" Orleans__GatewayPort="$gateway" \
    dotnet ParIndex.Web.dll --urls "http://127.0.0.1:$http" >"$work/node-$name.out" 2>&1) &
  pids[$1]=$! nodes[$1]="http://127.0.0.1:$http" silo_ports[$1]=$silo
  node_pids+=($!)
}
for n in 0 1 2; do start_node $n; done
a=${nodes[0]} b=${nodes[1]} c=${nodes[2]}
started=$(now_ns)
for n in 0 1 2; do
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${nodes[n]}/readyz" || true) == 200 ]]; do
    kill -0 "${pids[n]}" 2>/dev/null || fail "node ${names[n]} exited while starting: $(tail -c 600 "$work/node-${names[n]}.out")"
    (($(now_ns) - started < limit * 1000000000)) || fail "node ${names[n]} (${nodes[n]}) not ready within $limit s (KEEP=1 keeps its log)"
    sleep 0.5
  done
done
members=$(sql "SELECT COUNT(*) FROM orleansmembershiptable WHERE status = 3")
((members == 3)) || fail "$members active silos in the membership table, not 3"
say "nodes A ($a), B ($b) and C ($c) ready after $(since "$started") s, one Orleans cluster (silo ports ${silo_ports[*]})"

# The write API is the province administrator's, and unpublished results are for staff: sign in once on A.
# The nodes keep their data protection keys in the shared database, so B and C read the same cookie.
jar="$work/cookies"
token=$(curl -s -c "$jar" --max-time 30 "$a/dang-nhap" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
[[ -n $token ]] || fail "no sign-in form on A"
signin=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --max-time 30 --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "returnUrl=/" "$a/dang-nhap")
[[ $signin == 302 ]] || fail "sign-in as $user refused on A ($signin)"
say "signed in as $user (the demo's province administrator of Thái Nguyên)"

unit_url() { echo "$1/api/cycles/$cycle/units/$2"; }
# Both print the HTTP status ("000": no answer — refused, reset, timed out) and never fail themselves.
get() { # body-file node unit → headers in body-file.h
  curl -b "$jar" -s -D "$1.h" -o "$1" -w '%{http_code}' --max-time 120 "$(unit_url "$2" "$3")" || true
}
post() { # body-file node unit json [etag] → the answer in body-file. The limit is past Orleans' 30 s response
  # timeout, so that the node has answered (or died) before the writer gives up on a write.
  local extra=(); [[ -n ${5:-} ]] && extra=(-H "If-Match: $5")
  curl -b "$jar" -s -o "$1" -w '%{http_code}' --max-time 120 -X POST -H 'Content-Type: application/json' "${extra[@]}" -d "$4" "$(unit_url "$2" "$3")/scores" || true
}
etag_of() { tr -d '\r' <"$1.h" | awk 'tolower($1) == "etag:" {print $2}'; }
# An answer a writer gets past by moving to the next node: none at all, or a 5xx (a node going away, or
# a call to the grains of a dead node before the cluster has declared it dead).
# Each one is tallied, to be told at the end.
transient() { [[ $1 == 000 || $1 == 5?? ]] && echo "$1" >>"$work/transient"; }
entry() { # item value note → one score entry as JSON
  printf '[{"item":"%s","kind":"appraised","value":%s,"note":"%s"}]' "$1" "$2" "$3"
}
acks() { local count=0; [[ -f $work/acks ]] && count=$(grep -c "^$1" "$work/acks" || true); echo "${count:-0}"; }

# --- the scorecard the writers share ------------------------------------------------------------
[[ $(get "$work/unit.json" "$a" "$unit") == 200 ]] || fail "cannot read $unit: $(cat "$work/unit.json")"
own_writers=$((writers / 2)) inc_writers=$((writers / 2))
mapfile -t own < <(jq -r --arg c "$counter" '.items[] | select(.source == "Appraisal" and .notApplicable == false and .code != $c) | "\(.code) \(.max)"' "$work/unit.json" | head -n $own_writers)
((${#own[@]} == own_writers)) || fail "$unit has fewer than $own_writers appraisal items"
# Start from zero everywhere the writers will write.
reset=$(printf '%s\n' "$counter 0" "${own[@]}" | jq -R -s -c '[split("\n")[] | select(length > 0) | split(" ") | {item: .[0], kind: "appraised", value: 0, note: "local-cluster reset"}]')
[[ $(post "$work/reset.json" "$a" "$unit" "$reset") == 200 ]] || fail "reset refused: $(cat "$work/reset.json")"
start_version=$(jq -r .version "$work/reset.json")

# The other scorecards of the group: read once through each node in turn, so that their grains (and the
# group's ranking) are active across the three silos, some of them on C, before C dies.
mapfile -t others < <(curl -b "$jar" -sf --max-time 60 "$a/api/cycles/$cycle/groups/$group/ranking" | jq -r --arg u "$unit" '.[] | select(.unitCode != $u) | .unitCode')
((${#others[@]} >= 6)) || fail "group $group of $cycle has ${#others[@]} other units"
for ((k = 0; k < ${#others[@]}; k++)); do
  [[ $(get "$work/warm.json" "${nodes[k % 3]}" "${others[k]}") == 200 ]] || fail "cannot read ${others[k]} through ${names[k % 3]}: $(cat "$work/warm.json")"
done

# --- the writers --------------------------------------------------------------------------------
total_inc=$((inc_writers * rounds)) kill_at=$(((inc_writers * rounds + 2) / 3))
deadline=$(($(date +%s) + limit))
increment() { # writer: `rounds` increments of the counter by 0.001, read-modify-write with If-Match
  local i=$1 n=$(($1 % 3)) r t=0 acked=0 confirmed=0 unknown=0 conflicts=0 moves=0 pending= status etag value note body
  for ((r = 1; r <= rounds; r++)); do
    while :; do
      (($(date +%s) < deadline)) || { echo "gave-up in round $r after $conflicts conflicts, $moves moves" >"$work/writer.$i"; return; }
      status=$(get "$work/read.$i" "${nodes[n]}" "$unit")
      if [[ $status != 200 ]]; then
        transient "$status" || { echo "error reading through ${names[n]}: $status $(head -c 300 "$work/read.$i")" >"$work/writer.$i"; return; }
        n=$(((n + 1) % 3)) moves=$((moves + 1)); sleep 0.2; continue
      fi
      etag=$(etag_of "$work/read.$i")
      value=$(jq -r --arg c "$counter" '.items[] | select(.code == $c) | .appraised' "$work/read.$i")
      if [[ -n $pending ]]; then # the last try's answer was lost: is its note on the counter?
        note=$(jq -r --arg c "$counter" '.items[] | select(.code == $c) | .appraisedNote // ""' "$work/read.$i")
        pending_was=$pending pending=
        if [[ $note == "$pending_was" ]]; then confirmed=$((confirmed + 1)); echo inc >>"$work/acks"; continue 2; fi
        unknown=$((unknown + 1)) # not applied, or applied and overwritten since
      fi
      t=$((t + 1)) note="writer $i round $r try $t"
      body=$(entry "$counter" "$(awk -v v="$value" 'BEGIN { printf "%.3f", v + 0.001 }')" "$note")
      status=$(post "$work/wrote.$i" "${nodes[n]}" "$unit" "$body" "$etag")
      case $status in
        200) acked=$((acked + 1)); echo inc >>"$work/acks"; continue 2 ;;
        409) conflicts=$((conflicts + 1)); sleep "0.0$((RANDOM % 5))" ;;
        *)
          transient "$status" || { echo "error writing through ${names[n]}: $status $(head -c 300 "$work/wrote.$i")" >"$work/writer.$i"; return; }
          pending=$note n=$(((n + 1) % 3)) moves=$((moves + 1)); sleep 0.2 ;;
      esac
    done
  done
  echo "ok inc $acked $confirmed $unknown $conflicts $moves" >"$work/writer.$i"
}
set_own() { # writer item max: sets its own item `rounds` times (the last to its maximum) without If-Match,
  # paced by the increments so that its writes span the run; a write whose answer was lost is looked for.
  local i=$1 code=$2 max=$3 n=$(($1 % 3)) r t=0 acked=0 confirmed=0 retries=0 moves=0 status value note got
  for ((r = 1; r <= rounds; r++)); do
    while (($(acks inc) < (r - 1) * total_inc / rounds)); do
      (($(date +%s) < deadline)) || { echo "gave-up waiting for round $r" >"$work/writer.$i"; return; }
      sleep 1
    done
    value=$(awk -v m="$max" -v r=$r -v n=$rounds 'BEGIN { printf "%.3f", int(m * r / n * 1000) / 1000 }')
    while :; do
      (($(date +%s) < deadline)) || { echo "gave-up in round $r after $moves moves" >"$work/writer.$i"; return; }
      t=$((t + 1)) note="writer $i round $r try $t"
      status=$(post "$work/wrote.$i" "${nodes[n]}" "$unit" "$(entry "$code" "$value" "$note")")
      if [[ $status == 200 ]]; then
        acked=$((acked + 1)) retries=$((retries + $(jq -r .attempts "$work/wrote.$i") - 1)); echo own >>"$work/acks"; continue 2
      fi
      transient "$status" || { echo "error writing through ${names[n]}: $status $(head -c 300 "$work/wrote.$i")" >"$work/writer.$i"; return; }
      n=$(((n + 1) % 3)) moves=$((moves + 1))
      # The answer was lost: read the item (this writer alone writes it) to learn whether the write landed. A second
      # first lets a call the dead node had already passed on to a survivor's grain arrive there before the read.
      sleep 1
      until status=$(get "$work/read.$i" "${nodes[n]}" "$unit"); [[ $status == 200 ]]; do
        transient "$status" || { echo "error reading through ${names[n]}: $status $(head -c 300 "$work/read.$i")" >"$work/writer.$i"; return; }
        (($(date +%s) < deadline)) || { echo "gave-up reading in round $r" >"$work/writer.$i"; return; }
        n=$(((n + 1) % 3)) moves=$((moves + 1)); sleep 0.2
      done
      got=$(jq -r --arg c "$code" '.items[] | select(.code == $c) | .appraisedNote // ""' "$work/read.$i")
      if [[ $got == "$note" ]]; then confirmed=$((confirmed + 1)); echo own >>"$work/acks"; continue 2; fi
    done
  done
  echo "ok own $acked $confirmed 0 $retries $moves" >"$work/writer.$i"
}

say "$writers writers on $unit, spread over A, B and C: $inc_writers × $rounds increments of $counter with If-Match, $own_writers × $rounds writes of an own item without; C is killed after $kill_at acknowledged increments"
rm -f "$work/acks"
clock=$(now_ns)
writer_pids=()
for ((i = 0; i < writers; i++)); do
  if ((i < inc_writers)); then increment "$i" & else read -r code max <<<"${own[i - inc_writers]}"; set_own "$i" "$code" "$max" & fi
  writer_pids+=($!)
  helper_pids+=($!)
done

# --- kill -9 node C in the middle ---------------------------------------------------------------
while (($(acks inc) < kill_at)); do
  (($(date +%s) < deadline)) || fail "only $(acks inc) of $kill_at increments acknowledged within $limit s"
  running=0; for pid in "${writer_pids[@]}"; do kill -0 "$pid" 2>/dev/null && running=$((running + 1)); done
  ((running > 0)) || fail "the writers stopped before $kill_at increments: $(grep -hv '^ok' "$work"/writer.* | head -3 | tr '\n' ' ')"
  sleep 0.1
done
kill -9 "${pids[2]}"
killed=$(now_ns)
wait "${pids[2]}" 2>/dev/null || true # gone: reaped here, so that the shell does not report it
acked_at_kill=$(acks inc)
say "node C killed (kill -9) after $acked_at_kill acknowledged increments, $(since "$clock") s into the run"

# Every other scorecard of the group takes a write through A or B again: some lived on C (or their ranking did).
probe_unit() { # unit index → the seconds from the kill to its first acknowledged write, in failover.<unit>
  local u=$1 n=$(($2 % 2)) status tries=0
  while (($(date +%s) < deadline)); do
    tries=$((tries + 1))
    status=$(post "$work/failover.$u.json" "${nodes[n]}" "$u" "$(entry "$counter" 1 "failover probe")")
    if [[ $status == 200 ]]; then echo "$(since "$killed") $tries" >"$work/failover.$u"; return; fi
    transient "$status" || { echo "error $status $(head -c 300 "$work/failover.$u.json")" >"$work/failover.$u"; return; }
    n=$((1 - n)); sleep 0.1
  done
  echo "gave-up after $tries tries" >"$work/failover.$u"
}
probe_pids=()
for ((k = 0; k < ${#others[@]}; k++)); do probe_unit "${others[k]}" "$k" & probe_pids+=($!) helper_pids+=($!); done

# The survivors notice through membership: C is declared dead (status 6) in the membership table.
until [[ $(sql "SELECT status FROM orleansmembershiptable WHERE port = ${silo_ports[2]} ORDER BY generation DESC LIMIT 1") == 6 ]]; do
  (($(date +%s) < deadline)) || fail "C not declared dead in the membership table within $limit s"
  sleep 0.1
done
declared=$(since "$killed")
say "C declared dead by the survivors after $declared s"

wait "${probe_pids[@]}" || true
failover=0
for u in "${others[@]}"; do
  read -r first tries <"$work/failover.$u"
  [[ $first =~ ^[0-9.]+$ ]] || fail "no write to $u through A or B after the kill: $first $tries"
  failover=$(awk -v a="$failover" -v b="$first" 'BEGIN { print (b > a) ? b : a }')
done
slow=$(for u in "${others[@]}"; do cat "$work/failover.$u"; done | awk '$2 > 1 { n++ } END { print n + 0 }')
tally() { [[ -f $work/transient ]] && sort "$work/transient" | uniq -c | awk '{ printf "%s%s × %s", (NR > 1 ? ", " : ""), ($2 == "000" ? "no answer" : $2), $1 }'; }
say "a write to each of the ${#others[@]} other scorecards of group $group answered from A/B within $failover s of the kill ($slow needed more than one try)"

wait "${writer_pids[@]}" || true
seconds=$(since "$clock")
for ((i = 0; i < writers; i++)); do
  [[ -f $work/writer.$i ]] && grep -q '^ok' "$work/writer.$i" || fail "writer $i did not finish: $(cat "$work/writer.$i" 2>/dev/null || echo 'no result')"
done
# ok kind acknowledged confirmed unknown conflicts-or-retries moves
read -r inc_acked inc_confirmed unknown conflicts inc_moves < <(awk '$2 == "inc" { a += $3; c += $4; u += $5; k += $6; m += $7 } END { print a + 0, c + 0, u + 0, k + 0, m + 0 }' "$work"/writer.*)
read -r own_acked own_confirmed retries own_moves < <(awk '$2 == "own" { a += $3; c += $4; r += $6; m += $7 } END { print a + 0, c + 0, r + 0, m + 0 }' "$work"/writer.*)
((own_acked + own_confirmed == own_writers * rounds)) || fail "$((own_acked + own_confirmed)) own writes applied, not $((own_writers * rounds))"
((inc_acked + inc_confirmed == total_inc)) || fail "$((inc_acked + inc_confirmed)) increments done, not $total_inc"
say "writers done after $seconds s: $inc_acked increments acknowledged, $inc_confirmed found applied after a lost answer, $unknown unknown; $own_acked own writes acknowledged, $own_confirmed found applied; $((inc_moves + own_moves)) moves to another node; answers moved past: $(tally || echo none)"
active=$(sql "SELECT string_agg(port::text, ' ' ORDER BY port) FROM orleansmembershiptable WHERE status = 3")
[[ $active == "${silo_ports[0]} ${silo_ports[1]}" ]] || fail "active silos after the run: ${active:-none}, not A and B (${silo_ports[0]} ${silo_ports[1]})"

# --- nothing acknowledged is lost, and nothing was written twice ------------------------------------
least=$((inc_acked + inc_confirmed)) most=$((inc_acked + inc_confirmed + unknown))
check_node() { # node → "" when it shows every write, else what is wrong
  local file="$work/check.json" got steps
  [[ $(get "$file" "$1" "$unit") == 200 ]] || { echo "cannot read $unit: $(head -c 300 "$file")"; return; }
  got=$(jq -r --arg c "$counter" '.items[] | select(.code == $c) | .appraised' "$file")
  steps=$(awk -v g="$got" 'BEGIN { printf "%d", g * 1000 + 0.5 }')
  ((steps >= least && steps <= most)) || { echo "$counter is $got: $steps increments, not between $least and $most"; return; }
  local entry; for entry in "${own[@]}"; do
    read -r code max <<<"$entry"
    got=$(jq -r --arg c "$code" '.items[] | select(.code == $c) | .appraised' "$file")
    [[ $(awk -v g="$got" -v m="$max" 'BEGIN { print (g == m) }') == 1 ]] || { echo "$code is $got, not $max"; return; }
  done
  local version; version=$(jq -r .version "$file")
  ((version == start_version + steps + own_writers * rounds)) || { echo "version $version, not $start_version + $steps increments + $((own_writers * rounds)) own writes"; return; }
  echo "= $steps"
}
for node in "$a" "$b"; do
  problem=$(check_node "$node")
  for _ in $(seq 1 40); do [[ $problem == =* ]] && break; sleep 0.25; problem=$(check_node "$node"); done
  [[ $problem == =* ]] || fail "update lost as seen from $node: $problem"
  steps=${problem#= }
done
writes=$((steps + own_writers * rounds))
value=$(awk -v s="$steps" 'BEGIN { printf "%.3f", s * 0.001 }')
say "no update lost: $counter = $value on A and B ($inc_acked + $inc_confirmed applied, $((steps - least)) of $unknown unknown), $own_writers own items kept, version +$writes, $conflicts conflicts and $retries lost races retried"

# --- a write on A shows in B's ranking within one second ----------------------------------------
ranking_b="$b/api/cycles/$cycle/groups/$group/ranking"
curl -b "$jar" -sf --max-time 60 "$ranking_b" >/dev/null || fail "cannot read B's ranking" # B has the ranking in memory
current=$(curl -b "$jar" -sf --max-time 60 "$(unit_url "$a" "$probe")" | jq -r --arg c "$counter" '.items[] | select(.code == $c) | "\(.appraised) \(.max)"')
read -r now max <<<"$current"
target=0; [[ $(awk -v n="$now" 'BEGIN { print (n == 0) }') == 1 ]] && target=$max
[[ $(post "$work/probe.json" "$a" "$probe" "$(entry "$counter" "$target" "ranking probe")") == 200 ]] || fail "write on A refused: $(cat "$work/probe.json")"
written=$(now_ns)
index=$(jq -r .result.index "$work/probe.json")
seen=
while (($(now_ns) - written < 1000000000)); do
  if [[ $(curl -b "$jar" -s --max-time 1 "$ranking_b" | jq -r --arg u "$probe" '.[] | select(.unitCode == $u) | .index' 2>/dev/null) == "$index" ]]; then seen=$((($(now_ns) - written) / 1000000)); break; fi
  sleep 0.01
done
[[ -n $seen ]] || fail "A's write to $probe ($index) not in B's ranking within 1 s"
say "A's write to $probe seen in B's ranking after $seen ms"

finish
echo "local-cluster: PASS — 3 nodes on PostgreSQL: $writers concurrent writers ($inc_writers × $rounds read-modify-write with If-Match, $own_writers × $rounds without), no update lost ($counter = $value, version +$writes, $conflicts conflicts retried, $seconds s); A→B ranking in $seen ms; failover: node C killed, declared dead after $declared s, its grains answered from A/B after $failover s, 0 acknowledged writes lost"
