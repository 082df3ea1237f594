"""An inverted file over the stored sign codes: cells of alike vectors (k-means on the codes as ±1
vectors), so that a question on a large store scans the codes of the cells nearest it, not every code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

CELLS_MIN = 400_000  # codes from which a store's scan is bounded to the nearest cells (below: all of them)
CELLS = 256  # cells of a store's codes
PROBES = 32  # cells scanned for a question (an eighth of the codes)
TRAIN_SAMPLE = 50_000  # codes the cells are fitted on
TRAIN_ROUNDS = 6  # rounds of k-means
BATCH = 32_768  # codes unpacked to ±1 vectors at a time


def signs(columns: list[np.ndarray], start: int, end: int) -> np.ndarray:
    """Codes start..end as (n, bits) float32 vectors of ±1 (bit order as np.packbits wrote them)."""
    return signs_of(columns, slice(start, end))


def signs_of(columns: list[np.ndarray], which: slice | np.ndarray) -> np.ndarray:
    import numpy as np

    words = np.stack([c[which] for c in columns], axis=1)  # (n, columns) uint64, bytes in stored order
    bits = np.unpackbits(words.view(np.uint8), axis=1).astype(np.float32)
    return bits * 2 - 1


def train(columns: list[np.ndarray], cells: int | None = None) -> np.ndarray:
    """Unit centroids (cells, bits; CELLS unless told) fitted by k-means (cosine) on an even sample
    of the codes; the same codes give the same cells."""
    import numpy as np

    cells = cells or CELLS
    size = columns[0].size
    sample = signs_of(columns, np.arange(0, size, max(1, size // TRAIN_SAMPLE)))
    centroids = sample[np.linspace(0, sample.shape[0] - 1, cells).astype(np.int64)].copy()
    for _ in range(TRAIN_ROUNDS):
        nearest = np.argmax(sample @ centroids.T, axis=1)
        order = np.argsort(nearest, kind="stable")
        filled, starts = np.unique(nearest[order], return_index=True)  # an empty cell keeps its centroid
        centroids[filled] = np.add.reduceat(sample[order], starts, axis=0)
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
    return centroids


def assign(columns: list[np.ndarray], centroids: np.ndarray) -> np.ndarray:
    """The cell of every code (its nearest centroid), a batch at a time."""
    import numpy as np

    size = columns[0].size
    out = np.empty(size, dtype=np.int32)
    for start in range(0, size, BATCH):
        end = min(size, start + BATCH)
        out[start:end] = np.argmax(signs(columns, start, end) @ centroids.T, axis=1)
    return out


def probed(centroids: np.ndarray, query: np.ndarray, probes: int | None = None) -> np.ndarray:
    """The `probes` cells (PROBES unless told) nearest the query vector (its dimensions: the codes'
    padding bits are left out), in cell order."""
    import numpy as np

    probes = probes or PROBES
    near = centroids[:, :query.size] @ query
    if probes >= near.size:
        return np.arange(near.size)
    return np.sort(np.argpartition(-near, probes - 1)[:probes])
