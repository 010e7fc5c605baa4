"""What the registry knows of each built-in area before importing its rules.

Written by ``make rule-index`` (:mod:`standards_lint.rules.write_index`) from
the areas' rule sets: edit the rules, not this file.
"""

from standards_lint.rule import DeferredRules, RuleEntry

DEFERRED = (
    DeferredRules(
        "standards_lint.rules.style.rule_set:RULE_SET",
        "style",
        (
            RuleEntry("STY001", "line-too-long"),
            RuleEntry("STY002", "module-name"),
            RuleEntry("STY003", "class-name"),
            RuleEntry("STY004", "function-name"),
            RuleEntry("STY005", "method-name"),
            RuleEntry("STY006", "argument-name"),
            RuleEntry("STY007", "variable-name"),
            RuleEntry("STY008", "constant-name"),
            RuleEntry("STY009", "banned-call"),
            RuleEntry("STY010", "banned-import"),
            RuleEntry("STY011", "bare-except"),
            RuleEntry("STY012", "mutable-default-argument"),
            RuleEntry("STY013", "wildcard-import"),
            RuleEntry("STY014", "todo-without-ticket"),
            RuleEntry("STY015", "module-too-long"),
            RuleEntry("STY016", "too-many-arguments"),
        ),
    ),
    DeferredRules(
        "standards_lint.rules.architecture.rule_set:RULE_SET",
        "architecture",
        (
            RuleEntry("ARC001", "layer-violation"),
            RuleEntry("ARC002", "forbidden-import"),
            RuleEntry("ARC003", "independence-violation"),
            RuleEntry("ARC004", "protected-import"),
            RuleEntry("ARC005", "import-cycle"),
            RuleEntry("ARC006", "unmatched-ignore-import"),
        ),
        ("architecture.imports",),
    ),
    DeferredRules(
        "standards_lint.rules.docstrings.rule_set:RULE_SET",
        "docstrings",
        (
            RuleEntry("DOC101", "missing-module-docstring"),
            RuleEntry("DOC102", "missing-package-docstring"),
            RuleEntry("DOC103", "missing-class-docstring"),
            RuleEntry("DOC104", "missing-method-docstring"),
            RuleEntry("DOC105", "missing-function-docstring"),
            RuleEntry("DOC201", "docstring-coverage"),
            RuleEntry("DOC301", "docstring-summary"),
            RuleEntry("DOC302", "malformed-section"),
            RuleEntry("DOC303", "parameter-mismatch"),
            RuleEntry("DOC304", "returns-mismatch"),
            RuleEntry("DOC305", "yields-mismatch"),
            RuleEntry("DOC306", "raises-mismatch"),
        ),
        ("docstrings.coverage",),
    ),
    DeferredRules(
        "standards_lint.rules.complexity.rule_set:RULE_SET",
        "complexity",
        (
            RuleEntry("CPX001", "cyclomatic-complexity"),
            RuleEntry("CPX002", "cognitive-complexity"),
            RuleEntry("CPX003", "function-too-long"),
            RuleEntry("CPX004", "nesting-too-deep"),
            RuleEntry("CPX101", "low-maintainability"),
            RuleEntry("CPX102", "module-rank"),
            RuleEntry("CPX201", "average-complexity"),
        ),
        ("complexity.blocks",),
    ),
    DeferredRules(
        "standards_lint.rules.technologies.rule_set:RULE_SET",
        "technologies",
        (
            RuleEntry("TEC001", "unapproved-technology"),
            RuleEntry("TEC002", "restricted-technology"),
            RuleEntry("TEC003", "denied-technology"),
            RuleEntry("TEC101", "undeclared-dependency", enabled_by_default=False),
            RuleEntry("TEC102", "unused-dependency", enabled_by_default=False),
            RuleEntry("TEC103", "transitive-dependency", enabled_by_default=False),
            RuleEntry("TEC104", "development-dependency-in-production", enabled_by_default=False),
        ),
    ),
    DeferredRules(
        "standards_lint.rules.tests.rule_set:RULE_SET",
        "tests",
        (
            RuleEntry("TST001", "untested-module"),
            RuleEntry("TST101", "test-without-assertion"),
            RuleEntry("TST102", "skip-without-reason"),
            RuleEntry("TST103", "disabled-test"),
            RuleEntry("TST104", "test-naming"),
        ),
        ("tests.module-shape",),
    ),
    DeferredRules(
        "standards_lint.rules.coverage.rule_set:RULE_SET",
        "coverage",
        (
            RuleEntry("COV001", "coverage-data-missing"),
            RuleEntry("COV002", "coverage-data-unreadable"),
            RuleEntry("COV003", "coverage-data-stale"),
            RuleEntry("COV101", "total-coverage"),
            RuleEntry("COV102", "file-coverage"),
            RuleEntry("COV103", "path-coverage"),
        ),
        ("coverage.file-shape",),
    ),
)
