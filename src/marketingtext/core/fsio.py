"""Files written whole or not at all: atomic writes, folders swapped in whole, and their error type.

A write goes to a temporary file beside the target, is flushed to disk (fsync), and is renamed over
the target; the folder is synced after the rename. A new file gets the permissions the user's umask
gives (``0o666 & ~umask``), an existing file keeps its own, a cache file is ``0o600``. A symlinked
target is written through: its target file is replaced, the link stays. An interruption (an error,
Ctrl-C) removes the temporary file and leaves the old file as it was.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from .errors import MtextError

_UMASK_LOCK = threading.Lock()


class OutputError(MtextError):
    """The output cannot be written; the message names the file and the fix."""


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back, under a lock)."""
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and a rename: never half a file.

    ``mode``: the file's permissions (caches: ``0o600``); by default an existing file keeps its
    mode and a new one gets ``0o666 & ~umask``.
    """
    path = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({exc.strerror}); choose a writable folder "
                          "with --output") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), _target_mode(path, mode))
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror}); choose another --output") from exc
    except BaseException:  # Ctrl-C or a bug: no temporary file left behind
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_folder(directory)


def _target_mode(path: Path, mode: int | None) -> int:
    if mode is not None:
        return mode
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def sync_folder(folder: Path) -> None:
    """fsync a folder so that a rename in it survives a crash (best effort: not every OS allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_folder(folder: Path, write_files: Callable[[Path], None]) -> None:
    """Build a folder's files in a temporary folder beside it, then move them in, all at the end.

    ``write_files(tmp)`` writes every file into ``tmp``. Only when it has finished are the files
    renamed into ``folder`` (a new folder is renamed into place as a whole); an error or Ctrl-C
    while building leaves ``folder`` as it was. Other files in ``folder`` are left alone.
    """
    folder = Path(os.path.realpath(folder))
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the folder ({exc.strerror}); choose another --out") from exc
    try:
        write_files(tmp)
        if not folder.exists():
            os.chmod(tmp, 0o777 & ~current_umask())
            os.rename(tmp, folder)
        elif not folder.is_dir():
            raise OutputError(f"{folder}: exists and is not a folder; choose another --out")
        else:
            for path in sorted(tmp.iterdir()):
                target = folder / path.name
                if target.is_symlink():
                    target = Path(os.path.realpath(target))
                if target.exists():  # an existing output keeps its permissions
                    os.chmod(path, stat.S_IMODE(target.stat().st_mode))
                os.replace(path, target)
        sync_folder(folder)
        sync_folder(folder.parent)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write ({exc.strerror}); choose another --out") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
