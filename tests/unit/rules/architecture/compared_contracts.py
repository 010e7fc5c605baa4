"""The contracts checked by import-linter and by standards-lint on real packages.

Each list is a package's contracts as the tables of ``[[architecture.contracts]]``
(``arc_compare.write_configs`` writes import-linter's INI form of them): one of
each kind import-linter has, chosen so that each is broken somewhere. The
agreement test runs all of them; the benchmark times the Django ones.
"""

from __future__ import annotations

from typing import Any

HTTPX: list[dict[str, Any]] = [
    {
        "name": "layers",
        "type": "layers",
        "layers": [
            "httpx._main",
            "httpx._api",
            "httpx._client",
            "httpx._transports",
            "httpx._auth | httpx._multipart",
            "httpx._models",
            "httpx._urls",
            "httpx._exceptions",
        ],
    },
    {
        "name": "models without idna",
        "type": "forbidden",
        "source-modules": ["httpx._models"],
        "forbidden-modules": ["idna"],
    },
    {
        "name": "independent",
        "type": "independence",
        "modules": ["httpx._auth", "httpx._multipart", "httpx._decoders", "httpx._content"],
    },
    {"name": "acyclic", "type": "acyclic", "ancestors": ["httpx"]},
    {
        "name": "protected",
        "type": "protected",
        "protected-modules": ["httpx._urlparse"],
        "allowed-importers": ["httpx._urls"],
    },
]
DJANGO: list[dict[str, Any]] = [
    {
        "name": "layers",
        "type": "layers",
        "layers": [
            "django.contrib",
            "django.test",
            "django.views | django.forms | django.template",
            "django.db",
            "django.core",
            "django.utils",
        ],
    },
    {
        "name": "db without http",
        "type": "forbidden",
        "source-modules": ["django.db"],
        "forbidden-modules": ["django.http", "django.contrib", "sqlparse", "asgiref"],
    },
    {
        "name": "independent apps",
        "type": "independence",
        "modules": [
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.sessions",
            "django.contrib.gis",
            "django.contrib.postgres",
        ],
    },
    {"name": "acyclic", "type": "acyclic", "ancestors": ["django"]},
    {
        "name": "protected",
        "type": "protected",
        "protected-modules": ["django.db.backends"],
        "allowed-importers": ["django.db.models", "django.contrib.gis"],
    },
]
LIBCST: list[dict[str, Any]] = [
    {
        "name": "layers",
        "type": "layers",
        "layers": [
            "libcst.tool",
            "libcst.codemod",
            "libcst.matchers",
            "libcst.metadata",
            "libcst._nodes",
            "libcst._parser",
        ],
    },
    {
        "name": "nodes without codemods",
        "type": "forbidden",
        "source-modules": ["libcst._nodes"],
        "forbidden-modules": ["libcst.codemod", "libcst.metadata", "typing_extensions"],
    },
    {
        "name": "independent",
        "type": "independence",
        "modules": ["libcst.codemod", "libcst.display", "libcst.helpers"],
    },
    {"name": "acyclic", "type": "acyclic", "ancestors": ["libcst"]},
]
HYPOTHESIS: list[dict[str, Any]] = [
    {
        "name": "layers",
        "type": "layers",
        "layers": [
            "hypothesis.extra",
            "hypothesis.stateful",
            "hypothesis.strategies",
            "hypothesis.internal",
        ],
    },
    {
        "name": "internal without extras",
        "type": "forbidden",
        "source-modules": ["hypothesis.internal"],
        "forbidden-modules": ["hypothesis.extra", "hypothesis.stateful", "attr"],
    },
    {
        "name": "independent",
        "type": "independence",
        "modules": [
            "hypothesis.extra",
            "hypothesis.internal.conjecture",
            "hypothesis.internal.escalation",
        ],
    },
    {"name": "acyclic", "type": "acyclic", "ancestors": ["hypothesis"]},
]
