"""The evaluation gate: gold-set scorers and the floors they must not fall below."""
