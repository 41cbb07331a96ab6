"""The built-in speaker embedding: the same vectors as Resemblyzer's, without torch."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from pipeline.core import audio
from pipeline.qa import speaker

DATA = Path(__file__).parents[1] / "data" / "speaker"
REFERENCE = json.loads((DATA / "reference.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("clip", sorted(REFERENCE["clips"]))
def test_port_matches_the_reference_implementation(clip):
    # reference.json was computed once, offline, by Resemblyzer itself (bench/speaker_reference.py)
    expected = np.array(REFERENCE["clips"][clip], dtype=np.float32)
    ours = speaker.embed_file(DATA / clip)
    assert ours.shape == (256,)
    assert np.linalg.norm(ours) == pytest.approx(1.0, abs=1e-5)
    assert (ours >= 0).all()
    assert speaker.similarity(ours, expected) >= 1 - 1e-3


def test_clips_of_different_voices_are_told_apart():
    embeddings = {clip: speaker.embed_file(DATA / clip) for clip in REFERENCE["clips"]}
    names = sorted(embeddings)
    matrix = speaker.similarity(np.stack([embeddings[n] for n in names]), np.stack([embeddings[n] for n in names]))
    assert np.allclose(np.diag(matrix), 1, atol=1e-5)
    assert matrix[~np.eye(len(names), dtype=bool)].max() < 0.85, matrix


def test_silence_inside_an_utterance_is_trimmed_and_quiet_speech_is_raised():
    samples, rate = audio.read_wav(DATA / "naruto_pause_16k.wav")
    mono = samples[:, 0]
    prepared = speaker.prepare(mono, rate)
    # The clip has 1.5 s of digital silence between two phrases; at most 6 frames (180 ms) of it stay.
    assert len(mono) / rate - len(prepared) / speaker.RATE > 1.2
    # Speech under -30 dBFS RMS is raised to it, so two quiet copies embed alike (louder is left alone).
    quiet, quieter = (speaker.embed_utterance(mono * gain, rate) for gain in (0.05, 0.02))
    assert speaker.similarity(quiet, quieter) > 0.999
    # A stereo 44.1 kHz copy (what takes and episodes are) embeds like the mono 16 kHz original.
    import soxr
    stereo = np.repeat(soxr.resample(mono, rate, 44100)[:, None], 2, axis=1)
    assert speaker.similarity(speaker.embed_utterance(stereo, 44100), speaker.embed_utterance(mono, rate)) > 0.99


def test_silence_and_tiny_inputs_still_give_a_vector():
    for samples in (np.zeros(16000, np.float32), np.zeros(10, np.float32)):
        vector = speaker.embed_utterance(samples, 16000)
        assert vector.shape == (256,) and np.isfinite(vector).all()


def test_windows_cover_the_utterance():
    # 1.6 s windows every 77 frames; the last one kept only when the utterance fills 75 % of it
    assert speaker.window_starts(100) == [0]
    assert speaker.window_starts(16000 * 3) == [0, 77, 154]
    for count in (5000, 30000, 123456):
        starts = speaker.window_starts(count)
        assert starts[0] == 0 and all(b - a == 77 for a, b in zip(starts, starts[1:]))
        end = (starts[-1] + speaker.WINDOW_FRAMES) * speaker.HOP
        assert end >= count * 0.75


def test_weights_ship_small_with_their_license_and_torch_is_never_imported():
    assert speaker.WEIGHTS.stat().st_size < 5_000_000
    notice = speaker.WEIGHTS.with_name("speaker_encoder.NOTICE").read_text(encoding="utf-8")
    assert "Apache License 2.0" in notice and "Resemblyzer" in notice
    assert "Apache License" in speaker.WEIGHTS.with_name("speaker_encoder.LICENSE").read_text(encoding="utf-8")
    code = ("import sys; from pipeline.qa import speaker; import numpy as np; "
            "speaker.embed_utterance(np.random.default_rng(0).normal(0, 0.1, 32000).astype('float32'), 16000); "
            "print('torch' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).parents[2])
    assert result.stdout.strip() == "False"
