"""Strategy documents (PDF, text or Markdown) into the document model `leitstand.document/2`.

Django-free on purpose: any worker process can import it alone. Entry point:
`leitstand.ingest.pipeline.ingest_path(path)`; the command line is `leitstand ingest`.
"""
