"""Mastered episodes -> output/site/: the gate, the feed, the pages and the site."""
