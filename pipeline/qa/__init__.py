"""The quality check of a mastered episode: takes heard back, clipping, dead air, loudness, alternate formats."""
