"""`python -m xbrlify`: the same command line as the `xbrlify` script."""

from xbrlify.cli import app

app(prog_name="xbrlify")
