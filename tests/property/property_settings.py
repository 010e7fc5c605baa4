"""The hypothesis settings the property tests share."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# No example database: the examples are cheap to regenerate, and the suite
# should not write into the working tree. Generated programs are large and
# slow to shrink, which the health checks would otherwise count against them.
SETTINGS = settings(
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
