"""English words: the one tokenizer, stemmer and stop list every stage uses.

Hands on `Token`s (word, offsets, the text up to the next word) and Snowball stems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .memo import remembered

# a word is letters or digits; an apostrophe joins a possessive or contraction ("Delta's"),
# a hyphen does not ("high-quality" is two words, with "-" as the gap between them)
WORD = regex.compile(r"[\p{Latin}\d]+(?:['’][\p{Latin}]+)?")
# a word with the hyphens and apostrophes inside it ("well-known", "Delta's"), where a word
# said twice is looked for: "high-quality high-quality" is one word doubled
JOINED_WORD = regex.compile(r"[\p{L}\d]+(?:[-’'][\p{L}\d]+)*")
# the pieces of a phrase whatever their script, where any gap may join them: a glossary
# rendering ("Xi'an", "β-blocker", "Yangtze River Delta") found as "Xi’an", "Xi-an" ...
PIECE = regex.compile(r"[\p{L}\d]+")

# English words that carry no content for matching
STOPWORDS = frozenset("""a an the of to in on at by for with from into onto as and or but nor
is are was were be been being am do does did done have has had having it its this that these
those there here he she they we you i me him her them us my your his our their which who whom
whose what when where why how not no so than then too very can could will would shall should
may might must also just only up down out over about some any each such one's s t etc esp
used something someone sb sth oneself one old""".split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    gap_after: str | None = None  # the characters up to the next token; None for the last

    # read many times by the term alignment: set once, as the token is made
    lower: str = field(init=False, repr=False, compare=False)
    bare: str = field(init=False, repr=False, compare=False)  # "Delta's" → "delta"
    content: bool = field(init=False, repr=False, compare=False)  # not a stop word

    def __post_init__(self) -> None:
        lower = self.text.lower()
        bare = lower.replace("’", "'").split("'")[0]
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "bare", bare)
        object.__setattr__(self, "content", bare not in STOPWORDS)

    @property
    def stem(self) -> str:
        """The Snowball stem of `bare`, made on first use (stemming needs nltk)."""
        found = self.__dict__.get("_stem")
        if found is None:
            found = stem(self.bare)
            object.__setattr__(self, "_stem", found)
        return found

    def joined_to_next(self) -> bool:
        """Only spaces or a hyphen up to the next word: the two may form one phrase."""
        return self.gap_after is not None and not self.gap_after.strip(" -‐")


def tokens(text: str) -> list[Token]:
    found = list(WORD.finditer(text))
    return [Token(m.group(), m.start(), m.end(),
                  text[m.end():found[k + 1].start()] if k + 1 < len(found) else None)
            for k, m in enumerate(found)]


def words(text: str) -> list[str]:
    """Lower-case words of a text."""
    return [m.group().lower() for m in WORD.finditer(text)]


@lru_cache(maxsize=1)
def _stemmer():
    # nltk's package imports scipy and scikit-learn when they are installed (1.6 s, 150 MB)
    # for modules the stemmer never uses; both are optional to nltk, so they are kept out of
    # its sight while it loads (0.3 s, 25 MB), and nothing else changes
    import sys
    from importlib.abc import MetaPathFinder

    class _Hidden(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in ("scipy", "sklearn"):
                raise ModuleNotFoundError(f"{name} is not needed by the Snowball stemmer")
            return None

    hidden = _Hidden()
    sys.meta_path.insert(0, hidden)
    try:
        from nltk.stem.snowball import SnowballStemmer
    finally:
        sys.meta_path.remove(hidden)
    return SnowballStemmer("english")


# irregular past forms the Snowball stemmer leaves apart from their verb ("shot" / "shoot")
_IRREGULAR = dict(pair.split(":") for pair in """arose:arise awoke:awake was:be were:be been:be
bore:bear born:bear beat:beat became:become began:begin begun:begin bent:bend bet:bet bid:bid
bound:bind bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break
bred:breed brought:bring built:build burnt:burn burst:burst bought:buy caught:catch
chose:choose chosen:choose clung:cling came:come cost:cost crept:creep dealt:deal dug:dig
did:do done:do drew:draw drawn:draw drank:drink drunk:drink drove:drive driven:drive ate:eat
eaten:eat fell:fall fallen:fall fed:feed felt:feel fought:fight found:find fled:flee
flung:fling flew:fly flown:fly forbade:forbid forbidden:forbid forgot:forget
forgotten:forget forgave:forgive forgiven:forgive froze:freeze frozen:freeze got:get
gotten:get gave:give given:give went:go gone:go grew:grow grown:grow hung:hang had:have
heard:hear hid:hide hidden:hide hit:hit held:hold hurt:hurt kept:keep knew:know known:know
laid:lay led:lead left:leave lent:lend let:let lay:lie lain:lie lit:light lost:lose
made:make meant:mean met:meet paid:pay put:put quit:quit read:read rode:ride ridden:ride
rang:ring rung:ring rose:rise risen:rise ran:run said:say saw:see seen:see sought:seek
sold:sell sent:send set:set shook:shake shaken:shake shed:shed shone:shine shot:shoot
showed:show shown:show shrank:shrink shut:shut sang:sing sung:sing sank:sink sunk:sink
sat:sit slept:sleep slid:slide spoke:speak spoken:speak spent:spend spun:spin spread:spread
sprang:spring stood:stand stole:steal stolen:steal stuck:stick stung:sting struck:strike
strove:strive swore:swear sworn:swear swept:sweep swam:swim swum:swim swung:swing took:take
taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw
thrown:throw understood:understand undertook:undertake undertaken:undertake woke:wake
woken:wake wore:wear worn:wear won:win wound:wind withdrew:withdraw withdrawn:withdraw
wrote:write written:write overcame:overcome overtook:overtake upheld:uphold""".split())


@remembered("stem")  # a document run again needs no nltk (its import takes 1.6 s)
@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    word = word.lower()
    return _stemmer().stem(_IRREGULAR.get(word, word))
