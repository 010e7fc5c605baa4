"""STY014: TODO and FIXME comments that do not say which ticket tracks the work.

The rule reads the text, not the tree. Most files contain no tag at all, and
a plain substring test settles them. Lines where a tag follows a ``#`` are
candidates; only then is the file tokenized (up to the last candidate line),
so a tag inside a string or a docstring is never mistaken for a comment.
"""

from __future__ import annotations

import functools
import io
import re
import tokenize

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.style.options import StyleOptions


@functools.lru_cache(maxsize=16)
def tag_pattern(tags: tuple[str, ...]) -> re.Pattern[str]:
    """Matches a comment that starts with one of ``tags`` as a whole word (``# TODO: x``)."""
    alternatives = "|".join(re.escape(tag) for tag in sorted(tags, key=len, reverse=True))
    return re.compile(rf"#[\s#:!-]*(?P<tag>{alternatives})(?![\w])")


@functools.lru_cache(maxsize=16)
def ticket_pattern(pattern: str) -> re.Pattern[str]:
    """The compiled ``todo-ticket-pattern``."""
    return re.compile(pattern)


class TodoWithoutTicket(Rule[StyleOptions]):
    """Reports comments starting with a ``todo-tags`` word that match no ``todo-ticket-pattern``."""

    code = "STY014"
    name = "todo-without-ticket"
    area = "style"
    summary = "A TODO or FIXME comment does not reference the ticket that tracks it."
    rationale = (
        "A TODO without a ticket is a promise nobody is keeping: it is invisible to"
        " planning, it outlives the person who wrote it, and a reader cannot tell"
        " whether it still matters. A ticket reference (ABC-123, #123, an issue"
        " URL) puts the work where the team tracks work and lets the comment be"
        " removed when the ticket closes. Only comments that start with a tag count,"
        " matched case-sensitively, so prose that mentions a todo list is not one."
    )
    options_used = ("todo-tags", "todo-ticket-pattern")
    valid = (
        Valid("# TODO(PAY-142): retry on timeout\nx = 1\n"),
        Valid("x = 1  # FIXME #381: off by one at month end\n"),
        Valid("# TODO: https://github.com/org/repo/issues/12\n"),
        Valid('message = "TODO: write this"\n"""\n# TODO in a docstring\n"""\n'),
        Valid("# The todo list is kept in tasks.py\n"),
        Valid("# TODOS are tracked elsewhere\n"),
        Valid("# TODO #12: tidy\n", options={"todo-ticket-pattern": "#[0-9]+"}),
    )
    invalid = (
        Invalid("x = 1\n# TODO: handle errors\n", line=2, message="TODO"),
        Invalid("def f():\n    return 1  # FIXME wrong for leap years\n", line=2),
        Invalid("# TODO(alice): speed this up\n", line=1),
        Invalid(
            "# TODO PAY-142: ask finance\n",
            line=1,
            options={"todo-ticket-pattern": "#[0-9]+"},
        ),
        Invalid("# HACK: patch the clock\n", line=1, options={"todo-tags": ["HACK"]}),
    )

    def start_file(self) -> None:
        """Find the tagged comments, tokenizing only files that have a candidate line."""
        text = self.source.text
        tags = self.options.todo_tags
        if not any(tag in text for tag in tags):
            return
        tagged = tag_pattern(tags)
        candidates = {
            number
            for number, line in enumerate(self.source.lines, start=1)
            if "#" in line and tagged.search(line)
        }
        if not candidates:
            return
        ticket = ticket_pattern(self.options.todo_ticket_pattern)
        for line, column, comment in _comments_on(text, candidates):
            match = tagged.match(comment)
            if match is not None and ticket.search(comment) is None:
                tag = match.group("tag")
                self.report_at(
                    line,
                    column + match.start("tag") + 1,
                    f"{tag} comment does not say which ticket tracks it"
                    " (a reference matching todo-ticket-pattern)",
                    end_column=column + len(comment) + 1,
                )


def _comments_on(text: str, lines: set[int]) -> list[tuple[int, int, str]]:
    """The comments on ``lines`` as (line, 0-based column, text); none if it won't tokenize."""
    last = max(lines)
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            line = token.start[0]
            if line > last:
                break
            if token.type == tokenize.COMMENT and line in lines:
                found.append((line, token.start[1], token.string))
    except (tokenize.TokenError, SyntaxError):
        return []  # such a file does not parse, which is reported on its own
    return found
