"""Checks shared by the zip-based formats (.docx, .odt): a real zip, of the right kind, not a zip bomb."""

from __future__ import annotations

import zipfile
from pathlib import Path

from . import FormatError

# Uncompressed size of all members together; far above any essay, far below a zip bomb.
MAX_UNZIPPED_BYTES = 500_000_000


def open_checked_zip(path: Path, kind: str, save_as: str) -> zipfile.ZipFile:
    """The opened zip container of a ``kind`` document, or a FormatError that says what the file is."""
    if not zipfile.is_zipfile(path):
        head = path.read_bytes()[:8]
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise FormatError(f"an old binary Office file, not {kind}; open it and save it as {save_as}")
        raise FormatError(f"not a {kind} file (no zip container; damaged or renamed?); "
                          f"open it in a word processor and save it as {save_as}")
    try:
        archive = zipfile.ZipFile(path)
        unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FormatError(f"damaged {kind} file ({exc}); open it in a word processor and save it again") from exc
    if unzipped > MAX_UNZIPPED_BYTES:
        archive.close()
        raise FormatError(f"{kind} file unpacks to {unzipped / 1e6:.0f} MB (limit {MAX_UNZIPPED_BYTES / 1e6:.0f} MB); "
                          "split the document")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, kind: str) -> bytes:
    """One member's bytes; a missing or unreadable member is a damaged document."""
    try:
        return archive.read(name)
    except KeyError as exc:
        raise FormatError(f"not a {kind} document: the zip has no {name} (another format renamed?); "
                          "open it and save it again in the right format") from exc
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise FormatError(f"damaged {kind} file ({exc}); open it in a word processor and save it again") from exc
