#!/usr/bin/env bash
# Rebuilds the product's document font (src/Jichitai.Documents/Fonts/NotoSerifCJKjp-Regular-Jichitai.otf) from Debian's
# fonts-noto-cjk: the Japanese face of Noto Serif CJK, with the CJK radicals (U+2E80–U+2FDF) removed from its cmap so
# that text extracted from our PDFs is the ideograph and not the look-alike radical, and where any other glyph serves
# several code points (全角スペース U+3000 and EM SPACE U+2003, ／ and ∕, …) only the one a Japanese system most likely
# holds stays: round-trips through cp932, else through Shift_JIS-2004, else the lowest (see docs/documents.md).
# Developer tool only: the result is committed; nothing runs this at build or run time. Needs python3-fonttools.
set -euo pipefail
cd "$(dirname "$0")/.."
source=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
target=src/Jichitai.Documents/Fonts/NotoSerifCJKjp-Regular-Jichitai.otf
[ -f "$source" ] || { echo "install fonts-noto-cjk first" >&2; exit 1; }
/usr/bin/python3 - "$source" "$target" <<'PY'
import sys, collections
from fontTools.ttLib import TTCollection
from fontTools import subset
source, target = sys.argv[1], sys.argv[2]
font = next(f for f in TTCollection(source, lazy=True).fonts if f['name'].getDebugName(1).endswith(' JP'))
mapped = set()
for table in font['cmap'].tables:
    if table.isUnicode() and hasattr(table, 'cmap'):
        mapped.update(table.cmap.keys())
def rank(cp):
    for i, encoding in enumerate(('cp932', 'shift_jis_2004')):
        # Round trip: cp932 writes 〜 (U+301C) as 0x8160 but reads it back as ～ (U+FF5E), which is what such data holds.
        try:
            if chr(cp).encode(encoding).decode(encoding) == chr(cp): return i
        except UnicodeEncodeError: pass
    return 2
# Skia's PDF writer maps a glyph back to the lowest code point that uses it: give every kept glyph exactly one.
best = font.getBestCmap()
sharing = collections.defaultdict(list)
for cp, glyph in best.items():
    if not 0x2E80 <= cp <= 0x2FDF: sharing[glyph].append(cp)
keep = sorted(min(cps, key=lambda c: (rank(c), c)) for cps in sharing.values())
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
