# warta on the official Airflow image: pinned project deps + the DAG, library and SQL baked in.
# docker-compose.yaml builds this (`build: .`) and bind-mounts dags/, plugins/ and sql/ over the
# baked-in copies during development, so edits show up without a rebuild.
# The per-article modules compiled by mypyc (scripts/compile_hot_modules.py), in a stage of its
# own so that the image carries no C compiler. Should the compile fail, the script warns and
# leaves the sources alone: warta then runs them as Python, with the same output.
FROM apache/airflow:3.3.2-python3.11 AS compiled
USER root
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
USER airflow
COPY --chown=airflow:0 requirements.lock /tmp/requirements.lock
RUN grep -E '^(mypy|mypy_extensions|librt|ast-serialize|pathspec|typing_extensions)==' \
        /tmp/requirements.lock > /tmp/mypy.txt \
    && pip install --no-cache-dir -r /tmp/mypy.txt
COPY --chown=airflow:0 plugins/ /opt/airflow/plugins/
COPY --chown=airflow:0 scripts/compile_hot_modules.py /opt/airflow/scripts/
RUN python /opt/airflow/scripts/compile_hot_modules.py

FROM apache/airflow:3.3.2-python3.11

USER airflow

# Dependencies first so editing code does not reinstall them. The image already holds Airflow:
# its line is dropped from the lock and Airflow is pinned to the image's own version, so the lock
# can never up- or downgrade it (https://airflow.apache.org/docs/docker-stack/build.html).
COPY --chown=airflow:0 requirements.lock /tmp/requirements.lock
RUN grep -viE '^[[:space:]]*(apache-airflow[[:space:]]*==|-e[[:space:]]|warta[[:space:]]*(==|@))' \
        /tmp/requirements.lock > /tmp/requirements.txt \
    && pip install --no-cache-dir "apache-airflow==${AIRFLOW_VERSION}" -r /tmp/requirements.txt \
    && rm -f /tmp/requirements.lock /tmp/requirements.txt

# The sources with the compiled modules beside them (when the compile stage could build them).
# A mounted plugins/ brings its own: the host's builds if `make install` made them, else none.
COPY --from=compiled --chown=airflow:0 /opt/airflow/plugins/ /opt/airflow/plugins/
COPY --chown=airflow:0 sql/ /opt/airflow/sql/
# README.m[d]: pyproject names it as the long description, but the build only warns without it,
# and a wildcard that matches nothing does not fail the COPY (BuildKit).
COPY --chown=airflow:0 pyproject.toml README.m[d] /opt/airflow/warta-src/

# Installs the `warta` console script. Built from a scratch copy because setuptools writes build/
# and *.egg-info next to the sources; deps are already in place, hence --no-deps.
RUN cp -r /opt/airflow/warta-src /tmp/warta-build \
    && cp -r /opt/airflow/plugins /tmp/warta-build/plugins \
    && pip install --no-cache-dir --no-deps /tmp/warta-build \
    && rm -rf /tmp/warta-build

COPY --chown=airflow:0 dags/ /opt/airflow/dags/

# plugins/ ahead of site-packages: the (mounted) sources win over the installed snapshot, and
# warta.config then finds sql/ beside them; WARTA_SQL_DIR also covers the installed `warta` CLI.
ENV PYTHONPATH=/opt/airflow/plugins \
    WARTA_SQL_DIR=/opt/airflow/sql \
    WARTA_INBOX=/opt/airflow/data/inbox \
    WARTA_WAREHOUSE=/opt/airflow/data/warehouse
