"""Parse workers: fresh Python processes that import only the parsing code (prepare.py), given chunks of
files through a pipe and answering with what they made of them; `python -m clipdesk.store.workers` is one.

A worker started fresh holds the text rules and their word lists, not a copy of the writing process
(SQLite, numpy, the embedding model, the people index), so the ingest's memory stays bounded."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
from collections import deque
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path
from typing import IO

from clipdesk.store.prepare import Prepared, prepare_files

STOP_WAIT_S = 10  # how long a worker is given to exit once its pipes are closed, before it is killed


class WorkerDied(RuntimeError):
    """A parse worker exited before answering for its chunk."""


class ParseWorkers:
    """`count` worker processes, closed (or killed) when the `with` block ends."""

    def __init__(self, count: int) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []
        for _ in range(count):
            self.processes.append(subprocess.Popen([sys.executable, "-m", "clipdesk.store.workers"],
                                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE))

    def __enter__(self) -> ParseWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        for process in self.processes:  # a worker blocked writing, or waiting for work, now ends
            for pipe in (process.stdout, process.stdin):
                with contextlib.suppress(OSError):
                    _pipe(pipe).close()
        for process in self.processes:
            try:
                process.wait(STOP_WAIT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def prepared(self, files: Iterator[Path], chunk: int, ahead: int) -> Iterator[Prepared]:
        """The files prepared, in order, `chunk` files a task, the workers taking turns, with at most
        `ahead` tasks given out and not yet taken back."""
        turns = cycle(self.processes)
        given: deque[subprocess.Popen[bytes]] = deque()

        def give() -> None:
            paths = [str(path) for path in islice(files, chunk)]
            if paths:
                worker = next(turns)
                pickle.dump(paths, _pipe(worker.stdin), pickle.HIGHEST_PROTOCOL)
                _pipe(worker.stdin).flush()
                given.append(worker)

        for _ in range(ahead):
            give()
        while given:
            worker = given.popleft()
            try:
                done: list[Prepared] = pickle.load(_pipe(worker.stdout))
            except (EOFError, pickle.UnpicklingError) as exc:
                raise WorkerDied(f"a parse worker exited (status {worker.poll()})") from exc
            give()
            yield from done


def _pipe(pipe: IO[bytes] | None) -> IO[bytes]:
    if pipe is None:
        raise WorkerDied("a parse worker has no pipe")
    return pipe


def main() -> None:
    """One worker: lists of paths in on stdin, their list[Prepared] out on stdout, until stdin closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle: it closes the pipes
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed may get into the answers
    while True:
        try:
            paths = pickle.load(source)
        except EOFError:
            return
        try:
            pickle.dump(prepare_files([Path(p) for p in paths]), sink, pickle.HIGHEST_PROTOCOL)
            sink.flush()
        except BrokenPipeError:  # the writer has gone: leave without flushing into the closed pipe
            os.dup2(os.open(os.devnull, os.O_WRONLY), sink.fileno())
            return


if __name__ == "__main__":
    main()
