"""One module per command: orchestration of loading, domain logic and rendering."""
