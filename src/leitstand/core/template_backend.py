"""Django's template backend, letting a page's rendering context go when the page is drawn.

A template Context and each of its dicts (ContextDict) refer to each other. So the context –
and everything a view put into it: a hundred goal rows with their goals, assessments and
checks – is not freed when the request ends but waits for the garbage collector's full
collection to find the cycle. A goal list left some 3,700 such objects per request; every
few dozen requests one request paid a full collection over 75,000 objects (50–110 ms), the
slowest twentieth of the pages. Emptying the context's list of dicts after rendering breaks
the cycle, and reference counting frees the page's objects at once. (A test client's copy of
the context keeps its own list: tests still read `response.context`.)
"""

from __future__ import annotations

from django.template import TemplateDoesNotExist
from django.template.backends import django as base
from django.template.context import make_context


class Template(base.Template):
    def render(self, context=None, request=None):
        context = make_context(context, request, autoescape=self.backend.engine.autoescape)
        try:
            return self.template.render(context)
        except TemplateDoesNotExist as exc:
            base.reraise(exc, self.backend)
        finally:
            context.dicts.clear()


class DjangoTemplates(base.DjangoTemplates):
    def from_string(self, template_code):
        return Template(self.engine.from_string(template_code), self)

    def get_template(self, template_name):
        try:
            return Template(self.engine.get_template(template_name), self)
        except TemplateDoesNotExist as exc:
            base.reraise(exc, self)
