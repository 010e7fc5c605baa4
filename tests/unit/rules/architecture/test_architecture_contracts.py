"""The contracts of [architecture] on small projects written for each behaviour."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from standards_lint.api import check
from standards_lint.config import ConfigError, load_standards
from standards_lint.config.values import build_options
from standards_lint.model import Report, Violation
from standards_lint.rules.architecture.options import ArchitectureOptions


def _toml(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else json.dumps(value)


def run(
    tmp_path: Path,
    files: Mapping[str, str],
    *contracts: Mapping[str, Any],
    **area: Any,
) -> Report:
    """Check a project of ``files`` against ``contracts`` with every ARC rule selected."""
    lines = ['include = ["*.py"]', 'select = ["architecture"]', "", "[architecture]"]
    lines += [f"{key.replace('_', '-')} = {_toml(value)}" for key, value in area.items()]
    for contract in contracts:
        lines += ["", "[[architecture.contracts]]"]
        lines += [f"{key} = {_toml(value)}" for key, value in contract.items()]
    (tmp_path / "standards.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for relative, text in files.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    standards = load_standards(tmp_path / "standards.toml")
    return check([tmp_path], standards, use_cache=False, cwd=tmp_path)


def found(report: Report, code: str | None = None) -> list[Violation]:
    return [v for v in report.violations if code is None or v.rule == code]


PACKAGE = {"p/__init__.py": "", "p/high.py": "", "p/mid.py": "", "p/low.py": ""}
LAYERS = {"name": "L", "type": "layers", "layers": ["p.high", "p.mid", "p.low"]}


def test_one_finding_per_import_not_per_imported_name(tmp_path: Path) -> None:
    files = {**PACKAGE, "p/low.py": "from p.high import a, b, c\n"}
    violations = found(run(tmp_path, files, LAYERS), "ARC001")
    assert [(v.path, v.line) for v in violations] == [("p/low.py", 1)]
    assert violations[0].message == (
        "p.low may not import p.high, a higher layer (contract 'L'): p.low:1 → p.high"
    )


def test_a_chain_lists_each_step_with_its_line_and_names_every_file_it_crosses(
    tmp_path: Path,
) -> None:
    files = {**PACKAGE, "p/low.py": "\n\nimport p.util\n", "p/util.py": "\nfrom . import high\n"}
    report = run(tmp_path, files, LAYERS)
    (violation,) = found(report, "ARC001")
    assert (violation.path, violation.line) == ("p/low.py", 3)
    assert violation.message.endswith("p.low:3 → p.util:2 → p.high")


def test_bar_siblings_are_independent_and_colon_siblings_are_not(tmp_path: Path) -> None:
    files = {**PACKAGE, "p/low.py": "import p.mid\n"}
    independent = {"name": "I", "type": "layers", "layers": ["p.high", "p.mid | p.low"]}
    (violation,) = found(run(tmp_path, files, independent), "ARC001")
    assert "p.low may not import p.mid, an independent sibling" in violation.message
    together = {"name": "T", "type": "layers", "layers": ["p.high", "p.mid : p.low"]}
    assert not found(run(tmp_path, files, together), "ARC001")


def test_a_chain_through_another_layer_is_that_layers_finding(tmp_path: Path) -> None:
    # p.mid -> p.low -> p.high: only p.low breaks the contract; p.mid may import p.low.
    files = {**PACKAGE, "p/mid.py": "import p.low\n", "p/low.py": "import p.high\n"}
    violations = found(run(tmp_path, files, LAYERS), "ARC001")
    assert [v.path for v in violations] == ["p/low.py"]


def test_a_chain_through_the_package_init_is_found(tmp_path: Path) -> None:
    files = {
        **PACKAGE,
        "p/__init__.py": "from p.high import handler\n",
        "p/low.py": "from p import handler\n",
    }
    (violation,) = found(run(tmp_path, files, LAYERS), "ARC001")
    assert violation.message.endswith("p.low:1 → p:1 → p.high")


def test_containers_repeat_the_layers_and_exhaustive_reports_the_unlisted(
    tmp_path: Path,
) -> None:
    files = {
        "app/__init__.py": "",
        **{f"app/{c}/{m}.py": "" for c in ("orders", "users") for m in ("views", "models")},
        "app/orders/__init__.py": "",
        "app/users/__init__.py": "",
        "app/users/models.py": "from app.users import views\n",
        "app/users/extra.py": "",
    }
    contract = {
        "name": "C",
        "type": "layers",
        "layers": ["views", "models"],
        "containers": ["app.*"],
        "exhaustive": True,
    }
    violations = found(run(tmp_path, files, contract), "ARC001")
    messages = sorted(v.message for v in violations)
    assert len(messages) == 2
    assert messages[0].startswith("app.users.extra is in no layer of contract 'C'")
    assert messages[1].startswith("app.users.models may not import app.users.views")


def test_forbidden_reports_each_chain_once_and_never_loops_back(tmp_path: Path) -> None:
    files = {
        "p/__init__.py": "",
        "p/models.py": "import p.urls\nimport p.utils\n",
        "p/utils.py": "import p.urls\nimport p.models\n",
        "p/urls.py": "import idna\nimport p.models\n",
    }
    contract = {
        "name": "F",
        "type": "forbidden",
        "source-modules": ["p.models"],
        "forbidden-modules": ["idna"],
    }
    violations = found(run(tmp_path, files, contract), "ARC002")
    chains = [v.message.split(": ", 1)[1] for v in violations]
    assert chains == ["p.models:1 → p.urls:1 → idna"]
    assert violations[0].message.startswith("p.models may not import idna (contract 'F')")


def test_forbidden_with_indirect_imports_allowed_checks_direct_ones(tmp_path: Path) -> None:
    files = {"p/__init__.py": "", "p/a.py": "import p.b\n", "p/b.py": "import p.c\n", "p/c.py": ""}
    contract = {
        "name": "F",
        "type": "forbidden",
        "source-modules": ["p.a"],
        "forbidden-modules": ["p.c"],
    }
    assert len(found(run(tmp_path, files, contract), "ARC002")) == 1
    contract["allow-indirect-imports"] = True
    assert not found(run(tmp_path, files, contract), "ARC002")


def test_independence_reports_both_directions(tmp_path: Path) -> None:
    files = {
        "p/__init__.py": "",
        "p/a.py": "import p.common\n",
        "p/b.py": "import p.a\n",
        "p/common.py": "import p.b\n",
    }
    contract = {"name": "I", "type": "independence", "modules": ["p.a", "p.b"]}
    messages = sorted(v.message for v in found(run(tmp_path, files, contract), "ARC003"))
    assert [m.split(" (")[0] for m in messages] == [
        "p.a may not import p.b, an independent sibling",
        "p.b may not import p.a, an independent sibling",
    ]


def test_protected_modules_may_be_imported_only_by_the_allowed(tmp_path: Path) -> None:
    files = {
        "p/__init__.py": "",
        "p/db/__init__.py": "",
        "p/db/session.py": "",
        "p/repository.py": "from p.db import session\n",
        "p/web.py": "\n\nfrom p.db.session import Session\n",
    }
    contract = {
        "name": "P",
        "type": "protected",
        "protected-modules": ["p.db"],
        "allowed-importers": ["p.repository"],
    }
    (violation,) = found(run(tmp_path, files, contract), "ARC004")
    assert (violation.path, violation.line) == ("p/web.py", 3)


def test_acyclic_names_the_import_that_goes_against_the_order(tmp_path: Path) -> None:
    files = {
        "p/__init__.py": "",
        "p/a.py": "import p.b\nimport p.c\n",
        "p/b.py": "import p.c\n",
        "p/c.py": "import p.a\n",
    }
    contract = {"name": "A", "type": "acyclic", "ancestors": ["p"]}
    (violation,) = found(run(tmp_path, files, contract), "ARC005")
    assert violation.path == "p/c.py"
    assert violation.message.startswith("p.c imports p.a, against the order")


def test_ignore_imports_wildcards_and_entries_that_match_nothing(tmp_path: Path) -> None:
    files = {**PACKAGE, "p/low.py": "import p.high\n"}
    ignoring = {**LAYERS, "ignore-imports": ["p.* -> p.high", "p.nothing -> p.**"]}
    report = run(tmp_path, files, ignoring)
    assert not found(report, "ARC001")
    (unmatched,) = found(report, "ARC006")
    assert "'p.nothing -> p.**' of contract 'L' matches no import" in unmatched.message
    # '*' is exactly one name: p.* does not stand for p itself.
    not_deep = {**LAYERS, "ignore-imports": ["p -> p.high"]}
    assert found(run(tmp_path, files, not_deep), "ARC001")


def test_type_checking_imports_can_be_left_out(tmp_path: Path) -> None:
    text = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import p.high\nelse:\n    pass\n"
    )
    files = {**PACKAGE, "p/low.py": text}
    assert found(run(tmp_path, files, LAYERS), "ARC001")
    assert not found(run(tmp_path, files, LAYERS, exclude_type_checking_imports=True), "ARC001")
    # The else branch runs at run time: it still counts.
    files["p/low.py"] = text.replace("    pass", "    import p.high")
    assert found(run(tmp_path, files, LAYERS, exclude_type_checking_imports=True), "ARC001")


@pytest.mark.parametrize(
    "text",
    [
        "def later():\n    from . import high\n",
        "try:\n    import p.high\nexcept ImportError:\n    pass\n",
        "from .. import p\nfrom .high import handler\n",
    ],
    ids=["function-level", "conditional", "relative"],
)
def test_every_kind_of_import_counts(tmp_path: Path, text: str) -> None:
    files = {**PACKAGE, "p/low.py": text}
    assert found(run(tmp_path, files, LAYERS), "ARC001")


def test_src_layouts_namespace_packages_and_several_roots(tmp_path: Path) -> None:
    files = {
        "src/ns/web/views.py": "import lib.core\n",  # ns and ns.web have no __init__
        "src/lib/__init__.py": "",
        "src/lib/core.py": "import ns.web.views\n",
    }
    contract = {"name": "L", "type": "layers", "layers": ["ns.web", "lib"]}
    (violation,) = found(run(tmp_path, files, contract), "ARC001")
    assert violation.path == "src/lib/core.py"
    assert "lib may not import ns.web" in violation.message


def test_a_module_the_project_lacks_fails_the_run_with_the_closest_name(tmp_path: Path) -> None:
    contract = {"name": "L", "type": "layers", "layers": ["p.high", "p.midd", "p.low"]}
    report = run(tmp_path, PACKAGE, contract)
    assert report.exit_code == 2
    (error,) = found(report, "SL002")
    assert "contract 'L': layers names 'p.midd'" in error.message
    assert "did you mean 'p.mid'?" in error.message


def _problems(*contracts: Mapping[str, Any]) -> list[str]:
    return build_options(ArchitectureOptions, {"contracts": list(contracts)}, "architecture")[1]


def test_an_unknown_type_is_refused_with_the_closest_type() -> None:
    (problem,) = _problems({"name": "x", "type": "independance", "modules": ["a", "b"]})
    assert "contract 'x': type 'independance' is not a contract type" in problem
    assert "did you mean 'independence'?" in problem


def test_a_layer_listed_twice_and_an_empty_list_are_refused_each_on_its_own_line() -> None:
    (problem,) = _problems({"name": "x", "type": "layers", "layers": ["a", "b : a"]})
    assert "'a' is listed in layers 1 and 2" in problem
    (problem,) = _problems(
        {
            "name": "y",
            "type": "forbidden",
            "source-modules": [],
            "forbidden-modules": [],
            "layers": ["a"],
        }
    )
    first, *rest = problem.splitlines()
    assert first.endswith("contract 'y' has 3 problems:")
    assert all(line.startswith("    - ") for line in rest) and len(rest) == 3


def test_the_old_independent_siblings_flag_says_what_to_write_instead() -> None:
    (problem,) = _problems({"name": "x", "layers": ["a", "b"], "independent-siblings": True})
    assert "'a | b' are independent" in problem


def test_a_bad_contract_makes_the_command_exit_2(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        run(tmp_path, PACKAGE, {"name": "x", "type": "layer", "layers": ["p.a"]})
