"""xbrlify: tagged, validated XBRL facts from Chinese listed-company filings."""

__version__ = "0.1.0"
