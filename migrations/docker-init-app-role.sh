#!/bin/sh
# Runs once when the PostgreSQL volume is created (docker-entrypoint-initdb.d): the login role the
# app connects as. The app's migrations (run as the owner, DATABASE_OWNER_URL) grant it its rights:
# normal rights on the domain tables, only INSERT and SELECT on the audit tables.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE skillstack_app LOGIN PASSWORD '${SKILLSTACK_APP_PASSWORD}';
SQL
