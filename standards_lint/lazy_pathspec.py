"""pathspec, imported on first use.

Most runs need no gitignore matcher: the default include and exclude
patterns are answered by name (:mod:`standards_lint.config.walk_patterns`),
and a tree may hold no ``.gitignore`` file. Modules that build one reach
pathspec through this proxy::

    if TYPE_CHECKING:
        import pathspec
    else:
        from standards_lint.lazy_pathspec import pathspec
"""

from __future__ import annotations

from standards_lint.lazy_libcst import LazyModule

pathspec = LazyModule("pathspec")
