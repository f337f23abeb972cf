"""Allow ``python -m mlplan``."""

from mlplan.entry import main

if __name__ == "__main__":
    main()
