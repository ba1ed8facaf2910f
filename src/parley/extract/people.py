"""People in a document: name mentions, office mentions, and their resolution to persons.

A readout names the same person many ways: "Foreign Minister Wang Yi", "Wang", "Mr. WANG Yi",
"the Chinese Foreign Minister", "China's Foreign Minister", or only "The Secretary" in a State
Department readout.  This module finds those mentions (spaCy's PERSON entities, the office-holder
registry, and title patterns), clusters them into one :class:`Person` per real person, and gives
each a country from, in order: the office-holder registry, the words around the mention ("UK Prime
Minister", "of the United Kingdom", "(FCDO)") and, for an office of the publishing government, the
publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parley import names
from parley.extract.candidates import CALENDAR_WORDS, ascii_index, title_lookahead
from parley.extract.knowledge import Knowledge, fold
from parley.names import ascii_spelling, name_tokens, near_spelling, registry_typo, registry_variant, squashed

# A name word ("Ki-moon", "O'Brien", "WANG", "J.", "Niinistö"), never cut at a hyphen ("Secretary-General") or
# a letter beyond ASCII; one name, one line; a dash ("Vienna, 27 May 2020--OPEC Secretary General") ends a dateline.
_LEFT_CUT = re.compile(
    r"(?:[.;:!?\"“”(—]|--| – |\b(?:with|met|meets|told|called|between|said|and|to|hosted|received|spoke|"
    r"from|by|as|that|whom|of)\b)(?!.*(?:[.;:!?\"“”(—]|--| – |\b(?:with|met|meets|told|called|between|"
    r"said|and|to|hosted|received|spoke|from|by|as|that|whom|of)\b))",
    re.DOTALL,
)
_POSSESSIVE = re.compile(r"['’]s?$")
# "U.S.", "H.E." and the abbreviated styles before a name ("Dr.", "Mr.", "Prof."): no sentence ends there
_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}|\b(?:Dr|Mr|Mrs|Ms|Prof|Amb|Hon|Rt|Sen|Gen|Lt|Col|Maj|Capt|Adm|Gov)\.")
_RANKS = {"Sheikh", "Sheikha", "Shaikh", "Highness", "Majesty", "His", "Her", "Emir", "Amir", "Prince",
          "Princess", "King", "Queen", "Sultan", "Crown", "Excellency", "General", "Gen.", "Gen", "Lt", "Dr"}
_ABBREVIATED_OFFICES = {"EAM", "PM", "FM", "MP", "NSA", "DPM", "CS", "SG", "DG", "VP", "HM", "HRH", "HE"}
_REGIONAL = re.compile(r"\b(?:Central|Latin|South|North|Pan|Inter)[- ]American\b")  # a region's, no state's
_POSTED_TO = re.compile(  # ("the Ambassador of Somalia to Djibouti": the sender kept, the posting masked)
    r"(?P<keep>\b(?:[Aa]mbassador|[Ee]nvoy|[Ee]mbassy|[Hh]igh [Cc]ommissioner|[Cc]onsul(?:-[Gg]eneral)?"
    r"|[Rr]epresentative|[Cc]harg[eé] d['’][Aa]ffaires)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)"
    r"\s+(?:accredited\s+)?(?:to|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_AIDE_OF = re.compile(r"\b([A-Z][\w-]+)['’]s?\s+(?:(?:chief|top|senior|foreign[- ]policy|press|special|deputy)\s+)*"
                     r"(?:spokes(?:man|woman|person)|aide|advis[eo]r|envoy|secretary|representative|"
                     r"chief of staff)\b")
_TITLES_ONLY = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w'’.-]*,?)*\s+")
_NAME_COMMA = re.compile(r"\b([A-Z][\w'’-]+),\s")
# What may stand between a title and the name it belongs to: capitalised words, "of the", commas.
_TITLE_TO_NAME = re.compile(r"(?:[\s,()]|\b(?:of|the|for|and|on|in)\b|&|[A-Z][\w.'’&-]*|[A-Z]{2,})*")


@dataclass(slots=True)
class Person:
    """A person as this document knows them (mutable while the document is being read)."""

    name: str
    country: str | None = None
    title: str | None = None
    organization: str | None = None
    in_registry: bool = False
    rule: str = ""
    display: str | None = None  # the document's spelling of a registry name, when it differs
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def tokens(self) -> set[str]:
        """The name's folded tokens and their transliteration keys ("zelenskiy", "zelenski")."""
        return set(fold(self.name).replace("-", " ").split()) | set(name_tokens(self.name))

    @property
    def keys(self) -> set[str]:  # (and the document's own spelling: "Nalbandian" of "Edward Nalbandian")
        return set(name_tokens(self.name)) | set(name_tokens(self.display or ""))


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that refers to a person of the document."""
    start: int
    end: int
    person: str  # the Person's name (its key)
    office: bool = False  # "The Prime Minister" rather than a name
    described: bool = False  # "the Japanese leader": someone named before, by state and role


_STYLES = {"Majesty", "Highness", "Excellency", "Holiness", "Royal"}
_RUN_ON = re.compile(r"\s(?:In|On|At|And|With|To|For|Of|The|A)$")  # a name run on into a headline's words


class PeopleFinder:
    """Finds and resolves the people of one text (a document body or its headline)."""

    def __init__(self, kb: Knowledge, publisher_country: str | None, on: str | None, locale: str | None = None) -> None:
        self.kb = kb
        self.publisher_country = publisher_country
        # The country an outlet writes from (a UAE paper's "President Sheikh Mohamed"): a bare name's first try
        self.locale = locale
        self.on = on
        self.people: dict[str, Person] = {}
        self.renamed: dict[str, str] = {}  # a short name that later turned out to be a longer one
        self.spelled: dict[str, str] = {}  # registry name -> the document's spelling of it
        self.exact: set[str] = set()  # registry names the document also writes as the registry does

    def current(self, name: str) -> str:
        """The name a person is known by now (mentions made before a rename keep the old one)."""
        seen = {name}
        while name in self.renamed and self.renamed[name] not in seen:
            name = self.renamed[name]
            seen.add(name)
        return name

    def clean_name(self, surface: str) -> str:
        name = surface.strip(" ,.;:()\"“”‘’")
        name = _POSSESSIVE.sub("", name) if name.endswith(("'s", "’s", "'", "’")) else name
        if name in self.kb.honorifics:
            return ""  # "Datuk Seri" alone: a style the tagger took for a name
        changed = True
        while changed:
            changed = False
            if name.startswith(("The ", "the ")):
                name, changed = name[4:].strip(), True  # "His Highness The Amir Sheikh Tamim ..."
            for h in self.kb.honorifics:
                if name.startswith(h + " "):
                    name, changed = name[len(h) + 1:].strip(), True
            for t in self.kb.titles:
                if name.startswith(t.title + " ") and t.title[:1].isupper():
                    name, changed = name[len(t.title) + 1:].strip(), True
        while cut := next((s for s in self.kb.name_suffixes if name.endswith(" " + s)), None):
            name = name[: -len(cut) - 1].strip()  # "Sir Peter Cosgrove AK MC": each post-nominal in turn
        if name in self.kb.honorifics or name + "." in self.kb.honorifics:
            return ""
        if all(w in self.kb.style_words for w in name.split()):
            return ""  # "Samdech Akka" of "Samdech Akka Moha Sena Padei Techo Hun Sen": the style cut short
        parts = [re.sub(r"^[A-Z]\.(?=[A-Z][a-z])", "", part) for part in name.split()]  # "U.Khurelsukh"
        while len(parts) > 1 and (parts[0] in _STYLES or (parts[0] in {"His", "Her"} and parts[1] in _STYLES)):
            parts = parts[1:]  # "(His) Majesty King Charles III", "His Highness Sheikh X": the style before the rank
        while len(parts) > 1 and (((parts[0] in self.kb.title_words or parts[0] in _ABBREVIATED_OFFICES)
                                   and parts[1] not in self.kb.title_words)
                                  or parts[0] in {"The", "the"} or parts[0] in self.kb.honorifics):
            # "Prince Faisal bin Farhan", "Sheikh Mohamed": a rank before the name; "Governor
            # General The Honourable David Hurley": the style after the rank
            parts = parts[1:]
        kept: list[str] = []
        for n, token in enumerate(parts):
            if n and (token in self.kb.title_words or token.lower() in CALENDAR_WORDS) and not (n == len(parts) - 1
                    and token in self.kb.surname_titles and re.fullmatch(r"[A-Z][a-z]+", kept[-1])
                    and kept[-1] not in self.kb.countries):  # ("Amy Pope", not "Bahrain King", "H.H. Prince")
                break  # headline words: "Lu Kang Meets", "Blinken's Meeting"; "William Ruto Friday August"
            if token.endswith(("'s", "’s")):
                kept.append(token[:-2])
                break
            kept.append(token)
        tokens = kept
        if not tokens or tokens[0] in self.kb.title_words:
            return ""
        name = " ".join(tokens)
        # MOFA Japan style "SUGA Yoshihide": family name in capitals first (not a lead in capitals)
        if len(tokens) == 2 and tokens[0].isupper() and len(tokens[0]) > 1 and not tokens[1].isupper() \
                and tokens[0].lower() not in self.kb.title_index and tokens[0] not in _ABBREVIATED_OFFICES:
            as_written = f"{tokens[0].title()} {tokens[1]}"  # ("US PRESIDENT DONALD Trump")
            name = as_written if tokens[0].isalpha() and fold(as_written) in self.kb.person_aliases \
                else f"{tokens[1]} {tokens[0].title()}"
        return name

    def canonical(self, name: str, country: str | None = None) -> tuple[str, bool]:
        """The registry's spelling of a name when it is a known office holder.

        When the text writes the full name another way ("Sergei Lavrov" for "Sergey Lavrov", "Tony
        Blinken", "S Jaishankar", "Mahmood" for "Mehmood"), that spelling is remembered as the one to
        show: the registry settles who the person is (country, offices, id), the document how they are named."""
        found, registered = self._canonical(name, country)
        if registered:
            shown = self.plain_name(name)
            if shown and (fold(shown) == fold(found) or ascii_spelling(shown) == ascii_spelling(found)):
                self.exact.add(found)  # "Stoere" is how English copy writes "Støre": show the name itself
            elif shown and not _RUN_ON.search(shown):
                self.spelled.setdefault(found, shown)  # (not a Title Case line's "X Al Nahyan Discuss In")
        return found, registered

    def org_official(self, name: str) -> bool:
        """Whether the registry's person held, on the document's day (else last), only offices
        of international organisations ("Chairperson of the African Union Commission")."""
        terms = self.kb.terms_of(name)
        if not terms:
            return False
        day = self.on if self.on and len(self.on) == 10 else None
        now = [t for t in terms if day and t.start <= day and (t.end is None or day < t.end)]
        if not now:
            latest = max(t.start for t in terms)
            now = [t for t in terms if t.start == latest]
        return all(t.org and not t.country for t in now)

    def plain_name(self, name: str) -> str | None:
        """The text's full name as a name to show, or None when it is no plain full name: one
        word ("Blinken"), ranks and honorifics ("Sheikh Mohamed"), or the formal style of a
        middle initial and suffix ("Joseph R. Biden, Jr."), where the name the person is best
        known by is the registry's."""
        tokens = name.strip(" ,.;:").split()
        initial = [bool(re.fullmatch(r"[A-Z]\.?", t)) for t in tokens]
        if len(tokens) < 2 or (not initial[0] and any(initial[1:])):
            return None  # "Joseph R. Biden": a middle initial after a given name ("A. Q. M. Example" is plain)
        if any(t in self.kb.title_words or t in self.kb.honorifics or t in _RANKS for t in tokens):
            return None
        return " ".join(tokens)

    def _canonical(self, name: str, country: str | None = None) -> tuple[str, bool]:
        folded = fold(name)
        if folded in self.kb.person_aliases:
            return self.kb.person_aliases[folded], True
        tokens = name.split()
        no_initials = " ".join(t for t in tokens if not re.fullmatch(r"[A-Z]\.", t))
        if fold(no_initials) in self.kb.person_aliases:
            return self.kb.person_aliases[fold(no_initials)], True
        if len(tokens) == 2 and (swapped := fold(f"{tokens[1]} {tokens[0]}")) in self.kb.person_aliases:
            return self.kb.person_aliases[swapped], True
        bare = [t for t in tokens if t not in _RANKS]
        if len(bare) == 1:  # "Xi", "Sheikh Mohamed": a first name or surname after any rank
            given = tokens[0] in _RANKS  # "Sheikh Mohamed": a given name; a state named near first, else the
            found = (country and self.kb.person(bare[0], self.on, country, given)) or (  # outlet's own
                self.locale and self.kb.person(bare[0], self.on, self.locale, given)) or (  # ("Sheikh Mohamed"
                None if country else self.kb.person(bare[0], self.on, None, given))  # in a UAE paper), else anyone
            if found:
                return found, True
        found = registry_variant(self.kb, no_initials or name, country)
        if found:
            return found, True
        found = ascii_index(self.kb).get(ascii_spelling(no_initials or name))
        if found:
            return found, True  # "Jonas Gahr Stoere" is the registry's "Jonas Gahr Støre"
        found = registry_typo(self.kb, no_initials or name, self.on, country)
        if found:  # a typing slip ("Jacinda Artern"): the registry's spelling is the one to show
            self.exact.add(found)
        return (found, True) if found else (no_initials or name, False)

    def context(self, text: str, start: int, end: int, sent_start: int, sent_end: int
                ) -> tuple[str | None, str | None, str | None, str | None]:
        """Country, title, organisation and role cue from the words around a mention."""
        left = _POSTED_TO.sub(lambda m: m["keep"].ljust(len(m[0])), text[max(sent_start, start - 120):start])
        # cut at punctuation, but not inside "U.S." or "U.K.": the periods of initials are masked
        masked = _INITIALS.sub(lambda m: m.group(0).replace(".", "\x00"), left)
        cut = _LEFT_CUT.search(masked)
        narrow = left[cut.end():] if cut else left
        wide_cut = re.search(r"[.;:!?\"“”]|(?:—|--| – |\b(?:with|met|told|between|said|by)\b)(?!.*(?:—|--| – |"
                             r"\b(?:with|met|told|between|said|by)\b))", masked, re.DOTALL)
        wide = left[wide_cut.end():] if wide_cut else left
        if self._known_elsewhere(text[start:end]):
            narrow, wide = self._after_named(narrow), self._after_named(wide)
        right = ""
        after = text[end:sent_end]
        m = re.match(r"\s*,\s+(?=(?:the |a )?[A-Z])|\s+(?=of\s+(?:the\s+)?[A-Z])", after)  # ("X of Botswana")
        if m:
            body = after[m.end():]
            stop = re.search(r",\s+(?=[a-z])|[.;]\s|[.;]$|\s(?:met|held|said|visited|received|and the)\s|\sand\s"
                             r"(?=(?:His|Her|H\.\s?[EM]\.|Mr|Mrs|Ms|Dr|Prime|President|Foreign|Minister|King|Queen|Sheikh)\b)",
                             body)
            right = body[: stop.start()] if stop else body[:200]
            if not m.group(0).strip():  # "Löfven of Sweden, Prime Minister May of the United Kingdom"
                right = re.split(r",|\sand\s", right, maxsplit=1)[0]
        country = org = title = role = None
        own_of = m is not None and not m.group(0).strip()  # "Bello of Nigeria, Meymand of New Zealand"
        for zone in ((right, narrow, wide) if own_of else (narrow, right, wide)):
            country = self.country_cue(zone) if country is None else country
            if org is None:
                om = list(self.kb.org_re.finditer(zone))
                if om:
                    org = self.kb.orgs[om[-1].group(0)].name
                    if country is None:
                        country = self.kb.orgs[om[-1].group(0)].country
        if country is None:
            country = self.principal_country(narrow + " " + right)
        for zone, adjacent in ((wide, True), (right, False)):
            t = self.title_in(zone, adjacent)
            if t:
                title, role = t
                break
        if country is None and title:
            spec = self.kb.title_index.get(title.lower())
            country = spec.country if spec else None  # "Secretary of State Kurt Campbell": USA
        return country, title, org, role

    def namesake(self, person: Person, surname: str, before: str) -> bool:
        """Whether a bare surname means the registry's office holder rather than the document's
        earlier person of that surname, named with no office, state or title and another given
        name ("Mary Bainimarama", then "Bainimarama and Morrison": Frank Bainimarama, the premier;
        not "Mrs Bainimarama", and not "John Briceño" for the registry's "Johnny Briceño")."""
        if person.rule != "ner" or person.title or person.country or \
                re.search(r"\b(?:Mrs|Ms|Madam|Mme)\.?\s+$", before):
            return False
        holder = self.kb.person(surname, self.on, None)
        if holder is None:
            return False
        mine, theirs = fold(person.name).split()[0], fold(holder).split()[0]
        return not (mine.startswith(theirs) or theirs.startswith(mine))

    def adjacent_country(self, text: str, start: int) -> str | None:
        """The state written right before a one-word name and its titles ("Tonga's Prime Minister,
        Honourable Hu'akavameiliku"), not any place of the sentence ("Whilst in Angola, President X")."""
        window = text[max(0, start - 60):start]
        found = list(self.kb.country_re.finditer(window))
        rest = window[found[-1].end():] if found else ""
        if found and _TITLES_ONLY.fullmatch(rest) and all(
                w in self.kb.title_words or w in self.kb.honorific_words for w in re.findall(r"[A-Z][\w'’.-]*", rest)):
            return self.kb.countries[found[-1].group(0)]
        return None

    def _known_elsewhere(self, surface: str) -> bool:
        """Whether the document already knows this person with a state ("President Siljanovska
        Davkova" after "President Gordana Siljanovska Davkova")."""
        tokens = set(name_tokens(surface))
        return bool(tokens) and any(p.country and tokens <= p.keys for p in self.people.values())

    def _after_named(self, zone: str) -> str:
        """What follows the last "<known person>, " of a zone: "the Ukrainian President Zelensky,
        President Siljanovska Davkova" lists two people, and the adjective is the first one's (for
        a person met before; a first mention in a list shares it: "Estonian President X, Speaker Y")."""
        cut = 0
        for m in _NAME_COMMA.finditer(zone):
            key = name_tokens(m.group(1))
            if key and any(key[0] in p.keys for p in self.people.values()):
                cut = m.end()
        return zone[cut:]

    def principal_country(self, zone: str) -> str | None:
        """ "Dmitry Peskov, Putin's spokesman": an aide acts for the state of the person served."""
        m = _AIDE_OF.search(zone)
        if m is None:
            return None
        name = m.group(1)
        known = next((p for p in self.people.values() if fold(name) in p.tokens), None)
        if known is not None and known.country:
            return known.country
        registered = self.kb.person(name, self.on)
        return self.kb.person_country.get(registered) if registered else None

    def country_cue(self, zone: str) -> str | None:
        """The state a zone says a person acts for: the last country named, except the one an
        envoy is posted to ("Russia's ambassador to France": Russia)."""
        zone = _POSTED_TO.sub(lambda m: m["keep"] + " ", zone)
        # "Organization of American States (OAS) Secretary-General": an organisation's state word is no state
        bare = _REGIONAL.sub(lambda m: " " * len(m.group(0)), self.kb.org_re.sub(lambda m: " " * len(m.group(0)), zone))
        if matches := list(self.kb.country_re.finditer(bare)):
            return self.kb.countries[matches[-1].group(0)]
        om = list(self.kb.org_re.finditer(zone))
        if om and self.kb.orgs[om[-1].group(0)].country:
            return self.kb.orgs[om[-1].group(0)].country
        return None

    def title_in(self, zone: str, adjacent: bool = False) -> tuple[str, str | None] | None:
        """The title ending last in ``zone`` (the longer on a tie); with ``adjacent``, only one that
        runs up to the name ("President of the Republic of Korea Moon", not "the President
        discussed ... citizen X").  One lookahead pattern finds the longest title at every
        position, overlapping ones included (a pattern per title per mention cost ~11 ms a
        document); a shorter title at the same position cannot run up to the name when the
        longer one does not, since what lies between is the same words and more."""
        pattern, roles = title_lookahead(self.kb)
        best: tuple[int, str] | None = None
        for m in pattern.finditer(zone):
            title = m.group(1)
            end = m.start() + len(title)
            if adjacent and not _TITLE_TO_NAME.fullmatch(zone[end:]):
                continue
            if best is None or end > best[0] or (end == best[0] and len(title) > len(best[1])):
                best = (end, title)
        return (best[1], roles[best[1]]) if best else None

    def add(self, name: str, country: str | None, title: str | None, org: str | None,
            in_registry: bool, rule: str, span: tuple[int, int]) -> Person:
        """Merge a mention into the document's people (same name, or a token-subset of it)."""
        person = self.people.get(name)
        if person is None:
            tokens = set(name_tokens(name))
            for other in self.people.values():
                if tokens and (((tokens <= other.keys or other.keys <= tokens) and names.same_head(name, other.name))
                               or squashed(name) == squashed(other.name) or near_spelling(name, other.name)) and \
                        (country in {None, other.country} or other.country is None
                         or (len(tokens) >= 2 and tokens < other.keys)):  # ("Yapa Abeywardena" near "India")
                    person = other
                    if len(name) > len(other.name) and not other.in_registry:
                        self.people.pop(other.name)
                        self.renamed[other.name] = name
                        other.name = name
                        self.people[name] = other
                    break
        if person is None:
            person = Person(name=name, in_registry=in_registry, rule=rule)
            self.people[name] = person
        if name in self.exact:
            person.display = None  # the document also writes the registry's own spelling
        elif name in self.spelled and person.display is None:
            person.display = self.spelled[name]
        if in_registry:
            person.in_registry = True
            registry_country = self.kb.person_country.get(person.name)
            if registry_country and (not org or not self.on or any(  # ("OAS Secretary-General X", once a
                    t.start <= self.on < (t.end or "9999") for t in self.kb.terms_of(person.name))):  # minister)
                person.country = registry_country
            elif self.org_official(person.name):
                country = None  # an organisation's head acts for no state, whatever place is near
        person.country = person.country or country
        person.title = person.title or title
        person.organization = person.organization or org
        person.spans.append(span)
        return person
