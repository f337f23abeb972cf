"""What a plan means: the resolved view (``resolved``), the rules, checking a file, and
the data of every page (overview, summary, prepare, handover, events, diff). Imports the
models and ``mlplan.io``; never rendering or the command line."""
