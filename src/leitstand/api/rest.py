"""The REST API under /api/v1/ (django-ninja), with its OpenAPI document at
/api/v1/openapi.json and its reference page at /api/v1/docs (drawn on the server).

Reading is public and accepts `stand=YYYY-MM-DD` (the data as known on that day) wherever
statuses, assessments or observations are involved. Writing needs an editor's API token
(`Authorization: Bearer …`, made with `leitstand api-token create`) and obeys the same
rules as the editors' pages. Errors are JSON `{"detail": "…"}`; unknown query parameters
are refused with 400 instead of being ignored.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI

from leitstand.api import openapi_doc, reads, writes  # noqa: F401  (they add their endpoints)
from leitstand.api.reference import ReferencePage
from leitstand.api.routes import router


class LeitstandAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        """Operation ids are the endpoints' names, wherever their module lives."""
        return operation.view_func.__name__

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """ninja's document, completed with meanings, examples, errors and servers."""
        from django.conf import settings
        from django.utils import translation

        from leitstand import config
        from leitstand.api.catalogue import catalogue_settings
        from leitstand.api.exports import LICENSE

        # One document, whatever the page's language: the API's paths carry no /en/.
        with translation.override(settings.LANGUAGE_CODE):
            document = super().get_openapi_schema(path_prefix=path_prefix,
                                                  path_params=path_params)
        publisher = catalogue_settings()
        return openapi_doc.complete(
            document, server=config.get("LEITSTAND_SITE_URL"),
            contact={"name": publisher.publisher_name, "url": publisher.publisher_url},
            license_={"name": LICENSE["title"], "url": LICENSE["path"]})


api = LeitstandAPI(title="Leitstand API", version="1", urls_namespace="api",
                   docs=ReferencePage(), description=(
    "The register and monitoring of public strategies. Read access is public; "
    "`stand=YYYY-MM-DD` gives the data as known on that day. Writing needs an editor's "
    "API token (Bearer)."))
api.add_router("", router)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


@api.exception_handler(PermissionDenied)
def _denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not allowed."}, status=403)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)
