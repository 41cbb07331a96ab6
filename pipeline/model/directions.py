"""The deliveries a script line may ask for: `direction: whisper`. The one list of their names.

takes/effects.py says how each one sounds (DELIVERIES, keyed by these names); the adapter
derives them from speech verbs and adverbs (text/attribution.py); a script is checked
against them when it is read.
"""
from __future__ import annotations

DIRECTIONS = ("whisper", "shout", "mutter", "snap", "quiet", "sad", "angry", "laugh", "cry",
              "excited", "tender", "cold", "ask", "tired", "fear")
