"""QA's clipping and silence checks read an episode block by block and find what reading it whole finds."""
import numpy as np

from pipeline.core import audio
from pipeline.qa.checks import clipped_samples, signal_checks, silent_stretches


def test_streamed_checks_match_the_whole_file(tmp_path):
    rate = audio.SAMPLE_RATE
    rng = np.random.default_rng(5)
    samples = (rng.standard_normal((rate * 40, 2)) * 0.1).astype(np.float32)
    samples[rate * 9 + 123: rate * 13 + 77] = 0.0       # 4 s of silence across a 10 s block edge
    samples[rate * 31: rate * 34] = 0.0                  # 3 s more
    for second in (3.5, 20.0, 20.001, 39.9):             # clipped samples, one at a block edge
        samples[int(second * rate)] = 1.0
    path = tmp_path / "episode.wav"
    audio.write_wav(path, samples, rate)
    whole = audio.decode(path)
    duration_s, clips, first, stretches = signal_checks(path)
    assert duration_s == whole.shape[0] / rate == 40.0
    assert (clips, first) == clipped_samples(whole) and clips == 8 and len(first) == 4
    assert stretches == silent_stretches(whole) and len(stretches) == 2
