#!/usr/bin/env bash
# Two ParIndex nodes over one PostgreSQL database on this machine's loopback, proved under load:
#  - 50 concurrent writers, split across both nodes, on one scorecard: half increment one item by
#    read-modify-write with If-Match (a stale version answers 409 and the writer reads again), half
#    set an item of their own without If-Match (the node retries a write that lost a race); at the
#    end every increment and every item is there, and the version grew by exactly one per write;
#  - a write on node A shows in node B's ranking within one second (PostgreSQL LISTEN/NOTIFY).
# Installs what it needs (Debian packages postgresql, curl, jq; the .NET 10 SDK must be installed),
# starts PostgreSQL and both nodes itself, stops everything it started, and prints one line of
# results last. Docker is not needed: the nodes run with `dotnet`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
writers=${WRITERS:-50}
cycle=par-2020-06 unit=06-SCT counter=1.1.1 probe=06-SNV

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
node_pids=() pg_started=
as_pg() { if ((EUID == 0)); then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
finish() {
  trap - EXIT
  for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  node_pids=()
  [[ -n $pg_started ]] && as_pg "'$pgbin/pg_ctl' -D '$work/pg/data' -m fast -w stop" >/dev/null 2>&1 || true
  pg_started=
  if [[ ${KEEP:-} == 1 ]]; then say "logs kept in $work"; else rm -rf "$work"; fi
}
trap finish EXIT

free_port() { local p=$1; while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }

# --- PostgreSQL: a cluster of our own, trusted on 127.0.0.1 only --------------------------------
pgport=$(free_port 55500)
mkdir -p "$work/pg"
((EUID == 0)) && chown postgres "$work/pg"
as_pg "'$pgbin/initdb' -D '$work/pg/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "'$pgbin/pg_ctl' -D '$work/pg/data' -l '$work/pg/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $pgport -k '$work/pg' -c max_connections=200\" start" >/dev/null
pg_started=1
connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=parindex"
say "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"

# --- both nodes, from one Release build ---------------------------------------------------------
say "building"
dotnet publish "$root/src/Web" -c Release -o "$work/app" --nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "build failed"; }
porta=$(free_port 5101); portb=$(free_port $((porta + 1)))
start_node() { # name port — both seed-if-empty at once: the startup lock lets one seed, the other find it done
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider=postgres ConnectionStrings__ParIndex="$connection" \
    Demo__Seed=true Logs__Folder="$work/logs-$1" Logs__Console=json \
    dotnet ParIndex.Web.dll --urls "http://127.0.0.1:$2" >"$work/node-$1.out" 2>&1) &
  node_pids+=($!)
}
start_node a "$porta"
start_node b "$portb"
a="http://127.0.0.1:$porta" b="http://127.0.0.1:$portb"
for node in "$a" "$b"; do
  for _ in $(seq 1 240); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$node/readyz") == 200 ]] && continue 2
    sleep 0.5
  done
  fail "$node not ready within 120 s (KEEP=1 keeps its log)"
done
say "nodes A ($a) and B ($b) ready"

# The write API is the province administrator's, and unpublished results are for staff: sign in once on A.
# The nodes keep their data protection keys in the shared database, so B reads the same cookie.
jar="$work/cookies"
token=$(curl -s -c "$jar" --max-time 30 "$a/dang-nhap" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
[[ -n $token ]] || fail "no sign-in form on A"
signin=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --max-time 30 --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "username=snv.backan" --data-urlencode "password=demo-ParIndex-2020" --data-urlencode "returnUrl=/" "$a/dang-nhap")
[[ $signin == 302 ]] || fail "sign-in as snv.backan refused on A ($signin)"
say "signed in as snv.backan (the demo's province administrator)"

unit_url() { echo "$1/api/cycles/$cycle/units/$2"; }
post() { # body-file node unit json [etag] → prints the HTTP status, writes the answer to body-file
  local extra=(); [[ -n ${5:-} ]] && extra=(-H "If-Match: $5")
  curl -b "$jar" -s -o "$1" -w '%{http_code}' --max-time 30 -X POST -H 'Content-Type: application/json' "${extra[@]}" -d "$4" "$(unit_url "$2" "$3")/scores"
}

# --- 50 writers on one scorecard ----------------------------------------------------------------
curl -b "$jar" -sf "$(unit_url "$a" "$unit")" >"$work/unit.json" || fail "cannot read $unit"
mapfile -t own < <(jq -r --arg c "$counter" '.items[] | select(.source == "Appraisal" and .notApplicable == false and .code != $c) | "\(.code) \(.max)"' "$work/unit.json" | head -n $((writers / 2)))
((${#own[@]} == writers / 2)) || fail "$unit has fewer than $((writers / 2)) appraisal items"
# Start from zero everywhere the writers will write.
reset=$(printf '%s\n' "$counter 0" "${own[@]}" | jq -R -s -c '[split("\n")[] | select(length > 0) | split(" ") | {item: .[0], kind: "appraised", value: 0, note: "local-cluster reset"}]')
[[ $(post "$work/reset.json" "$a" "$unit" "$reset") == 200 ]] || fail "reset refused: $(cat "$work/reset.json")"
start_version=$(jq -r .version "$work/reset.json")

increment() { # writer node: read, add 0.001, write with If-Match; on 409 read again
  local i=$1 node=$2 conflicts=0 etag value
  for _ in $(seq 1 1000); do
    etag=$(curl -b "$jar" -s -D - -o "$work/read.$i" --max-time 30 "$(unit_url "$node" "$unit")" | tr -d '\r' | awk 'tolower($1) == "etag:" {print $2}')
    value=$(jq -r --arg c "$counter" '.items[] | select(.code == $c) | .appraised' "$work/read.$i")
    case $(post "$work/wrote.$i" "$node" "$unit" "[{\"item\":\"$counter\",\"kind\":\"appraised\",\"value\":$(awk -v v="$value" 'BEGIN { printf "%.3f", v + 0.001 }'),\"note\":\"writer $i\"}]" "$etag") in
      200) echo "ok $conflicts" >"$work/writer.$i"; return ;;
      409) conflicts=$((conflicts + 1)); sleep "0.0$((RANDOM % 5))" ;;
      *) echo "error $(cat "$work/wrote.$i")" >"$work/writer.$i"; return ;;
    esac
  done
  echo "gave-up $conflicts" >"$work/writer.$i"
}
set_own() { # writer node item max: set without If-Match (the node retries a lost race itself)
  local code; code=$(post "$work/wrote.$1" "$2" "$unit" "[{\"item\":\"$3\",\"kind\":\"appraised\",\"value\":$4,\"note\":\"writer $1\"}]")
  if [[ $code == 200 ]]; then echo "ok $(($(jq -r .attempts "$work/wrote.$1") - 1))" >"$work/writer.$1"; else echo "error $code $(cat "$work/wrote.$1")" >"$work/writer.$1"; fi
}
say "$writers writers on $unit, half through each node"
clock=$(date +%s.%N)
writer_pids=()
for ((i = 0; i < writers; i++)); do
  node=$a; ((i % 2)) && node=$b
  if ((i < writers / 2)); then increment "$i" "$node" & else read -r code max <<<"${own[i - writers / 2]}"; set_own "$i" "$node" "$code" "$max" & fi
  writer_pids+=($!)
done
wait "${writer_pids[@]}"
seconds=$(awk -v s="$clock" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
ok=$(cat "$work"/writer.* | grep -c '^ok' || true)
retries=$(cat "$work"/writer.* | awk '$1 == "ok" { n += $2 } END { print n + 0 }')
((ok == writers)) || fail "only $ok of $writers writers succeeded: $(grep -hv '^ok' "$work"/writer.* | head -3 | tr '\n' ' ')"

expected_counter=$(awk -v n=$((writers / 2)) 'BEGIN { printf "%.3f", n * 0.001 }')
check_node() { # node → "" when it shows every write, else what is wrong
  local file="$work/check.json" got
  curl -b "$jar" -s -o "$file" --max-time 30 "$(unit_url "$1" "$unit")"
  got=$(jq -r --arg c "$counter" '.items[] | select(.code == $c) | .appraised' "$file")
  [[ $(awk -v g="$got" 'BEGIN { printf "%.3f", g }') == "$expected_counter" ]] || { echo "$counter is $got, not $expected_counter"; return; }
  local entry; for entry in "${own[@]}"; do
    read -r code max <<<"$entry"
    got=$(jq -r --arg c "$code" '.items[] | select(.code == $c) | .appraised' "$file")
    [[ $(awk -v g="$got" -v m="$max" 'BEGIN { print (g == m) }') == 1 ]] || { echo "$code is $got, not $max"; return; }
  done
  local version; version=$(jq -r .version "$file")
  ((version == start_version + writers)) || echo "version $version, not $((start_version + writers))"
}
for node in "$a" "$b"; do
  problem=$(check_node "$node")
  for _ in $(seq 1 20); do [[ -z $problem ]] && break; sleep 0.05; problem=$(check_node "$node"); done
  [[ -z $problem ]] || fail "update lost as seen from $node: $problem"
done
say "no update lost: $counter = $expected_counter on both nodes, $((writers / 2)) own items kept, version +$writers, $retries retries, ${seconds} s"

# --- a write on A shows in B's ranking within one second ----------------------------------------
group=$(curl -b "$jar" -sf "$(unit_url "$a" "$probe")" | jq -r .group)
ranking_b="$b/api/cycles/$cycle/groups/$group/ranking"
curl -b "$jar" -sf "$ranking_b" >/dev/null # B has the ranking in memory
current=$(curl -b "$jar" -sf "$(unit_url "$a" "$probe")" | jq -r --arg c "$counter" '.items[] | select(.code == $c) | "\(.appraised) \(.max)"')
read -r now max <<<"$current"
target=0; [[ $(awk -v n="$now" 'BEGIN { print (n == 0) }') == 1 ]] && target=$max
[[ $(post "$work/probe.json" "$a" "$probe" "[{\"item\":\"$counter\",\"kind\":\"appraised\",\"value\":$target}]") == 200 ]] || fail "write on A refused: $(cat "$work/probe.json")"
written=$(date +%s%N)
index=$(jq -r .result.index "$work/probe.json")
seen=
while (( $(date +%s%N) - written < 1000000000 )); do
  if [[ $(curl -b "$jar" -s --max-time 1 "$ranking_b" | jq -r --arg u "$probe" '.[] | select(.unitCode == $u) | .index') == "$index" ]]; then seen=$(( ($(date +%s%N) - written) / 1000000 )); break; fi
  sleep 0.01
done
[[ -n $seen ]] || fail "A's write to $probe ($index) not in B's ranking within 1 s"
say "A's write to $probe seen in B's ranking after $seen ms"

finish
echo "local-cluster: PASS — 2 nodes on PostgreSQL: $writers concurrent writers ($((writers / 2)) read-modify-write with If-Match, $((writers / 2)) without), no update lost ($counter = $expected_counter, version +$writers, $retries conflicts retried, ${seconds} s); A→B ranking in $seen ms"
