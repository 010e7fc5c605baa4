"""parse_docstring: summary, sections and entries for each convention, on any text."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from standards_lint.rules.docstrings.sections import (
    CONVENTIONS,
    Convention,
    ParsedDocstring,
    SectionEntry,
    parse_docstring,
)


def parse(docstring: str, convention: Convention) -> ParsedDocstring:
    """Parse a docstring written indented in a test, as it would be in source."""
    return parse_docstring(textwrap.dedent(docstring), convention)


def names(entries: tuple[SectionEntry, ...]) -> list[str]:
    """Return the names of entries."""
    return [entry.name for entry in entries]


# --- summary -----------------------------------------------------------------


@pytest.mark.parametrize("convention", CONVENTIONS)
def test_one_line_summary(convention: Convention) -> None:
    parsed = parse_docstring("Do the thing.\n\n    More words.\n    ", convention)
    assert parsed.summary == "Do the thing."
    assert parsed.summary_line_offset == 0
    assert parsed.summary_line_count == 1


@pytest.mark.parametrize("convention", CONVENTIONS)
def test_summary_on_the_line_after_the_quotes(convention: Convention) -> None:
    parsed = parse_docstring("\n    Do the thing.\n    ", convention)
    assert (parsed.summary, parsed.summary_line_offset) == ("Do the thing.", 1)


@pytest.mark.parametrize("convention", CONVENTIONS)
def test_summary_spanning_lines(convention: Convention) -> None:
    parsed = parse_docstring("Do the thing\n    over two lines.\n\n    Rest.", convention)
    assert parsed.summary == "Do the thing"
    assert parsed.summary_paragraph == "Do the thing over two lines."
    assert parsed.summary_line_count == 2


@pytest.mark.parametrize("convention", CONVENTIONS)
def test_blank_docstring(convention: Convention) -> None:
    parsed = parse_docstring("   \n  ", convention)
    assert parsed.summary_line_offset is None
    assert parsed.sections == ()


@pytest.mark.parametrize(
    ("convention", "docstring"),
    [
        ("google", "Summary.\n    Args:\n        x: The x.\n    "),
        ("numpy", "Summary.\n    Parameters\n    ----------\n    x : int\n    "),
        ("sphinx", "Summary.\n    :param x: The x.\n    "),
    ],
)
def test_a_section_ends_the_summary_paragraph(convention: Convention, docstring: str) -> None:
    parsed = parse_docstring(docstring, convention)
    assert parsed.summary_line_count == 1
    assert names(parsed.parameters) == ["x"]


def test_pep257_has_no_sections() -> None:
    parsed = parse(
        """Summary.

        Args:
            x: The x.
        """,
        "pep257",
    )
    assert parsed.sections == ()
    assert parsed.parameters == ()


# --- google --------------------------------------------------------------------

GOOGLE = """Fetch rows.

    Longer description.

    Args:
        table (Table): The table.
            Continued here.
        keys: The keys.
        *args: More.
        **kwargs (Any): Options.

    Keyword Args:
        timeout (float): Seconds.

    Returns:
        Dict[str, int]: A mapping.

    Yields:
        Row: Each row.

    Raises:
        IOError: When the table cannot be read.
        KeyError, ValueError: When a key is bad.

    Note:
        Slow.
    """


def test_google_sections_in_order() -> None:
    parsed = parse(GOOGLE, "google")
    assert [(section.name, section.kind) for section in parsed.sections] == [
        ("Args", "parameters"),
        ("Keyword Args", "keyword-arguments"),
        ("Returns", "returns"),
        ("Yields", "yields"),
        ("Raises", "raises"),
        ("Note", "text"),
    ]
    assert parsed.malformations == ()


def test_google_entries() -> None:
    parsed = parse(GOOGLE, "google")
    assert names(parsed.parameters) == ["table", "keys", "*args", "**kwargs", "timeout"]
    table = parsed.parameters[0]
    assert (table.type, table.description, table.line_offset) == (
        "Table",
        "The table. Continued here.",
        5,
    )
    assert parsed.returns[0].type == "Dict[str, int]"
    assert parsed.returns[0].description == "A mapping."
    assert parsed.yields[0].type == "Row"
    assert names(parsed.raises) == ["IOError", "KeyError", "ValueError"]


def test_google_section_offsets_count_from_the_first_line() -> None:
    parsed = parse(GOOGLE, "google")
    assert parsed.sections[0].line_offset == 4
    assert parsed.sections_of("returns")[0].line_offset == 14


def test_google_returns_as_free_text() -> None:
    parsed = parse(
        """Sum.

        Returns:
            True if found: otherwise False.
        """,
        "google",
    )
    assert parsed.returns[0].type == ""
    assert parsed.returns[0].description == "True if found: otherwise False."


def test_google_title_is_case_insensitive_and_synonyms_count() -> None:
    parsed = parse(
        """Sum.

        arguments:
            x: The x.
        """,
        "google",
    )
    assert names(parsed.parameters) == ["x"]


def test_google_entry_not_in_form_is_malformed() -> None:
    parsed = parse(
        """Sum.

        Args:
            x: The x.
            y the y.
        """,
        "google",
    )
    assert names(parsed.parameters) == ["x"]
    (malformation,) = parsed.malformations
    assert malformation.section == "Args"
    assert malformation.kind == "parameters"
    assert malformation.line_offset == 4
    assert "'y the y.'" in malformation.message


def test_google_prose_paragraph_is_reported_once() -> None:
    parsed = parse(
        """Sum.

        Args:
            x: The x.
            which goes on
            and on.
        """,
        "google",
    )
    assert [m.line_offset for m in parsed.malformations] == [4]


def test_google_prose_only_parameters_section_is_not_malformed() -> None:
    parsed = parse(
        """Sum.

        Args:
            See `parse` for all of them.
        """,
        "google",
    )
    assert parsed.malformations == ()
    assert parsed.sections_of("parameters")[0].entries == ()


def test_google_empty_section_is_malformed() -> None:
    parsed = parse(
        """Sum.

        Args:
        x: Not indented.
        """,
        "google",
    )
    assert "has no content indented below it" in parsed.malformations[0].message


def test_google_text_on_the_title_line_is_read_and_reported() -> None:
    parsed = parse(
        """Sum.

        Returns: The total.
        """,
        "google",
    )
    assert parsed.returns[0].description == "The total."
    assert "text follows 'Returns:'" in parsed.malformations[0].message


def test_google_prose_that_looks_like_a_note_title_is_prose() -> None:
    parsed = parse(
        """Sum.

        Note: this is slow.
        """,
        "google",
    )
    assert parsed.sections == ()


def test_google_indented_title_is_not_a_section() -> None:
    parsed = parse(
        """Sum.

        Example::

            Args:
                x: not a section
        """,
        "google",
    )
    assert parsed.sections_of("parameters") == ()


def test_google_bare_title_on_first_line_means_no_summary() -> None:
    parsed = parse_docstring("Args:\n    x: The x.\n", "google")
    assert parsed.summary_line_offset is None


# --- numpy ----------------------------------------------------------------------

NUMPY = """Compute things.

    Parameters
    ----------
    x, y : array_like
        The inputs.
    axis : int, optional
    \\*args
        More.

    Returns
    -------
    out : ndarray
        The result.
    int
        A count.

    Raises
    ------
    ValueError
        If bad.

    See Also
    --------
    other : Another.
    """


def test_numpy_sections_and_entries() -> None:
    parsed = parse(NUMPY, "numpy")
    assert [section.kind for section in parsed.sections] == [
        "parameters",
        "returns",
        "raises",
        "text",
    ]
    assert names(parsed.parameters) == ["x", "y", "axis", "*args"]
    assert parsed.parameters[0].type == "array_like"
    assert parsed.parameters[2].type == "int, optional"
    assert [(entry.name, entry.type) for entry in parsed.returns] == [
        ("out", "ndarray"),
        ("", "int"),
    ]
    assert names(parsed.raises) == ["ValueError"]
    assert parsed.malformations == ()


def test_numpy_none_means_no_parameters() -> None:
    parsed = parse(
        """Sum.

        Parameters
        ----------
        None
        """,
        "numpy",
    )
    assert parsed.parameters == ()
    assert parsed.malformations == ()


def test_numpy_name_list_with_ellipsis_stays_whole() -> None:
    parsed = parse(
        """Stack.

        Parameters
        ----------
        a1, a2, ... : array_like
            Arrays.
        """,
        "numpy",
    )
    assert names(parsed.parameters) == ["a1, a2, ..."]


def test_numpy_entry_not_in_form_is_malformed() -> None:
    parsed = parse(
        """Sum.

        Parameters
        ----------
        x : int
            The x.
        The other values are ignored.
        """,
        "numpy",
    )
    assert [m.line_offset for m in parsed.malformations] == [6]


def test_numpy_template_placeholder_is_not_malformed() -> None:
    parsed = parse(
        """Sum.

        Parameters
        ----------
        x : int
            The x.
        ${ARRAY_FUNCTION_LIKE}
        """,
        "numpy",
    )
    assert parsed.malformations == ()


def test_numpy_title_without_underline_is_text() -> None:
    parsed = parse(
        """Sum.

        Parameters
        x : int
        """,
        "numpy",
    )
    assert parsed.sections == ()


def test_numpy_empty_section_is_malformed() -> None:
    parsed = parse(
        """Sum.

        Returns
        -------
        """,
        "numpy",
    )
    assert parsed.malformations[0].message == "section 'Returns' is empty"


# --- sphinx ---------------------------------------------------------------------

SPHINX = """Open a file.

    :param str path: Where it is.
        More about it.
    :param \\*args: Positional extras.
    :param mode: How.
    :type mode: str
    :keyword encoding: Text encoding.
    :returns: The file.
    :rtype: IO
    :raises OSError: When it cannot.
    :raises ~errors.Denied: When not allowed.
    :meta private:
    """


def test_sphinx_fields_grouped_into_sections() -> None:
    parsed = parse(SPHINX, "sphinx")
    assert [(section.name, section.kind) for section in parsed.sections] == [
        ("param", "parameters"),
        ("keyword", "keyword-arguments"),
        ("returns", "returns"),
        ("raises", "raises"),
    ]
    assert names(parsed.parameters) == ["path", "*args", "mode", "encoding"]
    assert parsed.parameters[0].type == "str"
    assert parsed.parameters[0].description == "Where it is. More about it."
    assert parsed.parameters[2].type == "str"
    assert (parsed.returns[0].type, parsed.returns[0].description) == ("IO", "The file.")
    assert names(parsed.raises) == ["OSError", "~errors.Denied"]
    assert parsed.malformations == ()


def test_sphinx_rtype_alone_documents_a_return() -> None:
    parsed = parse(
        """Sum.

        :rtype: int
        """,
        "sphinx",
    )
    assert parsed.returns[0].type == "int"


def test_sphinx_role_at_line_start_is_not_a_field() -> None:
    parsed = parse(
        """Make a
        :class:`Thing` from parts.
        """,
        "sphinx",
    )
    assert parsed.sections == ()
    assert parsed.summary_line_count == 2


def test_sphinx_nameless_param_is_malformed() -> None:
    parsed = parse(
        """Sum.

        :param: The x.
        """,
        "sphinx",
    )
    assert "names nothing" in parsed.malformations[0].message


def test_sphinx_unclosed_field_is_malformed() -> None:
    parsed = parse(
        """Sum.

        :param x the x
        """,
        "sphinx",
    )
    assert parsed.malformations[0].section == "param"
    assert "not a well-formed field" in parsed.malformations[0].message


def test_sphinx_nameless_type_is_an_attribute_type() -> None:
    parsed = parse(
        """The directory.

        :type: Path
        """,
        "sphinx",
    )
    assert parsed.malformations == ()


# --- robustness -------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "",
        "   ",
        "Summary.",
        "Args:",
        "Returns:",
        "Raises:",
        "Returns: inline",
        "Parameters",
        "----------",
        "---",
        "x : int",
        "x (int): desc",
        "*args: more",
        "a1, a2, ... : arrays",
        ":param x: desc",
        ":param:",
        ":param x desc",
        ":rtype: int",
        ":type:",
        ":raises ValueError:",
        "None",
        "${PLACEHOLDER}",
        "\\*\\*kwargs : dict",
        ":",
        "(",
        "\t",
        "\u2026",
    ]
)
DOCSTRING_LINES = st.lists(
    st.tuples(st.integers(min_value=0, max_value=8), _FRAGMENTS | st.text(max_size=20)),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(lines=DOCSTRING_LINES, convention=st.sampled_from(CONVENTIONS))
def test_any_docstring_like_text_parses(
    lines: list[tuple[int, str]], convention: Convention
) -> None:
    docstring = "\n".join(" " * indent + text for indent, text in lines)
    parsed = parse_docstring(docstring, convention)
    line_count = len(docstring.split("\n"))
    for section in parsed.sections:
        assert 0 <= section.line_offset < line_count
        for entry in section.entries:
            assert 0 <= entry.line_offset < line_count
    for malformation in parsed.malformations:
        assert 0 <= malformation.line_offset < line_count


@settings(max_examples=200, deadline=None)
@given(text=st.text(), convention=st.sampled_from(CONVENTIONS))
def test_any_text_parses(text: str, convention: Convention) -> None:
    parse_docstring(text, convention)


def test_unknown_convention_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="'googel'"):
        parse_docstring("Sum.", "googel")  # type: ignore[arg-type]
