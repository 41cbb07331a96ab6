"""What every stage uses: errors, atomic files and locks, YAML with line numbers, project paths and artifact names, audio I/O and ffmpeg, times as text, code versions."""
