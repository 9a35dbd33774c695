#!/usr/bin/env bash
# Rebuilds the product's document font (src/Jichitai.Documents/Fonts/NotoSerifCJKjp-Regular-Jichitai.otf) from Debian's
# fonts-noto-cjk: the Japanese face of Noto Serif CJK, with the CJK radicals (U+2E80–U+2FDF) removed from its cmap so
# that text extracted from our PDFs is the ideograph and not the look-alike radical (see docs/documents.md).
# Developer tool only: the result is committed; nothing runs this at build or run time. Needs python3-fonttools.
set -euo pipefail
cd "$(dirname "$0")/.."
source=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
target=src/Jichitai.Documents/Fonts/NotoSerifCJKjp-Regular-Jichitai.otf
[ -f "$source" ] || { echo "install fonts-noto-cjk first" >&2; exit 1; }
/usr/bin/python3 - "$source" "$target" <<'PY'
import sys
from fontTools.ttLib import TTCollection
from fontTools import subset
source, target = sys.argv[1], sys.argv[2]
font = next(f for f in TTCollection(source, lazy=True).fonts if f['name'].getDebugName(1).endswith(' JP'))
mapped = set()
for table in font['cmap'].tables:
    if table.isUnicode() and hasattr(table, 'cmap'):
        mapped.update(table.cmap.keys())
keep = sorted(c for c in mapped if not 0x2E80 <= c <= 0x2FDF)
options = subset.Options()
options.layout_features = ['*']
options.name_IDs = ['*']; options.name_languages = ['*']; options.name_legacy = True
options.notdef_outline = True; options.hinting = True; options.legacy_kern = True; options.prune_unicode_ranges = False
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=keep)  # glyphs reachable from the remaining code points (and their layout variants)
subsetter.subset(font)
font.save(target)
print(f"{len(mapped)} -> {len(keep)} code points: {target}")
PY
