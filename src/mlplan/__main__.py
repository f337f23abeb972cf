"""Allow ``python -m mlplan``."""

from mlplan.cli import main

if __name__ == "__main__":
    main()
