"""Allow ``python -m mlplan``."""

from mlplan.cli.entry import main

if __name__ == "__main__":
    main()
