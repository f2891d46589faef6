"""The xbrlify taxonomy: IFRS and CAS concepts, statement layouts, compiled to an XBRL taxonomy package."""

from xbrlify.taxonomy.load import load_taxonomy
from xbrlify.taxonomy.model import CalculationArc, Concept, Label, Layout, LayoutRow, Taxonomy

__all__ = ["CalculationArc", "Concept", "Label", "Layout", "LayoutRow", "Taxonomy", "load_taxonomy"]
