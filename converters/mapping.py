"""map: statement row labels → layout rows (and so concepts), within the statement being read."""

from __future__ import annotations

from collections import defaultdict

from xbrlify.converters.labels import bilingual_parts, normalize, without_parenthetical, wording_key
from xbrlify.taxonomy import Layout, LayoutRow

# balance-sheet sections whose lines are never each other's: current and non-current
_OPPOSITE = {"ca": "nca", "nca": "ca", "cl": "ncl", "ncl": "cl"}


class LayoutIndex:
    """Label lookup for one layout, disambiguated by current section and printed order."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.items: dict[str, list[LayoutRow]] = defaultdict(list)
        self.sections: dict[str, list[LayoutRow]] = defaultdict(list)
        self.loose: dict[str, list[LayoutRow]] = defaultdict(list)  # wording_key → item and section rows
        for row in layout.rows:
            target = self.items if row.kind == "item" else self.sections
            for label in row.labels:
                for key in {normalize(label), without_parenthetical(normalize(label))}:
                    if key and row not in target[key]:
                        target[key].append(row)
                for key in {wording_key(label), without_parenthetical(wording_key(label))}:
                    if key and row not in self.loose[key]:
                        self.loose[key].append(row)

    def _lookup(self, table: dict[str, list[LayoutRow]], label: str) -> list[LayoutRow]:
        """Rows of the table's kind for a label; a bilingual label by its Chinese, then its English
        wording."""
        found = self._lookup_one(table, label)
        parts = None if found else bilingual_parts(label)
        for part in parts or ():
            found = self._lookup_one(table, part)
            if found:
                break
        return found

    def _lookup_one(self, table: dict[str, list[LayoutRow]], label: str) -> list[LayoutRow]:
        key = normalize(label)
        found = table.get(key) or table.get(without_parenthetical(key))
        if found is not None or self.items.get(key) or self.sections.get(key):
            return found or []
        return self._loose(table, label)

    def _loose(self, table: dict[str, list[LayoutRow]], label: str) -> list[LayoutRow]:
        """Rows of the table's kind whose wording matches once the variants of `wording.csv` are
        brought to one form; nothing when that form names different concepts in one section (the
        looser key must never choose between lines the exact labels keep apart)."""
        key = wording_key(label)
        kind = "item" if table is self.items else "section"
        found = self.loose.get(key) or self.loose.get(without_parenthetical(key)) or []
        found = [r for r in found if (r.kind == "item") == (kind == "item")]
        by_section: dict[str | None, set[str | None]] = defaultdict(set)
        for r in found:
            by_section[r.section].add(r.concept)
        return [] if any(len(concepts) > 1 for concepts in by_section.values()) else found

    def item(self, label: str, section: str | None, after: int) -> LayoutRow | None:
        """The item row for a label: prefer the current section, then the first at or after `after`.
        In a cash-flow statement a line of one activity is no line of another (interest received
        printed among operating activities is not the investing line of that name); in a balance
        sheet a current line is no non-current one."""
        found = self._lookup(self.items, label)
        if section and self.layout.statement == "cash_flow":
            found = [r for r in found if not r.section or r.section == section]
        elif section in _OPPOSITE:
            # a line printed among current items is no non-current line, and the other way round
            found = [r for r in found if r.section != _OPPOSITE[section]]
        if len(found) <= 1:
            return found[0] if found else None
        in_section = [r for r in found if r.section and r.section == section]
        if in_section:
            found = in_section
        else:
            unqualified = [r for r in found if not r.section]
            found = unqualified or found
        later = [r for r in found if r.order >= after]
        return (later or found)[0]

    def section(self, label: str, after: int) -> LayoutRow | None:
        found = self._lookup(self.sections, label)
        later = [r for r in found if r.order >= after]
        return (later or found)[0] if found else None

    def knows(self, label: str) -> bool:
        return bool(self._lookup(self.items, label) or self._lookup(self.sections, label))


_INDEXES: dict[tuple[str, int], LayoutIndex] = {}


def layout_index(layout: Layout) -> LayoutIndex:
    """The label index of a layout, built once per process."""
    key = (layout.id, id(layout))
    if key not in _INDEXES:
        _INDEXES[key] = LayoutIndex(layout)
    return _INDEXES[key]
