# Sourced by tests/run.sh (or by hand: `source tests/postgres.sh && pg_start`): a throw-away PostgreSQL cluster on
# loopback for the Quartz cluster tests (issue 14 §4). initdb into a temp dir, pg_ctl start on a free port with the
# unix socket in that dir, export its connection string as KEP_TEST_POSTGRES, stop and delete it on exit.
# initdb refuses to run as root, so under root the cluster runs as 'nobody' (owner of the temp dir).

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pg_start() {
  if ! pg_bin >/dev/null; then
    echo "Installing Debian postgresql for the Quartz cluster tests…"
    if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null 2>&1 \
      || { echo "warning: postgresql could not be installed; the Quartz cluster tests will fail"; return 1; }
  fi
  local bin run=() port
  bin=$(pg_bin)
  PG_TMP=$(mktemp -d /tmp/kep-pg.XXXXXX)
  if [ "$(id -u)" = "0" ]; then chown nobody "$PG_TMP"; run=(runuser -u nobody --); fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
  "${run[@]}" "$bin/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --no-sync >"$PG_TMP/initdb.log" 2>&1 \
    || { echo "warning: initdb failed (see $PG_TMP/initdb.log)"; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $PG_TMP -c fsync=off -c max_connections=200" start >/dev/null \
    || { echo "warning: PostgreSQL did not start (see $PG_TMP/server.log)"; return 1; }
  PG_RUN=("${run[@]}") PG_BIN_DIR=$bin
  export KEP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "Throw-away PostgreSQL on 127.0.0.1:$port (KEP_TEST_POSTGRES)"
}

pg_stop() {
  [ -n "${PG_TMP:-}" ] || return 0
  "${PG_RUN[@]}" "$PG_BIN_DIR/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
  PG_TMP=""
}
