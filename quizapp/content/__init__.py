"""Question packs: the YAML format, a safe loader and the validator. Plain Python, no Qt."""
