"""The world outside the process: reading YAML with positions, loading the models from
files, safe writes, git, the spool of pages and the worker processes. Imports the models,
never the domain, rendering or the command line."""
