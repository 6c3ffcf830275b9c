"""The logs: plain lines by default; JSON lines when LOG_FORMAT=json (for a log collector),
each with the request id nginx sets (`X-Request-ID`, deploy/nginx/bitnews.conf) so a line of
the app's log is found beside nginx's access log line of the same request.

`begin_request(value)` (bitnews/middleware.py, first) holds the id from the start of a request
until Django's `request_finished` (after Django's own "Not Found" and "Internal Server Error"
lines, which it writes once the middleware is done); `RequestIdFilter` puts it on every record
as `request_id` ("-" outside a request);
`JsonFormatter` writes one object a line: time (UTC, ISO 8601), level, logger, message,
request_id, and the exception's traceback when there is one."""

import contextvars
import datetime
import json
import logging

from django.core.signals import request_finished

_request_id = contextvars.ContextVar("request_id", default="-")
MAX_ID = 64  # nginx's $request_id is 32 hex digits; anything longer is cut


def begin_request(value):
    _request_id.set((value or "-")[:MAX_ID])


def end_request(**kwargs):
    _request_id.set("-")


request_finished.connect(end_request, dispatch_uid="bitnews.logs.end_request")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
