"""The command line: the program's entry (``entry``), how a run starts and ends
(``launch``), the typer app (``app``), usage errors, help, the wizard and one module per
command (``commands``). The only layer that imports typer."""
