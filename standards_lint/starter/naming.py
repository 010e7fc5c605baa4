"""Which naming style each kind of name follows today, for the starter's ``[style]`` options."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from standards_lint.rules.style.naming_styles import NameSpec, describe_spec, is_exempt, name_test
from standards_lint.starter.render import Setting


@dataclass(frozen=True, slots=True)
class NamedKind:
    """A kind of name: its option, the rule that reports it, and its default style."""

    key: str
    rule: str
    default: NameSpec
    #: How the comment speaks of these names.
    plural: str


#: The kinds of name whose style the starter chooses.
KINDS: Final = (
    NamedKind("naming-classes", "STY003", "PascalCase", "class names"),
    NamedKind("naming-functions", "STY004", "snake_case", "function names"),
    NamedKind("naming-methods", "STY005", "snake_case", "method names"),
    NamedKind("naming-arguments", "STY006", "snake_case", "parameter names"),
    NamedKind("naming-variables", "STY007", "snake_case", "variable names in functions"),
    NamedKind("naming-constants", "STY008", ("UPPER_CASE", "snake_case"), "module-level names"),
)
#: The named styles a kind may be found to follow, in the order ties are settled.
STYLES: Final = ("snake_case", "PascalCase", "camelCase", "UPPER_CASE")
#: The share of names one style needs to be "clearly" the code's.
CLEAR_SHARE: Final = 0.8
#: A regular expression no name matches: with it, the naming rules report every name.
EVERY_NAME: Final = "^$"
#: The name in a naming rule's message: ``function name 'parseFile' should be ...``.
_REPORTED_NAME: Final = re.compile(r"'([^']+)'")


def probe_options() -> dict[str, str]:
    """``[style]`` options under which each naming rule reports every name it judges."""
    return {kind.key: EVERY_NAME for kind in KINDS}


def reported_name(rule: str, message: str) -> tuple[str, str] | None:
    """(option key, name) of a naming rule's report under :func:`probe_options`."""
    if message.startswith("Final name"):
        return None  # Final names have their own option, which the starter leaves alone.
    kind = next((kind for kind in KINDS if kind.rule == rule), None)
    found = _REPORTED_NAME.search(message)
    if kind is None or found is None or is_exempt(found.group(1)):
        return None
    return kind.key, found.group(1)


def share(spec: NameSpec, names: Sequence[str]) -> float:
    """The share of ``names`` that ``spec`` accepts."""
    accepts = name_test(spec)
    return sum(1 for name in names if accepts(name)) / len(names)


def choose_style(kind: NamedKind, names: Sequence[str]) -> tuple[NameSpec, float]:
    """The style ``names`` clearly follow, else the two they mix; with the share it accepts.

    The default wins a tie, so a team whose code already follows it keeps it.
    """
    candidates: list[NameSpec] = [kind.default, *STYLES]
    best = max(candidates, key=lambda spec: share(spec, names))
    best_share = share(best, names)
    if best_share >= CLEAR_SHARE:
        return best, best_share
    ranked = sorted(STYLES, key=lambda style: -share(style, names))
    pair = (ranked[0], ranked[1])
    pair_share = share(pair, names)
    return (pair, pair_share) if pair_share > best_share else (best, best_share)


def naming_settings(names: Mapping[str, Iterable[str]]) -> list[Setting]:
    """A ``[style]`` naming option for each kind with names today, with the share they follow."""
    settings = []
    for kind in KINDS:
        found = list(names.get(kind.key, ()))
        if not found:
            continue
        spec, accepted = choose_style(kind, found)
        count = round(accepted * len(found))
        comment = (
            f"{count} of the {len(found)} {kind.plural} ({accepted:.0%}) are {describe_spec(spec)}."
        )
        if count < len(found):
            comment += (
                f"\nThe other {len(found) - count} break it today: their rule is ignored"
                " below,\nor they are in the baseline."
            )
        settings.append(Setting("style", kind.key, spec, comment))
    return settings
