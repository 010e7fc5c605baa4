"""ARC006: an ignore-imports entry that matches no import."""

from __future__ import annotations

from standards_lint.rule import Invalid, ProjectFacts, Valid
from standards_lint.rules.architecture.contract_rule import ContractRule, ignored_imports
from standards_lint.rules.architecture.graph import graph_for

_IGNORING = {
    "contracts": [
        {
            "name": "layers",
            "type": "layers",
            "layers": ["app.web", "app.models"],
            "ignore-imports": ["app.models -> app.web"],
        }
    ]
}


class UnmatchedIgnoreImport(ContractRule):
    """Reports ``ignore-imports`` entries of any contract that match no import of the project."""

    code = "ARC006"
    name = "unmatched-ignore-import"
    contract_type = ""
    summary = "An ignore-imports entry of a contract matches no import."
    rationale = (
        "An ignored import is an exception to a contract, written for an import that"
        " once existed. When the import goes, or the entry was misspelt, the entry only"
        " waits to hide the next import of the kind: so an entry that matches nothing is"
        " reported (as import-linter does), and can be deleted or corrected."
    )
    options_used = ("contracts",)
    valid = (Valid("import app.web\n", path="app/models.py", options=_IGNORING),)
    invalid = (
        Invalid(
            "import app.other\n",
            path="app/models.py",
            message="matches no import",
            options=_IGNORING,
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Match every contract's entries against the whole graph."""
        contracts = [c for c in self.options.contracts if c.ignore_imports]
        if not contracts:
            return
        graph = graph_for(project, self.options)
        for contract in contracts:
            for entry in ignored_imports(graph, contract)[1]:
                self.report(
                    f"ignore-imports entry {entry!r} of contract {contract.name!r}"
                    " matches no import"
                )
