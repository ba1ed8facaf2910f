"""Versioned knowledge files (office holders, countries, organisations, topic cues, chrome)."""
