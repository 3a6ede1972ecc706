"""Cache housekeeping: what the cache folder holds, clearing it, and a size cap.

Only mtext's own entries are touched (``*.spacy`` Docs, ``*.json`` tables, ``*.pickle`` tables of
older versions, and temporary files of interrupted writes), so a cache folder pointed at a folder
holding other files loses none of them. The cap removes the least recently used entries first: a
cache hit sets its file's modification time (:func:`marketingtext.engine.cache.read_entry`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import MtextError

ENTRY_SUFFIXES = (".spacy", ".json", ".pickle")
MAX_MB_ENV = "MTEXT_CACHE_MAX_MB"


@dataclass(frozen=True)
class CacheEntry:
    path: Path
    size: int
    used: float  # modification time: written or last read


@dataclass(frozen=True)
class CacheInfo:
    location: Path
    docs: int
    tables: int
    size: int

    @property
    def entries(self) -> int:
        return self.docs + self.tables


def default_cache_dir() -> Path:
    """``MTEXT_CACHE_DIR``, else the user's cache folder (``~/.cache/mtext`` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(os.environ.get("MTEXT_CACHE_DIR") or user_cache_dir("mtext"))


def cache_entries(root: Path) -> list[CacheEntry]:
    """Every cache entry under ``root`` (Docs and tables, of any pipeline), oldest use first."""
    entries = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(ENTRY_SUFFIXES) or _is_temporary(name):
                path = Path(folder) / name
                try:
                    status = path.stat()
                except OSError:
                    continue  # removed meanwhile by another run
                entries.append(CacheEntry(path, status.st_size, status.st_mtime))
    return sorted(entries, key=lambda e: (e.used, str(e.path)))


def _is_temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp")


def cache_info(root: Path) -> CacheInfo:
    entries = [e for e in cache_entries(root) if not _is_temporary(e.path.name)]
    docs = sum(e.path.suffix == ".spacy" for e in entries)
    return CacheInfo(root, docs, len(entries) - docs, sum(e.size for e in entries))


def clear_cache(root: Path) -> CacheInfo:
    """Remove every cache entry under ``root`` and the folders left empty; returns what was removed."""
    removed = cache_info(root)
    for entry in cache_entries(root):
        entry.path.unlink(missing_ok=True)
    _remove_empty_folders(root)
    return removed


def trim_cache(root: Path, max_bytes: int) -> int:
    """Remove the least recently used entries until the cache holds at most ``max_bytes``; returns
    how many were removed."""
    entries = cache_entries(root)
    total = sum(e.size for e in entries)
    removed = 0
    for entry in entries:
        if total <= max_bytes:
            break
        try:
            entry.path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            continue
        total -= entry.size
        removed += 1
    return removed


def max_bytes_from(max_mb: float | None) -> int | None:
    """The cap in bytes from ``max_mb`` (an option), else ``MTEXT_CACHE_MAX_MB``, else None (no cap)."""
    if max_mb is None:
        raw = os.environ.get(MAX_MB_ENV, "").strip()
        if not raw:
            return None
        try:
            max_mb = float(raw)
        except ValueError:
            raise MtextError(f"{MAX_MB_ENV}={raw!r} is not a number of megabytes; unset it or give e.g. 500") \
                from None
    return int(max_mb * 1024 * 1024) if max_mb >= 0 else None


def _remove_empty_folders(root: Path) -> None:
    for folder, _, _ in sorted(os.walk(root), key=lambda item: -len(item[0])):
        if Path(folder) != Path(root):
            try:
                os.rmdir(folder)
            except OSError:
                pass  # not empty: it holds something that is not ours
