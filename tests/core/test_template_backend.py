"""A drawn page lets go of what its view handed the template (core.template_backend)."""

import gc
import weakref

from django.template import engines


class Rows(list):
    """Stands for a page's goal rows: something a weak reference can watch."""


def test_the_context_is_freed_when_the_page_is_drawn_not_at_the_next_full_collection(rf):
    rows = Rows(["Ziel 1", "Ziel 2"])
    watched = weakref.ref(rows)
    template = engines["django"].from_string("{% for r in rows %}{{ r }} {% endfor %}")
    gc.disable()  # only reference counting frees objects now, as between two collections
    try:
        # with a request, as every view renders (a RequestContext holding the view's dict)
        assert template.render({"rows": rows}, rf.get("/")) == "Ziel 1 Ziel 2 "
        del rows
        assert watched() is None
    finally:
        gc.enable()


def test_a_test_client_still_sees_the_context(client, db):
    response = client.get("/status/")
    assert response.status_code == 200 and response.context is not None
