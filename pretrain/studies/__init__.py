"""Studies built on training runs: how accuracy scales with the number of programs."""
