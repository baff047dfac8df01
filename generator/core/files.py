"""Files: the one way the tool writes a file, so that a failed write never leaves half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes, replace: bool = True) -> None:
    """Write `data` beside `path` and move it into place in one step. With `replace` False, a file that
    appeared at `path` meanwhile is kept and FileExistsError raised. OSError is left to the caller, who
    knows what to tell the user; the partial file is removed first."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        # A temporary file is its writer's alone; the file is then read as any file the user writes is.
        os.chmod(temporary, 0o666 & ~_umask())
        if replace:
            os.replace(temporary, path)
        else:
            # A hard link fails if the name is taken, where a rename would silently replace it.
            os.link(temporary, path)
            os.unlink(temporary)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
