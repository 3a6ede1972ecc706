"""The one error type the command line turns into a one-line message (``mtext: error: ...``).

Library code raises a subclass with a message that names the file or option and the fix; the CLI
catches :class:`MtextError` at its edge, so a user never sees a traceback for a problem they can fix.
"""

from __future__ import annotations


class MtextError(RuntimeError):
    """A problem the user can fix; ``str(error)`` is one line naming what and how."""
