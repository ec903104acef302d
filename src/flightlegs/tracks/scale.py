"""The same reconstruction over partitioned Parquet, on Dask.

Months of data do not fit one process: the Parquet dataset (a folder of
files, in any of the table schemes :mod:`~flightlegs.tracks.formats` reads)
is read partition by partition, shuffled so that each aircraft's rows land in
one partition, and each partition is rebuilt with
:func:`~flightlegs.tracks.legs.reconstruct_all` on a worker. Memory stays
bounded by the partition size; only the (small) legs come back.

A local cluster of two single-threaded workers is started by default;
``scheduler="tcp://host:8786"`` uses a running one instead.

Needs ``pip install 'flightlegs[scale]'`` (dask, distributed, pyarrow).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flightlegs.errors import InputError, MissingDependencyError
from flightlegs.tracks.formats import columns_of_table
from flightlegs.tracks.legs import reconstruct_all
from flightlegs.tracks.model import ObservedTrack
from flightlegs.tracks.points import points_from_columns

__all__ = ["observe_frame", "observe_parquet"]


def observe_frame(frame: Any, source: str = "parquet") -> list[ObservedTrack]:
    """Rebuild every aircraft in one pandas DataFrame partition (run on a worker)."""
    table = {name: frame[name].to_numpy() for name in frame.columns}
    _, columns, stale = columns_of_table(table, source)
    points, counts = points_from_columns(columns, stale=stale)
    return reconstruct_all(points, None, source, counts)


def _partition(frame: Any, source: str) -> Any:
    import pandas as pd

    tracks = observe_frame(frame, source) if len(frame) else []
    return pd.Series(tracks, dtype=object)


def observe_parquet(
    paths: Sequence[str | Path],
    scheduler: str | None = None,
    progress: bool = True,
    workers: int = 2,
) -> list[ObservedTrack]:
    """Every aircraft's legs in a partitioned Parquet dataset, computed on Dask.

    Parameters
    ----------
    paths
        Parquet files or folders of them.
    scheduler
        Address of a running Dask scheduler; ``None`` starts a local cluster.
    progress
        Show a progress bar on stderr.
    workers
        Workers of the local cluster.

    Raises
    ------
    MissingDependencyError
        When dask, distributed or pyarrow are missing.
    """
    try:
        import dask.dataframe as dd
        from dask.distributed import Client, LocalCluster
        from dask.distributed import progress as show_progress
    except ImportError:
        raise MissingDependencyError(
            "--engine dask needs dask, distributed and pyarrow: pip install 'flightlegs[scale]'"
        ) from None
    files = [str(p) for p in paths]
    missing = [p for p in files if not Path(p).exists()]
    if missing:
        raise InputError(f"{missing[0]}: no such file or folder; expected Parquet tracks")
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    client = Client(scheduler or cluster)  # type: ignore[no-untyped-call]
    try:
        try:
            ddf = dd.read_parquet(files)
        except Exception as err:  # pyarrow and dask raise their own kinds
            raise InputError(f"{files[0]}: not a readable Parquet dataset ({err})") from None
        key = next((c for c in ddf.columns if c.lower() == "icao24"), None)
        if key is None:
            raise InputError(f"{files[0]}: Parquet tracks need an icao24 column")
        # each aircraft's rows in one partition, so no leg is cut between workers
        grouped = ddf.shuffle(on=key)
        source = files[0] if len(files) == 1 else f"{len(files)} paths"
        result = grouped.map_partitions(_partition, source, meta=(None, object))
        future = client.compute(result)  # type: ignore[no-untyped-call]
        if progress:
            show_progress(future)  # type: ignore[no-untyped-call]
        tracks: list[ObservedTrack] = list(future.result())
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
    return sorted(tracks, key=lambda t: t.icao24)
