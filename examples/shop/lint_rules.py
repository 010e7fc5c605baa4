"""The shop team's own rules, loaded by ``plugins = ["lint_rules.py"]`` in standards.toml.

A local plugin is a module (or a ``.py`` file) that defines a ``RulePack``. It
needs no packaging: it lives in the repository, is reviewed like any other
code, and changing it invalidates the cache on the next run.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from standards_lint import Area, Invalid, Rule, RulePack, Valid, option


@dataclass(frozen=True, slots=True)
class TeamOptions:
    """The ``[team]`` section of standards.toml."""

    always_naive: tuple[str, ...] = option(
        ("utcnow", "utcfromtimestamp", "today"),
        "datetime methods that return a naive datetime whatever their arguments.",
    )


TEAM_AREA = Area(name="team", prefix="TEAM", title="Shop team conventions", options=TeamOptions)

# The position of the ``tz`` argument when it is passed positionally.
_TZ_POSITION = {"now": 0, "fromtimestamp": 1}


class NaiveDatetime(Rule[TeamOptions]):
    """Reports ``datetime.now()`` and friends called without a time zone."""

    code = "TEAM001"
    name = "naive-datetime"
    area = "team"
    summary = "A datetime is made without a time zone."
    rationale = (
        "A naive datetime means local time on one server and UTC on the next; orders"
        " placed around midnight land on the wrong day in reports. Every timestamp the"
        " shop stores is made aware, in UTC: datetime.now(timezone.utc)."
    )
    options_used = ("always-naive",)
    valid = (
        Valid("from datetime import datetime, timezone\nstamp = datetime.now(timezone.utc)\n"),
        Valid("import datetime\nstamp = datetime.datetime.now(tz=datetime.UTC)\n"),
        Valid("start = clock.now()\n"),
    )
    invalid = (
        Invalid("from datetime import datetime\nstamp = datetime.now()\n", line=2),
        Invalid("import datetime\nstamp = datetime.datetime.utcnow()\n", line=2, message="utcnow"),
        Invalid("stamp = datetime.fromtimestamp(seconds)\n", line=1),
    )

    def visit_Call(self, node: cst.Call) -> None:
        """``datetime.now()``, ``datetime.datetime.utcnow()``, ..."""
        method = node.func
        if not isinstance(method, cst.Attribute) or not _names_datetime(method.value):
            return
        name = method.attr.value
        if name in self.options.always_naive:
            self.report(node, f"datetime.{name}() is always naive; use now(timezone.utc)")
        elif name in _TZ_POSITION and not _passes_tz(node, _TZ_POSITION[name]):
            self.report(node, f"datetime.{name}() without tz makes a naive datetime")


def _names_datetime(node: cst.BaseExpression) -> bool:
    """Whether ``node`` is ``datetime`` or ``<anything>.datetime``."""
    if isinstance(node, cst.Name):
        return node.value == "datetime"
    return isinstance(node, cst.Attribute) and node.attr.value == "datetime"


def _passes_tz(call: cst.Call, position: int) -> bool:
    """Whether ``call`` passes ``tz``, by keyword or at ``position``."""
    positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
    keywords = {arg.keyword.value for arg in call.args if arg.keyword is not None}
    return len(positional) > position or "tz" in keywords


PACK = RulePack(name="shop-team", rules=[NaiveDatetime], areas=[TEAM_AREA])
