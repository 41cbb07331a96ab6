"""The contracts between stages: the script, the casting (voices, cast, lexicon), the timeline (cues.json) and the show (podcast.yaml)."""
