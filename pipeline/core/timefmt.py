"""Times in seconds written for people and players: the one place a duration becomes text."""
from __future__ import annotations


def _split(seconds: float, decimals: int) -> tuple[int, int, float]:
    """(hours, minutes, seconds) of a non-negative time, rounded once to `decimals` places of a second."""
    scale = 10 ** decimals
    total = max(0, int(round(float(seconds) * scale))) if decimals else max(0, int(float(seconds)))
    hours, rest = divmod(total, 3600 * scale)
    minutes, rest = divmod(rest, 60 * scale)
    return hours, minutes, rest / scale


def clock(seconds: float) -> str:
    """'2:03' or '1:02:03': a position on a player, whole seconds."""
    hours, minutes, secs = _split(seconds, 0)
    return f"{hours}:{minutes:02d}:{int(secs):02d}" if hours else f"{minutes}:{int(secs):02d}"


def minutes_clock(seconds: float) -> str:
    """'2:03.4': minutes and tenths of a second, for reports (hours count as minutes)."""
    hours, minutes, secs = _split(seconds, 1)
    return f"{hours * 60 + minutes}:{secs:04.1f}"


def vtt_timestamp(seconds: float) -> str:
    """'00:02:03.400': WebVTT's hours, minutes, seconds and milliseconds."""
    hours, minutes, secs = _split(seconds, 3)
    return f"{hours:02d}:{minutes:02d}:{int(secs):02d}.{int(round((secs - int(secs)) * 1000)):03d}"
