"""Django's JSON serializer, keeping datetimes to the microsecond.

Django's own encoder cuts datetimes to milliseconds, so a backup would not give back the
times it was made from (history dates, approvals). Registered as the "json" format in
settings.SERIALIZATION_MODULES; reading is Django's own.
"""

import datetime as dt

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, (dt.datetime, dt.time)) and not (
                isinstance(o, dt.time) and o.utcoffset() is not None):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = FullPrecisionEncoder


Deserializer = django_json.Deserializer
