"""Writing outputs so that nothing already made is lost: temp file, fsync, rename."""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Iterator

from pipeline.core.errors import PipelineError


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temp path beside `path`; on success it replaces `path` in one rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # The writer's PID is in the name, so a cleanup never removes another live process's file.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part" + path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp makes the file private; outputs are ordinary files, readable as the umask allows.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_text(path: str | Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_partials(folder: str | Path) -> None:
    """Delete temp files left behind by runs that were killed mid-write (not those of live ones)."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    for part in folder.rglob(".*.part*"):
        match = re.search(r"\.(\d+)\.[^.]*\.part", part.name)
        if match and int(match.group(1)) != os.getpid() and _alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            part.unlink()


@contextlib.contextmanager
def exclusive_lock(lock_path: str | Path, what: str) -> Iterator[None]:
    """Hold an exclusive lock so two renders of one chapter cannot clobber each other."""
    lock_path = Path(lock_path)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PipelineError(lock_path, None, f"{what} is already running in another process",
                                "wait for it to finish, then run again") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_text(path: str | Path, what: str = "file") -> str:
    """Read a UTF-8 text file or explain, in one line, why it cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PipelineError(path, None, f"{what} not found", "check the path") from None
    except IsADirectoryError:
        raise PipelineError(path, None, f"{what} is a folder, not a file", "give the path of a file") from None
    except OSError as exc:
        raise PipelineError(path, None, f"cannot read {what}: {exc.strerror}", "check its permissions") from None
    if b"\x00" in data:
        raise PipelineError(path, None, f"{what} is binary, not text", "give a plain UTF-8 text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PipelineError(path, line, f"{what} is not valid UTF-8 (byte {exc.start})",
                            "re-save the file as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's content, read a megabyte at a time (episodes and models are large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
