"""What the programs draw: diversity metrics, random-network features, the per-program
study with its results file and report, and the statistics they use."""
