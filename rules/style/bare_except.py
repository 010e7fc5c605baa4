"""STY011: ``except:`` with no exception type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from standards_lint.model import FixSafety
from standards_lint.rule import Invalid, ProposedFix, Replace, Rule, Valid
from standards_lint.rules.style.options import StyleOptions

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst


def ends_with_bare_raise(body: cst.BaseSuite) -> bool:
    """Whether the last statement of ``body`` is a bare ``raise``."""
    statements = body.body
    if not statements:
        return False
    last = statements[-1]
    if isinstance(last, cst.SimpleStatementLine):
        small = last.body
        return bool(small) and isinstance(small[-1], cst.Raise) and small[-1].exc is None
    return isinstance(last, cst.Raise) and last.exc is None


class BareExcept(Rule[StyleOptions]):
    """Reports ``except:`` clauses that name no exception type."""

    code = "STY011"
    name = "bare-except"
    area = "style"
    summary = "An `except:` clause catches every exception, KeyboardInterrupt and SystemExit too."
    rationale = (
        "A bare `except:` catches BaseException: Ctrl-C, sys.exit() and a"
        " generator's close() are swallowed along with real errors, and a bug such"
        " as a NameError turns into silent wrong behaviour. Name what you expect"
        " (`except (OSError, ValueError):`), or write `except Exception:` when you"
        " truly mean any error. A bare `except:` that ends with a bare `raise` only"
        " cleans up and lets everything through, so it is accepted unless"
        " bare-except-allow-reraise is false."
    )
    options_used = ("bare-except-allow-reraise",)
    fix_safety = (FixSafety.UNSAFE,)
    fix_summary = (
        "writes `except Exception:`; unsafe, because KeyboardInterrupt, SystemExit"
        " and GeneratorExit then pass through the handler"
    )
    valid = (
        Valid("try:\n    run()\nexcept Exception:\n    log()\n"),
        Valid("try:\n    run()\nexcept (OSError, ValueError) as error:\n    log(error)\n"),
        Valid("try:\n    run()\nexcept:\n    rollback()\n    raise\n"),
        Valid("try:\n    run()\nexcept: rollback(); raise\n"),
    )
    invalid = (
        Invalid(
            "try:\n    run()\nexcept:\n    pass\n",
            line=3,
            message="bare `except:`",
            fixed="try:\n    run()\nexcept Exception:\n    pass\n",
        ),
        Invalid(
            "try:\n    run()\nexcept ValueError:\n    pass\nexcept:\n    log()\n",
            line=5,
            fixed="try:\n    run()\nexcept ValueError:\n    pass\nexcept Exception:\n    log()\n",
        ),
        Invalid(
            "try:\n    run()\nexcept:\n    rollback()\n    raise\n",
            line=3,
            options={"bare-except-allow-reraise": False},
            fixed="try:\n    run()\nexcept Exception:\n    rollback()\n    raise\n",
        ),
        Invalid(
            "def f():\n    try:\n        run()\n    except  :  # keep\n"
            "        raise RuntimeError('failed')\n",
            line=4,
            fixed="def f():\n    try:\n        run()\n    except Exception:  # keep\n"
            "        raise RuntimeError('failed')\n",
        ),
    )

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        """Report a handler with no type, unless it only cleans up and re-raises."""
        if node.type is not None:
            return
        if self.options.bare_except_allow_reraise and ends_with_bare_raise(node.body):
            return
        catch_exception = node.with_changes(
            type=cst.Name("Exception"),
            whitespace_after_except=cst.SimpleWhitespace(" "),
            whitespace_before_colon=cst.SimpleWhitespace(""),
        )
        self.report(
            node,
            "bare `except:` catches every exception, KeyboardInterrupt included;"
            " name the exceptions or use `except Exception:`",
            fix=ProposedFix(
                "Catch `Exception`, not every exception",
                [Replace(node, catch_exception)],
                FixSafety.UNSAFE,
            ),
        )
