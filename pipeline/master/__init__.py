"""Mix -> master: the loudness-normalised, tagged episode and the files that travel with it."""
