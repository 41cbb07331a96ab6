"""Takes -> mix: the timeline of lines, beds, effects and music, played into stems and a stereo mix."""
