"""Stage 5: mix -> master. Loudness-normalised, peak-limited, encoded and tagged episode.

Loudness is measured in numpy while the mix is made (BS.1770 gating). The master sets the
gain (learnt on a sample of the mix, as the limiter takes some loudness away), a limiter
holds the peaks, and the episode is encoded while a decoder hears the encoded frames back,
as a listener's player would; if the result misses the loudness target or its true peak
overshoots, the gain or the limiter ceiling is corrected and it is encoded again.
"""
from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

from pipeline.core import audio
from pipeline.core.errors import PipelineError
from pipeline.core.audio import SAMPLE_RATE



@dataclass(frozen=True)
class EpisodeTags:
    title: str
    show: str
    episode: int
    author: str = ""
    year: str = ""
    description: str = ""
    chapter_marks: tuple[tuple[float, float, str], ...] = ()   # (start_s, end_s, title): one per scene
    cover_jpeg: bytes | None = None


def _samples(frames: bytes, channels: int) -> np.ndarray:
    return np.frombuffer(frames, dtype="<i2").astype(np.float32).reshape(-1, channels) / 32767.0


def _unreadable(path: Path, exc: Exception) -> PipelineError:
    return PipelineError(path, None, f"cannot read the mix ({exc})", "run the mix stage again")


_READ_ERRORS = (wave.Error, EOFError, FileNotFoundError)


def read_blocks(path: Path, block: int = SAMPLE_RATE * 10, every: int = 1) -> Iterator[np.ndarray]:
    """The mix in float32 blocks; with `every` = k, only every k-th block (the others unread)."""
    try:
        with wave.open(str(path), "rb") as source:
            channels, index = source.getnchannels(), 0
            while True:
                if every > 1:
                    if index * block >= source.getnframes():
                        break
                    source.setpos(index * block)
                frames = source.readframes(block)
                if not frames:
                    break
                index += every
                yield _samples(frames, channels)
    except _READ_ERRORS as exc:
        raise _unreadable(path, exc) from None


def _processed(path: Path, gain_db: float, ceiling_db: float) -> Iterator[np.ndarray]:
    limiter = audio.LookaheadLimiter(ceiling_db)
    gain = np.float32(10 ** (gain_db / 20))
    for block in read_blocks(path):
        yield limiter.process(block * gain)
    yield limiter.flush()


def _loudness(blocks) -> float:
    meter = audio.LoudnessMeter()
    for block in blocks:
        meter.add(block)
    return meter.integrated()


def _excerpts(path: Path, count: int = 6, seconds: float = 10.0) -> list[np.ndarray]:
    """`count` stretches of the mix spread over its length (all of it when short)."""
    try:
        with wave.open(str(path), "rb") as source:
            channels, total = source.getnchannels(), source.getnframes()
            length = int(seconds * SAMPLE_RATE)
            starts = [0] if total <= count * length else [int(total * (i + 0.5) / count) - length // 2
                                                          for i in range(count)]
            pieces = []
            for start in starts:
                source.setpos(start)
                pieces.append(_samples(source.readframes(length if len(starts) > 1 else total), channels))
            return pieces
    except _READ_ERRORS as exc:
        raise _unreadable(path, exc) from None


def _encoder_trim_db(excerpts: list[np.ndarray], gain_db: float, ceiling_db: float, like: Path) -> float:
    """How much quieter the encoded file measures than the limited audio sent to it, in LU."""
    gain = np.float32(10 ** (gain_db / 20))
    limited = []
    for piece in excerpts:
        limiter = audio.LookaheadLimiter(ceiling_db)
        limited.append(np.concatenate([limiter.process(piece * gain), limiter.flush()]))
    sent = _loudness(limited)
    if sent <= -69.0:
        return 0.0
    probe = like.with_name(f".{like.stem}.probe{like.suffix}")
    try:
        heard = audio.encode([np.concatenate(limited)], probe, measure=True)
    finally:
        probe.unlink(missing_ok=True)
    return sent - heard["integrated_lufs"]


def _gain_for(path: Path, want_lufs: float, first_gain_db: float, ceiling_db: float,
              sample_blocks: int = 60) -> float:
    """The gain whose limited output measures `want_lufs`, learnt on a sample of the mix.

    The limiter takes more loudness the harder it is driven, so the sample goes through it at
    two gains at once and the answer is interpolated between them. Every k-th 10 s block is
    enough to know a long episode's loudness within a few hundredths of a LU.
    """
    gains = (first_gain_db, first_gain_db + 2.0)
    limiters = [audio.LookaheadLimiter(ceiling_db) for _ in gains]
    meters = [audio.LoudnessMeter() for _ in gains]
    scales = [np.float32(10 ** (g / 20)) for g in gains]
    with wave.open(str(path), "rb") as source:
        stride = max(1, -(-source.getnframes() // (SAMPLE_RATE * 10)) // sample_blocks)
    for block in read_blocks(path, every=stride):
        for limiter, meter, scale in zip(limiters, meters, scales):
            meter.add(limiter.process(block * scale))
    for limiter, meter in zip(limiters, meters):
        meter.add(limiter.flush())
    (g1, g2), (l1, l2) = gains, [m.integrated() for m in meters]
    slope = (l2 - l1) / (g2 - g1)
    if slope < 0.05:          # the limiter is flattening everything; more gain buys nothing
        return g2
    return g1 + (want_lufs - l1) / slope


def master(mix_path: Path, out_path: Path, tags: EpisodeTags, target_lufs: float = -16.0,
           ceiling_dbtp: float = -1.0, mix_lufs: float | None = None, tolerance_lu: float = 0.3) -> dict:
    """`mix_lufs`, when the mix stage measured it, saves reading the whole mix once more.

    One encoding in the usual case: the encoder's loss of loudness is learnt on a minute of
    excerpts and the limiter's on a sample of the mix, then the whole episode is limited,
    encoded and heard back at once. Only if the result misses the loudness target or the
    true-peak ceiling is it made again.
    """
    measured = mix_lufs if mix_lufs is not None else _loudness(read_blocks(mix_path))
    if measured <= -69.0:
        raise PipelineError(mix_path, None, "the mix is silent", "check that the script has voiced lines")
    # The limiter works on samples; leave room for inter-sample peaks and the encoder.
    ceiling = ceiling_dbtp - 1.5
    gain = target_lufs - measured
    trim = _encoder_trim_db(_excerpts(mix_path), gain, ceiling, out_path)
    gain = _gain_for(mix_path, target_lufs + trim, gain, ceiling)
    for _ in range(4):
        figures = audio.encode(_processed(mix_path, gain, ceiling), out_path, measure=True)
        too_loud = figures["true_peak_dbtp"] - (ceiling_dbtp - 0.05)
        if too_loud <= 0 and abs(figures["integrated_lufs"] - target_lufs) <= tolerance_lu:
            break
        if too_loud > 0:
            ceiling -= too_loud + 0.2
        gain += target_lufs - figures["integrated_lufs"]
    write_tags(out_path, tags)
    figures = {k: round(float(v), 2) for k, v in figures.items()}
    figures.update(mix_lufs=round(measured, 2), gain_db=round(gain, 2), limiter_ceiling_db=round(ceiling, 2))
    return figures


def write_tags(path: Path, tags: EpisodeTags) -> None:
    """Tags in the container's own format: ID3 for MP3 (with chapters), MP4 atoms, Vorbis comments."""
    if path.suffix.lower() == ".mp3":
        _write_id3(path, tags)
        return
    from mutagen.mp4 import MP4, MP4Cover
    from mutagen.oggopus import OggOpus
    from pipeline.core.files import atomic_path
    with atomic_path(path) as tmp:
        tmp.write_bytes(path.read_bytes())
        if path.suffix.lower() == ".m4a":
            media = MP4(str(tmp))
            media["\xa9nam"], media["\xa9alb"], media["trkn"] = [tags.title], [tags.show], [(tags.episode, 0)]
            if tags.author:
                media["\xa9ART"] = [tags.author]
            if tags.year:
                media["\xa9day"] = [tags.year]
            if tags.cover_jpeg:
                media["covr"] = [MP4Cover(tags.cover_jpeg, imageformat=MP4Cover.FORMAT_JPEG)]
        else:
            media = OggOpus(str(tmp))
            media["title"], media["album"], media["tracknumber"] = [tags.title], [tags.show], [str(tags.episode)]
            if tags.author:
                media["artist"] = [tags.author]
            if tags.year:
                media["date"] = [tags.year]
        media.save()


def _write_id3(path: Path, tags: EpisodeTags) -> None:
    """ID3v2.4 tags: title, show, episode, author, year, cover and chapters at scene starts."""
    from mutagen.id3 import APIC, CHAP, COMM, CTOC, ID3, TALB, TCON, TDRC, TIT2, TPE1, TRCK, CTOCFlags

    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TALB(encoding=3, text=tags.show))
    id3.add(TRCK(encoding=3, text=str(tags.episode)))
    id3.add(TCON(encoding=3, text="Podcast"))
    if tags.author:
        id3.add(TPE1(encoding=3, text=tags.author))
    if tags.year:
        id3.add(TDRC(encoding=3, text=tags.year))
    if tags.description:
        id3.add(COMM(encoding=3, lang="eng", desc="", text=tags.description))
    if tags.cover_jpeg:
        id3.add(APIC(encoding=3, mime="image/jpeg", type=3, desc="Cover", data=tags.cover_jpeg))
    if tags.chapter_marks:
        ids = [f"chp{i}" for i in range(len(tags.chapter_marks))]
        id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                     sub_frames=[TIT2(encoding=3, text=tags.title)]))
        for element, (start, end, title) in zip(ids, tags.chapter_marks):
            id3.add(CHAP(element_id=element, start_time=int(start * 1000), end_time=int(end * 1000),
                         sub_frames=[TIT2(encoding=3, text=title)]))
    from pipeline.core.files import atomic_path
    with atomic_path(path) as tmp:
        tmp.write_bytes(path.read_bytes())
        id3.save(str(tmp), v2_version=4, padding=lambda info: 0)
