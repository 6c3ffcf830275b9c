"""gunicorn's settings module (`gunicorn -c python:bitnews.gunicorn`, deploy/systemd/bitnews.service):
with PROMETHEUS_MULTIPROC_DIR set, each worker that exits has its counts folded into what
/metrics reads (prometheus_client's multiprocess mode), so a reload or `--max-requests`
restart does not leave a dead worker's gauges behind."""

import os


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
