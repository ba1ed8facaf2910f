"""The command-line edge of Parley."""
