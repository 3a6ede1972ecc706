"""Finding the files under a folder: sorted, symlinked folders followed once, every skip said.

:func:`walk_folder` yields the matching files of a folder tree in a stable order, and a one-line
reason (an :class:`InputProblem`) for everything it passes over that a user could have meant as input:
a subfolder it may not list, a broken symbolic link, a symbolic link that loops or leads to a
folder already read, a folder or special file named like a text file. A symlinked folder is
followed once: the resolved path of every folder read is remembered.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InputProblem:
    """A path that could not be analysed (or was passed over while walking a folder), with a one-line reason and
    the fix."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def matches(name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in globs)


def walk_folder(root: Path, globs: tuple[str, ...], seen: set[str] | None = None) -> Iterator[str | InputProblem]:
    """Files under ``root`` whose names match ``globs`` (sorted by path), and what was skipped.

    ``seen`` (resolved folder paths already walked) is shared between calls so that a folder
    named twice, or reached again through a link, is read once.
    """
    seen = set() if seen is None else seen
    try:
        real = os.path.realpath(root, strict=True)
    except (OSError, RuntimeError):
        yield InputProblem(str(root), "symbolic link loop or missing target; skipped")
        return
    if real in seen:
        yield InputProblem(str(root), f"already read as {real} (a symbolic link to a folder read before); skipped once")
        return
    seen.add(real)
    try:
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except PermissionError:
        yield InputProblem(str(root), "permission denied; cannot list this folder (chmod +rx)")
        return
    except OSError as exc:
        yield InputProblem(str(root), f"cannot list this folder ({exc.strerror or exc})")
        return
    for entry in entries:
        yield from _walk_entry(entry, globs, seen)


def _walk_entry(entry: os.DirEntry, globs: tuple[str, ...], seen: set[str]) -> Iterator[str | InputProblem]:
    path = Path(entry.path)
    if entry.is_symlink() and not path.exists():  # whatever its name: it may have been meant as input
        reason = "symbolic link loop" if _loops(path) else "broken symbolic link (its target is missing)"
        yield InputProblem(entry.path, f"{reason}; skipped")
        return
    try:
        is_dir = entry.is_dir()  # follows links
        is_file = entry.is_file()
    except OSError as exc:
        yield InputProblem(entry.path, f"cannot be examined ({exc.strerror or exc})")
        return
    if is_dir:
        if matches(entry.name, globs):
            yield InputProblem(entry.path, "a folder named like a text file, not a file; its own files are read "
                                      "with the rest")
        yield from walk_folder(path, globs, seen)
    elif matches(entry.name, globs):
        if is_file:
            yield entry.path
        else:
            yield InputProblem(entry.path, "not a regular file (a device, pipe or socket); skipped")


def _loops(path: Path) -> bool:
    try:
        os.path.realpath(path, strict=True)
    except RuntimeError:
        return True
    except OSError as exc:
        return exc.errno == 40  # ELOOP
    return False
