"""The teacher area: PIN gate, classes, results, packs, imports, printing and settings."""
