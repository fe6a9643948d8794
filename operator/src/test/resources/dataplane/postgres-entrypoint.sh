# The official postgres image's start (docker-entrypoint.sh of github.com/docker-library/postgres), run by sh -c with
# the container's args, for the data plane's postgres:<major>. The same steps: POSTGRES_PASSWORD, POSTGRES_USER,
# POSTGRES_DB and POSTGRES_INITDB_ARGS or their _FILE variants; initdb only when $PGDATA holds no database; the host
# rule for every address with the method password_encryption names (or POSTGRES_HOST_AUTH_METHOD); POSTGRES_DB
# created through a server that listens on its socket alone; then exec of the command. Not here: running as root
# and dropping to the postgres user (the process is already unprivileged), /docker-entrypoint-initdb.d (the operator
# mounts nothing there), POSTGRES_INITDB_WALDIR. One deviation, because every client on this machine comes from
# 127.0.0.1 whatever pod it plays: initdb's rules that trust 127.0.0.1 and ::1 (meant for the pod's own containers)
# ask for the password too, unless the host method is trust. ATONIX_SOCKET_DIR is the pod's /var/run/postgresql.
set -eu

# file_env VAR [DEFAULT]: VAR, else the contents of the file VAR_FILE names, else DEFAULT; not both VAR and VAR_FILE.
file_env() {
	eval "value=\${$1:-}"
	eval "file=\${$1_FILE:-}"
	if [ -n "$value" ] && [ -n "$file" ]; then
		echo >&2 "error: both $1 and $1_FILE are set (but are exclusive)"
		exit 1
	fi
	if [ -n "$file" ]; then
		value="$(cat "$file")"
	elif [ -z "$value" ]; then
		value="${2:-}"
	fi
	export "$1=$value"
	unset "$1_FILE"
}

case "${1:-}" in -*) set -- postgres "$@" ;; esac

if [ "${1:-}" = postgres ]; then
	file_env POSTGRES_PASSWORD
	file_env POSTGRES_USER postgres
	file_env POSTGRES_DB "$POSTGRES_USER"
	file_env POSTGRES_INITDB_ARGS
	: "${POSTGRES_HOST_AUTH_METHOD:=}"
	mkdir -p "$PGDATA"
	chmod 700 "$PGDATA" || :
	if [ -s "$PGDATA/PG_VERSION" ]; then
		echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
	else
		if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
			echo >&2 'Error: Database is uninitialized and superuser password is not specified.'
			echo >&2 '       You must specify POSTGRES_PASSWORD to a non-empty value for the superuser.'
			exit 1
		fi
		printf '%s\n' "$POSTGRES_PASSWORD" \
			| eval 'initdb --username="$POSTGRES_USER" --pwfile=/dev/stdin '"$POSTGRES_INITDB_ARGS"
		auth="$(shift; postgres -C password_encryption "$@")"
		: "${POSTGRES_HOST_AUTH_METHOD:=$auth}"
		if [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
			sed -i "s/^\(host.*\)trust\$/\1$POSTGRES_HOST_AUTH_METHOD/" "$PGDATA/pg_hba.conf"
		fi
		{
			printf '\n'
			if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
				printf '# warning trust is enabled for all connections\n'
			fi
			printf 'host all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD"
		} >> "$PGDATA/pg_hba.conf"
		if [ "$POSTGRES_DB" != postgres ]; then
			port="$(shift; postgres -C port "$@")"
			(shift; exec postgres "$@" -c listen_addresses='') &
			temp=$!
			tries=0
			until pg_isready -q -h "$ATONIX_SOCKET_DIR" -p "$port"; do
				tries=$((tries + 1))
				if [ "$tries" -gt 600 ] || ! kill -0 "$temp" 2>/dev/null; then
					echo >&2 'error: the temporary server did not start'
					exit 1
				fi
				sleep 0.1
			done
			sql() {
				psql -v ON_ERROR_STOP=1 -h "$ATONIX_SOCKET_DIR" -p "$port" --username "$POSTGRES_USER" \
					--no-password --no-psqlrc --dbname postgres --set db="$POSTGRES_DB" "$@"
			}
			if [ -z "$(echo "SELECT 1 FROM pg_database WHERE datname = :'db';" | sql --tuples-only)" ]; then
				echo 'CREATE DATABASE :"db";' | sql
			fi
			kill -INT "$temp"
			wait "$temp"
		fi
		echo 'PostgreSQL init process complete; ready for start up.'
	fi
fi

exec "$@"
