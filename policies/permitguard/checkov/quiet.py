"""Checkov's own logs, one line each, while our checks are loaded into its process: a file whose parse
exceeds Checkov's time limit (HCL_PARSE_TIMEOUT_SEC, a 67 MB `.tf`) is logged by its `stopit` timer as a
warning with the whole traceback, twice. The warning stays (one line, with the reason); the traceback goes.
The file is still listed under `parsing_errors`, which `permitguard report` turns into a failure (README
"Checkov: staying closed")."""
from __future__ import annotations

import logging

ENGINE_LOGGERS = ("stopit",)  # checkov/common/util/stopit/utils.py: LOG = logging.getLogger(name='stopit')


class OneLine(logging.Filter):
    """Drops the traceback of a record, appending the exception's own words to its message."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info:
            exc = record.exc_info[1]
            record.msg = f"{record.getMessage()}: {exc} (the file is listed under parsing_errors)"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def one_line_engine_logs() -> None:
    for name in ENGINE_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, OneLine) for f in logger.filters):
            logger.addFilter(OneLine())
