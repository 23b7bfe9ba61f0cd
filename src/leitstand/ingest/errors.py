"""The one error type of ingest: its message is the one line the user sees."""


class IngestError(Exception):
    pass
