"""A function run in a forked process alongside the main one, its result fetched when needed.

With ``--jobs N`` the documents are parsed in N processes, but what ``analyze`` does after the last document (the
topic model, the workbook, the report) ran in the main process alone while the other cores idled. Two pieces of that
tail that do not need each other now run at once: the topic model beside the keyword and entity tables, the
workbook beside the report. Without ``fork`` (Windows, macOS's default) or with one job, the function runs in the
main process when its result is asked for, as before: the same result, in the same order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any

NOT_DONE = object()


class Alongside:
    """``function(*args, **kwargs)``, computed in a forked child when ``enabled`` (and the platform forks), else
    in this process on the first call of :meth:`result`. An exception it raises is raised by :meth:`result`."""

    def __init__(self, function: Callable[..., Any], *args, enabled: bool = True, **kwargs) -> None:
        self._call = (function, args, kwargs)
        self._value: Any = NOT_DONE
        self._process = self._receiver = None
        if enabled and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_run_in_child, args=(sender, function, args, kwargs), daemon=True)
            self._process.start()
            sender.close()  # the child holds the other end: a child that dies closes it, and recv() says so

    def result(self) -> Any:
        if self._value is NOT_DONE:
            self._value = self._fetched() if self._process is not None else _outcome(*self._call)
        failed, value = self._value
        if failed:
            raise value
        return value

    def _fetched(self) -> tuple[bool, Any]:
        try:
            outcome = self._receiver.recv()  # before join: a result bigger than the pipe's buffer waits to be read
        except (EOFError, OSError):  # the child died without a word (killed, out of memory): do it here
            outcome = None
        finally:
            self._receiver.close()
            self._process.join()
        return outcome if outcome is not None else _outcome(*self._call)


def _outcome(function: Callable[..., Any], args: tuple, kwargs: dict) -> tuple[bool, Any]:
    try:
        return False, function(*args, **kwargs)
    except Exception as exc:  # raised again where the result is asked for, as without a child
        return True, exc


def _run_in_child(sender, function: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: no second traceback
    failed, value = _outcome(function, args, kwargs)
    try:
        sender.send((failed, value))
    except Exception as exc:  # an exception that does not pickle: its text at least
        sender.send((True, RuntimeError(f"{type(value).__name__}: {value}" if failed else f"unpicklable: {exc}")))
    finally:
        sender.close()
