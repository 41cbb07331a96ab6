"""Speech engines behind one protocol (base.py), found by module (registry.py): one module per engine."""
