"""Writing one file atomically, never over a different one by accident (status new, status import, export-sheet)."""

from __future__ import annotations

import os
from pathlib import Path

from sixcore.errors import SixcoreUserError


def write_atomically(target: Path, content: bytes, relative: Path, force: bool = False) -> bool:
    """Write `content` to `target` atomically, with the user's normal permissions (0644 under umask 022, not
    mkstemp's 0600); False when the same content is already there (status new, status import, export-sheet).

    An existing different file is replaced only with `force`; otherwise it is a user error (never overwritten).
    """
    if target.exists():
        if target.read_bytes() == content:
            return False
        if not force:
            raise SixcoreUserError("檔案已存在且內容不同，未覆蓋；確定要取代請加 --force / the file exists with other content and was not overwritten; "
                                   "pass --force to replace it", path=relative)
    temporary = target.parent / f".{target.name}.{os.getpid()}.tmp"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(content)
        if force:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails if the file appeared meanwhile: never overwrite
    except FileExistsError:
        raise SixcoreUserError("檔案已存在，未覆蓋 / the file exists and was not overwritten", path=relative) from None
    except OSError as error:
        raise SixcoreUserError(f"無法寫入檔案 / cannot write the file: {error.strerror}", path=relative) from None
    finally:
        temporary.unlink(missing_ok=True)
    return True
