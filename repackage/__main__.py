"""Allow ``python -m repackage``."""

from repackage.cli import main

if __name__ == "__main__":
    main()
