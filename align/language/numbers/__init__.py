"""Numbers, dates and percentages in Chinese and English text, as comparable quantities.

2018年11月5日 and "November 5, 2018" give the same values; 第二次 matches "second",
50万 matches "half a million", 十余年 "more than a decade", 一两个 "one or two". A number
inside a word (三维 three-dimensional, 十四五, 九二共识 the 1992 Consensus) or a vague one
(一 "a", 两国 "both countries", 几十 "dozens") is *soft*: it may match, but its absence is
no error. `match` pairs the two sides' quantities and returns what is left over.
"""

from .compare import (Matching, converted, match, measure, numbers_in, quantities, same_share,
                      unit_of)
from .quantity import Quantity
from .spoken import corrected, in_idiom, list_marker

__all__ = ["Matching", "Quantity", "converted", "corrected", "in_idiom", "list_marker", "match",
           "measure", "numbers_in", "quantities", "same_share", "unit_of"]
