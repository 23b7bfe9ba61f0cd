"""The admin's start page links to the editors' pages outside the admin, the upload first."""

from django.contrib import admin

admin.site.index_template = "admin/onboarding/index.html"
