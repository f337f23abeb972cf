"""Rendering: turning domain data into tables, Markdown, JSON and CSV. No file I/O."""
