"""Open data: the JSON API under /api/v1/ and the bulk exports (CSV)."""
