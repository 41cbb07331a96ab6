"""Script -> takes: one cached, shaped audio file per voiced line."""
