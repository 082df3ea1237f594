"""Cells of the sign codes: alike codes share a cell, and a query's nearest cells hold its neighbours."""

import numpy as np

from clipdesk.store.index import cells


def _codes(groups: int = 4, each: int = 500, bits: int = 256,
           seed: int = 3) -> tuple[list[np.ndarray], np.ndarray]:
    """Codes in `groups` clusters (a random centre each, 5% of its bits flipped), as stored columns."""
    rng = np.random.default_rng(seed)
    centres = rng.random((groups, bits)) > 0.5
    flips = rng.random((groups * each, bits)) < 0.05
    signs = np.repeat(centres, each, axis=0) ^ flips
    words = np.packbits(signs, axis=1).view(np.uint64)
    return [np.ascontiguousarray(words[:, j]) for j in range(words.shape[1])], centres


def test_alike_codes_share_a_cell_and_a_query_probes_the_cell_of_its_neighbours():
    columns, centres = _codes()
    centroids = cells.train(columns, cells=4)
    assigned = cells.assign(columns, centroids)
    groups = assigned.reshape(4, 500)
    assert all(len(set(group.tolist())) == 1 for group in groups)  # each group whole in one cell
    assert len({int(group[0]) for group in groups}) == 4  # and no two groups in the same one
    query = np.where(centres[2], 1.0, -1.0) / 16
    assert cells.probed(centroids, query, 1).tolist() == [groups[2][0]]
    assert cells.probed(centroids, query, 9).tolist() == [0, 1, 2, 3]  # more probes than cells: all


def test_the_same_codes_give_the_same_cells():
    columns, _ = _codes(seed=5)
    assert np.array_equal(cells.train(columns, cells=8), cells.train(columns, cells=8))
