"""The stages run in turn: the one stage list (stages.py), an episode, a season."""
