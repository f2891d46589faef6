"""Exports of a converted filing: XBRL 2.1 instance, xBRL-JSON, RDF, findings report."""
