"""Write the generated JSON Schemas next to this module (run from a source checkout)."""

import json
from pathlib import Path

from xbrlify.schemas import generate

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    target = here if (here / "__init__.py").exists() and here.name == "schemas" else Path("schemas")
    for name, schema in generate().items():
        (target / name).write_text(json.dumps(schema, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target / name}")
