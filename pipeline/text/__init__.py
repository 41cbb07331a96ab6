"""Prose -> script: paragraphs, sentences, places, sound cues, notes and who says each quote."""
