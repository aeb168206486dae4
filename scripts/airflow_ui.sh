#!/usr/bin/env bash
# Run the embedded Airflow (api-server, scheduler, dag-processor, triggerer) for `make ui`/`make stop`.
#
# Usage: scripts/airflow_ui.sh start|stop|status
#
# Everything lives under $AIRFLOW_HOME (default ./.airflow): metadata DB, logs/<component>.log,
# pids/<component>.pid, ui.secrets (generated JWT secret + admin password, mode 600) and
# passwords.json (what SimpleAuthManager reads). Set AIRFLOW_ADMIN_PASSWORD to choose the password
# yourself; otherwise a random one is generated once and kept in ui.secrets.
set -euo pipefail

ROOT="$(pwd)"
export AIRFLOW_HOME="${AIRFLOW_HOME:-$ROOT/.airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="${AIRFLOW__CORE__DAGS_FOLDER:-$ROOT/dags}"
export AIRFLOW__CORE__PLUGINS_FOLDER="${AIRFLOW__CORE__PLUGINS_FOLDER:-$ROOT/plugins}"
export AIRFLOW__CORE__LOAD_EXAMPLES="${AIRFLOW__CORE__LOAD_EXAMPLES:-False}"
# The library is a plain package under plugins/; putting it first beats any stale installed copy.
export PYTHONPATH="$AIRFLOW__CORE__PLUGINS_FOLDER${PYTHONPATH:+:$PYTHONPATH}"
if ! command -v airflow >/dev/null 2>&1 && [[ -x "$ROOT/.venv/bin/airflow" ]]; then
    export PATH="$ROOT/.venv/bin:$PATH"
fi

readonly HOST=127.0.0.1
readonly PORT="${AIRFLOW_UI_PORT:-8080}"
readonly URL="http://$HOST:$PORT"
readonly HEALTH_URL="$URL/api/v2/monitor/health"
readonly HEALTH_TIMEOUT_S=90
readonly STOP_GRACE_S=10
readonly ADMIN_USER=admin
readonly DAG_ID=warta_nightly
readonly POOL=warta_duckdb
readonly COMPONENTS=(api-server scheduler dag-processor triggerer)
readonly LOG_DIR="$AIRFLOW_HOME/logs"
readonly PID_DIR="$AIRFLOW_HOME/pids"
readonly SECRETS_FILE="$AIRFLOW_HOME/ui.secrets"
readonly PASSWORDS_FILE="$AIRFLOW_HOME/passwords.json"

log() { printf '[airflow-ui] %s\n' "$*"; }
die() { printf '[airflow-ui] ERROR: %s\n' "$*" >&2; exit 1; }

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }

# A pid file can outlive a reboot; only trust it if the pid still belongs to an airflow process.
running_pid() {
    local file pid
    file="$(pid_file "$1")"
    [[ -f "$file" ]] || return 1
    pid="$(<"$file")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    ps -o command= -p "$pid" 2>/dev/null | grep -q airflow || return 1
    printf '%s' "$pid"
}

random_secret() { python3 -c 'import secrets, sys; print(secrets.token_urlsafe(int(sys.argv[1])))' "$1"; }

secret_value() { sed -n "s/^$1=//p" "$SECRETS_FILE" | head -n 1; }

# Generated once so that restarts keep the same login and already-issued tokens stay valid.
ensure_secrets() {
    if [[ ! -s "$SECRETS_FILE" ]]; then
        (
            umask 077
            printf 'JWT_SECRET=%s\nADMIN_PASSWORD=%s\n' "$(random_secret 32)" "$(random_secret 12)" \
                >"$SECRETS_FILE"
        )
    fi
    chmod 600 "$SECRETS_FILE"
}

# SimpleAuthManager only invents a password for users missing from the file, so writing ours first
# makes the login predictable. Written through Python so any character in the password is valid JSON.
write_passwords_file() {
    (
        umask 077
        WARTA_UI_PASSWORD="$1" python3 -c '
import json, os, sys
with open(sys.argv[1], "w") as fh:
    json.dump({sys.argv[2]: os.environ["WARTA_UI_PASSWORD"]}, fh)
    fh.write("\n")
' "$PASSWORDS_FILE" "$ADMIN_USER"
    )
    chmod 600 "$PASSWORDS_FILE"
}

configure_auth() {
    ensure_secrets
    ADMIN_PASSWORD="${AIRFLOW_ADMIN_PASSWORD:-$(secret_value ADMIN_PASSWORD)}"
    [[ -n "$ADMIN_PASSWORD" ]] || die "no admin password (empty AIRFLOW_ADMIN_PASSWORD or $SECRETS_FILE)"
    write_passwords_file "$ADMIN_PASSWORD"
    export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="$ADMIN_USER:admin"
    export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE="$PASSWORDS_FILE"
    AIRFLOW__API_AUTH__JWT_SECRET="$(secret_value JWT_SECRET)"
    export AIRFLOW__API_AUTH__JWT_SECRET
    # Tasks call back into the API server; "localhost" may resolve to ::1 where nothing listens.
    export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="${AIRFLOW__CORE__EXECUTION_API_SERVER_URL:-$URL/execution/}"
}

migrate_db() {
    log "migrating metadata DB in $AIRFLOW_HOME"
    if ! airflow db migrate >"$LOG_DIR/db-migrate.log" 2>&1; then
        tail -n 30 "$LOG_DIR/db-migrate.log" >&2
        die "airflow db migrate failed (full log: $LOG_DIR/db-migrate.log)"
    fi
    airflow pools set "$POOL" 1 "single DuckDB writer" >/dev/null
}

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

start_component() {
    local name="$1" pid
    shift
    if pid="$(running_pid "$name")"; then
        log "$name already running (pid $pid)"
        return
    fi
    # setsid gives each component its own process group, so stop can reach every worker it forked.
    if command -v setsid >/dev/null 2>&1; then
        setsid nohup airflow "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
    else
        nohup airflow "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
    fi
    printf '%s\n' "$!" >"$(pid_file "$name")"
    log "started $name (pid $!, log $LOG_DIR/$name.log)"
}

wait_for_health() {
    local deadline=$((SECONDS + HEALTH_TIMEOUT_S))
    while ((SECONDS < deadline)); do
        if curl -fsS --max-time 3 "$HEALTH_URL" >/dev/null 2>&1; then
            return 0
        fi
        running_pid api-server >/dev/null || break
        sleep 2
    done
    return 1
}

# The DAG only exists in the DB once the dag-processor has parsed it, so give it a little time.
unpause_dag() {
    if ! grep -rqs --include='*.py' "$DAG_ID" "$AIRFLOW__CORE__DAGS_FOLDER"; then
        log "no $DAG_ID in $AIRFLOW__CORE__DAGS_FOLDER yet; skipping unpause"
        return
    fi
    local _
    for _ in 1 2 3 4 5 6; do
        if airflow dags unpause "$DAG_ID" >/dev/null 2>&1; then
            log "unpaused $DAG_ID"
            return
        fi
        sleep 5
    done
    log "could not unpause $DAG_ID yet (not parsed?); run: airflow dags unpause $DAG_ID"
}

cmd_start() {
    command -v airflow >/dev/null 2>&1 || die "airflow not on PATH (run make install first)"
    mkdir -p "$AIRFLOW_HOME" "$LOG_DIR" "$PID_DIR"
    if ! running_pid api-server >/dev/null && port_in_use; then
        die "port $PORT is already taken by another program; set AIRFLOW_UI_PORT"
    fi
    configure_auth
    migrate_db
    start_component api-server api-server --port "$PORT" --host "$HOST"
    start_component scheduler scheduler
    start_component dag-processor dag-processor
    start_component triggerer triggerer
    log "waiting for $HEALTH_URL (up to ${HEALTH_TIMEOUT_S}s)"
    if ! wait_for_health; then
        tail -n 30 "$LOG_DIR/api-server.log" >&2 || true
        cmd_stop
        die "api-server did not become healthy; see $LOG_DIR/api-server.log"
    fi
    unpause_dag
    cat <<EOF

Airflow UI: $URL
  user:     $ADMIN_USER
  password: $ADMIN_PASSWORD
  (stored in $SECRETS_FILE unless AIRFLOW_ADMIN_PASSWORD is set)
Stop with: make stop
EOF
}

# The pid plus every descendant, captured before signalling because children get reparented to init
# as soon as their parent exits and could then no longer be found.
process_tree() {
    local pid="$1" child
    printf '%s\n' "$pid"
    for child in $(pgrep -P "$pid" 2>/dev/null || true); do
        process_tree "$child"
    done
}

any_alive() {
    local pid
    for pid in "$@"; do
        kill -0 "$pid" 2>/dev/null && return 0
    done
    return 1
}

stop_component() {
    local name="$1" pid pids
    if ! pid="$(running_pid "$name")"; then
        rm -f "$(pid_file "$name")"
        return
    fi
    mapfile -t pids < <(process_tree "$pid")
    log "stopping $name (pid $pid, ${#pids[@]} processes)"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    pkill -TERM -P "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_GRACE_S))
    while any_alive "${pids[@]}" && ((SECONDS < deadline)); do
        sleep 0.5
    done
    if any_alive "${pids[@]}"; then
        log "$name ignored TERM for ${STOP_GRACE_S}s; sending KILL"
        # The group catches anything forked after the tree was captured.
        if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then
            kill -KILL -- "-$pid" 2>/dev/null || true
        fi
        pkill -KILL -P "$pid" 2>/dev/null || true
        kill -KILL "${pids[@]}" 2>/dev/null || true
    fi
    rm -f "$(pid_file "$name")"
}

cmd_stop() {
    local name
    # Reverse start order: the api-server goes last so running tasks can still report their state.
    for name in triggerer dag-processor scheduler api-server; do
        stop_component "$name"
    done
    log "stopped"
}

cmd_status() {
    local name pid all_up=0
    for name in "${COMPONENTS[@]}"; do
        if pid="$(running_pid "$name")"; then
            printf '%-14s running (pid %s)\n' "$name" "$pid"
        else
            printf '%-14s stopped\n' "$name"
            all_up=1
        fi
    done
    if curl -fsS --max-time 3 "$HEALTH_URL" >/dev/null 2>&1; then
        printf '%-14s %s healthy\n' "health" "$URL"
    else
        printf '%-14s %s not answering\n' "health" "$URL"
        all_up=1
    fi
    return "$all_up"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
