"""`python -m eventx`: the command line."""

from eventx.cli import main

main()
