"""The one router every endpoint of the REST API is added to.

Reads and writes share paths (GET and POST /api/v1/observations); django-ninja joins the
methods of a path only within one router, so both modules add their endpoints here."""

from ninja import Router

router = Router()
