"""Extraction on a dask.distributed cluster: one pipeline per worker, results in input order.

    from eventx.distributed import extract_documents
    for document, events in extract_documents(documents, "tcp://scheduler:8786"):
        ...

The client reads the inputs and cuts the stream of documents into consecutive chunks (a line
range of the input); each chunk is one task, run by a worker on the eventx pipeline it loaded
once (a worker plugin), and the results come back chunk by chunk in input order. Only a few
chunks per worker are in flight, so memory stays flat however long the input. Workers need
eventx and the spaCy model installed (`pip install 'eventx[dask]'`); the user's pattern files
travel with the plugin, so workers need not see the client's disk.
"""

from __future__ import annotations

import tempfile
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import resources
from .defaults import DEFAULT_BATCH_SIZE
from .errors import DaskMissingError, ExtractionError
from .schema import Document, Event

try:
    from distributed import Client, Future, WorkerPlugin, get_worker
except ImportError as error:  # an optional extra: say how to get it
    raise DaskMissingError(
        "running on a Dask cluster needs dask.distributed: pip install 'eventx[dask]'"
    ) from error

if TYPE_CHECKING:
    from spacy.language import Language

PLUGIN = "eventx-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Worker plugin holding the worker's one eventx pipeline, loaded on first use.

    Loading lazily keeps plugin registration quick and lets a load failure reach the
    client as the failure of a task rather than a worker that never starts.
    """

    def __init__(self, model: str | None, patterns: Sequence[tuple[str, bytes]]) -> None:
        self.model = model
        self.patterns = tuple(patterns)
        self._nlp: Language | None = None
        self._lock = threading.Lock()
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def setup(self, worker: Any) -> None:
        self._lock = threading.Lock()

    def teardown(self, worker: Any) -> None:
        if self._folder is not None:
            self._folder.cleanup()

    def __getstate__(self) -> dict[str, Any]:
        # Only the recipe travels; every worker builds its own pipeline.
        return {"model": self.model, "patterns": self.patterns}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["model"], state["patterns"])  # type: ignore[misc]

    def run(
        self, documents: list[Document], batch_size: int, fast: bool = False
    ) -> list[list[Event] | str]:
        """Events of each document, or the reason it failed; one pipeline call at a time,
        since a spaCy pipeline is not made to be shared between threads."""
        from . import fastpath, stream

        extract = fastpath.extract_documents if fast else stream.extract_documents
        with self._lock:
            nlp = self._pipeline()
            return [
                result.reason if isinstance(result, ExtractionError) else result
                for _, result in extract(nlp, documents, batch_size=batch_size)
            ]

    def _pipeline(self) -> Language:
        if self._nlp is None:
            from .pipeline import load_pipeline

            paths: list[Path] = []
            if self.patterns:
                self._folder = tempfile.TemporaryDirectory(prefix="eventx-patterns-")
                for number, (name, content) in enumerate(self.patterns):
                    path = Path(self._folder.name) / f"{number}-{Path(name).name}"
                    path.write_bytes(content)
                    paths.append(path)
            self._nlp = load_pipeline(self.model, paths)
        return self._nlp


def _extract_chunk(
    documents: list[Document], batch_size: int, fast: bool
) -> list[list[Event] | str]:
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, PipelinePlugin)
    return plugin.run(documents, batch_size, fast)


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_documents(
    documents: Iterable[Document],
    scheduler: str | Client,
    *,
    model: str | None = None,
    patterns: Sequence[Path] = (),
    batch_size: int = DEFAULT_BATCH_SIZE,
    chunk_size: int = 64,
    in_flight: int | None = None,
    fast: bool = False,
) -> Iterator[tuple[Document, list[Event] | ExtractionError]]:
    """Each document with its events (or the error that stopped it), in input order, as
    `eventx.stream.extract_documents` gives them, but parsed on a Dask cluster.

    `scheduler` is an address (`tcp://host:8786`) or a connected `distributed.Client`.
    `model` is resolved on the workers (default: their best installed English pipeline).
    `patterns` are read and checked here, then shipped to the workers. At most `in_flight`
    chunks (default: two per worker thread) wait on the cluster at once. `fast` runs the
    workers on `eventx.fastpath`.
    """
    shipped = []
    for path in patterns:
        resources.read_patterns(path)  # a bad file fails here, naming itself, not on a worker
        shipped.append((str(path), path.read_bytes()))
    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    waiting: deque[tuple[list[Document], Future]] = deque()
    try:
        client.register_plugin(PipelinePlugin(model, shipped), name=PLUGIN)
        threads = sum(client.nthreads().values()) or 1
        limit = in_flight or 2 * threads
        for chunk in _chunks(documents, chunk_size):
            future = client.submit(_extract_chunk, chunk, batch_size, fast, pure=False)
            waiting.append((chunk, future))
            while len(waiting) >= limit:
                yield from _results(*waiting.popleft())
        while waiting:
            yield from _results(*waiting.popleft())
    finally:
        for _, future in waiting:  # the caller stopped early
            future.cancel()
        if own:
            client.close()


def _results(
    chunk: list[Document], future: Future
) -> Iterator[tuple[Document, list[Event] | ExtractionError]]:
    from .stream import short

    try:
        results = future.result()
    except Exception as error:  # the task failed as a whole: a worker died, the model is missing
        reason = f"the cluster failed: {short(error)}"
        for document in chunk:
            yield document, ExtractionError(document.doc_id, reason)
        return
    for document, result in zip(chunk, results, strict=True):
        if isinstance(result, str):
            yield document, ExtractionError(document.doc_id, result)
        else:
            yield document, result


def extract_events(
    documents: Iterable[Document], scheduler: str | Client, **options: Any
) -> Iterator[Event]:
    """Stream the events of documents parsed on a Dask cluster; raises ExtractionError on a
    document that cannot be processed (use `extract_documents` to carry on past it)."""
    for _document, result in extract_documents(documents, scheduler, **options):
        if isinstance(result, ExtractionError):
            raise result
        yield from result
