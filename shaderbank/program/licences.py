"""The licences programs come under: the one table of licences and of the classes a user
selects programs by, and how a text names a licence.

Each licence has an SPDX id where SPDX has one ("MIT", "CC-BY-NC-SA-3.0"); three
states have none and get plain names: "public-domain", "all-rights-reserved" and
"unknown". A text that names a licence by its family only ("CC BY-SA", "BSD") gets
that family's version-less id, never a guessed version. A licence is in every class
whose terms it has: CC-BY-NC-SA-3.0 is attribution-required, non-commercial and
share-alike. A licence that is not in the table (an SPDX id stated as such, e.g.
"MPL-2.0") is kept as stated and its class is unknown: nothing here says what it allows.

How a program came by its licence is its basis: "stated" (its text or its site's record
says so), "inferred" (it says nothing and its site documents a default for that case,
e.g. Shadertoy's CC BY-NC-SA 3.0) or "none" (unknown licence).

>>> read_licence("// Licensed under CC BY-NC-SA 3.0").licence
'CC-BY-NC-SA-3.0'
>>> sorted(classes_of("CC-BY-NC-SA-3.0"))
['attribution-required', 'non-commercial', 'share-alike']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# -- the classes -----------------------------------------------------------------------

PERMISSIVE = "permissive"
ATTRIBUTION = "attribution-required"
NON_COMMERCIAL = "non-commercial"
SHARE_ALIKE = "share-alike"
NO_DERIVATIVES = "no-derivatives"
RESTRICTED = "restricted"
UNKNOWN_CLASS = "unknown"

# The only list of classes, with what each means; CLI help, config checks and the
# README's table read it.
CLASSES: dict[str, str] = {
    PERMISSIVE: "any use, commercial and derived works included, with no share-alike term",
    ATTRIBUTION: "the author must be credited (ATTRIBUTION.md of a run does it)",
    NON_COMMERCIAL: "no commercial use",
    SHARE_ALIKE: "derived works must carry the same licence",
    NO_DERIVATIVES: "no derived works may be shared",
    RESTRICTED: "all rights reserved: no use is granted",
    UNKNOWN_CLASS: "no licence found, conflicting statements, or a licence not in the table",
}

STATED = "stated"
INFERRED = "inferred"
NONE = "none"
BASES = (STATED, INFERRED, NONE)

UNKNOWN = "unknown"
PUBLIC_DOMAIN = "public-domain"
ALL_RIGHTS_RESERVED = "all-rights-reserved"


@dataclass(frozen=True)
class Licence:
    """One row of the table. `refines` is the vaguer id that a text may name beside this
    one without contradicting it: the version-less family (CC-BY-SA for CC-BY-SA-4.0,
    BSD for BSD-3-Clause) or public-domain for the public-domain dedications. Selecting
    the vaguer id selects this one too."""

    id: str
    name: str
    classes: frozenset[str]
    refines: str = ""


CC_VERSIONS = ("1.0", "2.0", "2.5", "3.0", "4.0")


def _table() -> dict[str, Licence]:
    p, a = PERMISSIVE, ATTRIBUTION
    rows = [
        Licence("MIT", "MIT License", frozenset({p, a})),
        Licence("BSD", "a BSD licence, clauses not given", frozenset({p, a})),
        Licence("BSD-2-Clause", "BSD 2-Clause License", frozenset({p, a}), "BSD"),
        Licence("BSD-3-Clause", "BSD 3-Clause License", frozenset({p, a}), "BSD"),
        Licence("Apache", "an Apache licence, version not given", frozenset({p, a})),
        Licence("Apache-2.0", "Apache License 2.0", frozenset({p, a}), "Apache"),
        Licence("ISC", "ISC License", frozenset({p, a})),
        Licence("Zlib", "zlib License", frozenset({p, a})),
        Licence("Unlicense", "The Unlicense", frozenset({p}), PUBLIC_DOMAIN),
        Licence("CC0-1.0", "Creative Commons Zero 1.0", frozenset({p}), PUBLIC_DOMAIN),
        Licence(PUBLIC_DOMAIN, "dedicated to the public domain", frozenset({p})),
        Licence(ALL_RIGHTS_RESERVED, "all rights reserved", frozenset({RESTRICTED})),
        Licence(UNKNOWN, "no licence found", frozenset({UNKNOWN_CLASS})),
    ]
    # The Creative Commons attribution family: six licences, each version-less (a text
    # that names no version) and in every version SPDX knows.
    terms = {"NC": NON_COMMERCIAL, "SA": SHARE_ALIKE, "ND": NO_DERIVATIVES}
    for variant in ("BY", "BY-SA", "BY-NC", "BY-NC-SA", "BY-ND", "BY-NC-ND"):
        classes = {ATTRIBUTION} | {terms[t] for t in variant.split("-")[1:]}
        if classes == {ATTRIBUTION}:
            classes.add(PERMISSIVE)
        family = f"CC-{variant}"
        name = f"Creative Commons {variant.replace('-', ' ', 1)}"
        rows.append(Licence(family, f"{name}, version not given", frozenset(classes)))
        for version in CC_VERSIONS:
            rows.append(
                Licence(f"{family}-{version}", f"{name} {version}", frozenset(classes), family)
            )
    return {row.id: row for row in rows}


LICENCES: dict[str, Licence] = _table()
_BY_LOWER = {key.lower(): key for key in LICENCES}


def classes_of(licence: str) -> frozenset[str]:
    """The classes of a licence id; a licence outside the table is of unknown class."""
    row = LICENCES.get(licence)
    return row.classes if row is not None else frozenset({UNKNOWN_CLASS})


def known_id(text: str) -> str | None:
    """The table's spelling of a licence id given in any case, or None."""
    return _BY_LOWER.get(text.strip().lower())


# -- selecting by licence ------------------------------------------------------------


def licence_filter(value: str) -> str:
    """A class name or a licence id of the table, as a filter: the class in lower case,
    the id as the table spells it. ValueError (one line) for anything else."""
    text = value.strip()
    if text.lower() in CLASSES:
        return text.lower()
    licence = known_id(text)
    if licence is None:
        raise ValueError(
            f"{value!r} is neither a licence class ({', '.join(CLASSES)})"
            " nor a licence id of the table (MIT, CC-BY-4.0, CC-BY-NC-SA-3.0, ...)"
        )
    return licence


def licence_matches(licence: str, wanted: str) -> bool:
    """A program under `licence` matches `wanted` (a licence_filter value) when `wanted`
    is one of its classes, is its id, or is the vaguer id it refines ("CC-BY-SA" matches
    every version of CC BY-SA, "public-domain" matches CC0-1.0). A licence has several
    classes, so one program can match several classes."""
    if wanted in CLASSES:
        return wanted in classes_of(licence)
    if licence == wanted:
        return True
    row = LICENCES.get(licence)
    return row is not None and row.refines == wanted


def licence_selected(
    licence: str, include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> bool:
    """Whether a program under `licence` passes: it matches any of `include` (all pass
    when there is none) and none of `exclude`."""
    include, exclude = list(include), list(exclude)
    if include and not any(licence_matches(licence, wanted) for wanted in include):
        return False
    return not any(licence_matches(licence, unwanted) for unwanted in exclude)


# -- reading licences in text ----------------------------------------------------------


@dataclass(frozen=True)
class Licensing:
    """A program's licence id, its basis (STATED, INFERRED or NONE) and a note for a
    reader: where an inferred licence comes from, or why the licence is unknown."""

    licence: str = UNKNOWN
    basis: str = NONE
    note: str = ""


_SPDX_LINE = re.compile(r"SPDX-License-Identifier\s*:\s*([^\n]*)", re.IGNORECASE)
_SPDX_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]*$")
_SPDX_OPERATORS = ("AND", "OR", "WITH")


def spdx_expression(text: str) -> str | None:
    """An SPDX licence expression ("MIT", "MIT OR Apache-2.0") with ids of the table in
    its spelling, or None when `text` is not one."""
    tokens = re.findall(r"[()]|[^\s()]+", text.strip().rstrip("*/ ").strip())
    words = [token for token in tokens if token not in "()"]
    if not words or len(words) % 2 == 0:
        return None
    for position, word in enumerate(words):
        if position % 2 == 1:
            if word.upper() not in _SPDX_OPERATORS:
                return None
        elif not _SPDX_TOKEN.match(word):
            return None
    spelled = [
        token.upper() if token.upper() in _SPDX_OPERATORS else known_id(token) or token
        for token in tokens
    ]
    return " ".join(spelled).replace("( ", "(").replace(" )", ")")


def _cc_id(parts: str, version: str | None) -> str:
    """CC-BY-NC-SA-3.0 from the terms after "BY" ("-NonCommercial-ShareAlike", " NC SA")
    and the version ("3", "3.0", None), in the canonical order of the terms."""
    found = {
        term
        for term, pattern in (
            ("NC", r"n(?:on-?)?c"),
            ("SA", r"s(?:hare-?)?a"),
            ("ND", r"n(?:o-?)?d"),
        )
        if re.search(rf"\b{pattern}", parts, re.IGNORECASE)
    }
    terms = "".join(f"-{term}" for term in ("NC", "SA", "ND") if term in found)
    licence = f"CC-BY{terms}"
    if version:
        licence += "-" + (version if "." in version else f"{version}.0")
    return licence


# A version ends where no digit follows: "CC BY 4.0." is version 4.0.
_CC_VERSION = r"(?:[\s-]+v?(\d(?:\.\d)?)(?!\.?\d))?"
_BSD_CLAUSES = r"\bBSD[\s-]*(?:{0})[\s-]*clause|\b(?:{0})[\s-]*clause\s+BSD"
_CC_TERM = r"(?:NC|SA|ND|Non-?Commercial|Share-?Alike|No-?Deriv(?:ative)?s)(?![A-Za-z])"

# (pattern, licence) in the order they are tried; a licence is a fixed id or a function
# of the match. Case matters where a word has other meanings: "MIT" but not German
# "mit", "BSD" as written.
_Recogniser = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str | None]]
_RECOGNISERS: list[_Recogniser] = [
    (
        re.compile(r"creativecommons\.org/licenses/(by(?:-nc)?(?:-sa|-nd)?)/(\d\.\d)", re.I),
        lambda m: _cc_id(m.group(1)[2:], m.group(2)),
    ),
    (re.compile(r"creativecommons\.org/publicdomain/zero", re.I), "CC0-1.0"),
    (re.compile(r"creativecommons\.org/publicdomain/mark", re.I), PUBLIC_DOMAIN),
    (
        re.compile(rf"\bCC[\s-]?BY(?![A-Za-z])((?:[\s-]+{_CC_TERM})*){_CC_VERSION}", re.I),
        lambda m: _cc_id(m.group(1), m.group(2)),
    ),
    (
        re.compile(
            r"(Creative\s+Commons[\s,:]+(?:licen[cs]e[\s,:]+)?(?:\(CC\)\s*)?)?"
            rf"\bAttribution((?:[\s-]+{_CC_TERM})*)(?:[\s-]+v?(\d\.\d))?",
            re.I,
        ),
        # "Attribution" alone is an ordinary word: it names a licence after "Creative
        # Commons" or with a hyphenated term ("Attribution-NonCommercial").
        lambda m: _cc_id(m.group(2), m.group(3)) if m.group(1) or "-" in m.group(2) else None,
    ),
    (re.compile(r"\bCC[\s-]?(?:0|zero)\b|Creative\s+Commons\s+Zero", re.I), "CC0-1.0"),
    (re.compile(r"\bMIT\b"), "MIT"),
    (re.compile(r"permission\s+is\s+hereby\s+granted,\s+free\s+of\s+charge", re.I), "MIT"),
    (re.compile(_BSD_CLAUSES.format("2|two"), re.I), "BSD-2-Clause"),
    (re.compile(_BSD_CLAUSES.format("3|three"), re.I), "BSD-3-Clause"),
    (re.compile(r"\b(?:[Nn]ew|[Mm]odified|[Rr]evised)\s+BSD\b"), "BSD-3-Clause"),
    (re.compile(r"\b(?:[Ss]implified\s+BSD\b|FreeBSD\s+[Ll]icen[cs]e)"), "BSD-2-Clause"),
    (re.compile(r"\bBSD\b"), "BSD"),
    (re.compile(r"redistribution\s+and\s+use\s+in\s+source\s+and\s+binary\s+forms", re.I), "BSD"),
    (
        re.compile(r"\bApache(?:[\s-]+licen[cs]e)?[\s,-]*(?:version\s*|v\.?\s*)?2(?:\.0)?\b", re.I),
        "Apache-2.0",
    ),
    (re.compile(r"\bApache[\s-]+licen[cs]e\b", re.I), "Apache"),
    (re.compile(r"\bISC[\s-]+(?:[Ll]icen[cs]e|LICEN[CS]E)\b"), "ISC"),
    (re.compile(r"\bzlib[\s/-]+(?:libpng[\s-]+)?licen[cs]e\b", re.I), "Zlib"),
    (re.compile(r"\bunlicense\b", re.I), "Unlicense"),
    (re.compile(r"\bpublic[\s-]+domain\b", re.I), PUBLIC_DOMAIN),
    (re.compile(r"\ball\s+rights\s+reserved\b", re.I), ALL_RIGHTS_RESERVED),
]  # fmt: skip
# Words that say a licence is meant even when none of the above recognised which.
_MENTION = re.compile(r"\blicen[cs](?:e[ds]?|ing)\b|creative\s+commons|\bGPL\b|copyleft", re.I)
_COPYRIGHT = re.compile(r"\bcopyright\b|©", re.I)


def licences_named(text: str) -> list[str]:
    """Licence ids a text names, in order of first mention. A vaguer name beside one
    that refines it is dropped ("CC BY-SA" beside "CC BY-SA 4.0", "public domain"
    beside "CC0"), and so is "all rights reserved" beside a licence: copyright lines
    carry it and licences such as BSD then grant the rights."""
    found: dict[str, int] = {}  # licence -> where it is first named
    prose = text
    for match in _SPDX_LINE.finditer(text):
        expression = spdx_expression(match.group(1))
        if expression is not None:
            found.setdefault(expression, match.start())
            # Blanked, keeping positions: the prose recognisers would read its ids again.
            prose = prose[: match.start()] + " " * len(match.group(0)) + prose[match.end() :]
    for pattern, licence in _RECOGNISERS:
        for match in pattern.finditer(prose):
            named = licence if isinstance(licence, str) else licence(match)
            if named is not None:
                found[named] = min(found.get(named, match.start()), match.start())
    refined = {LICENCES[named].refines for named in found if named in LICENCES}
    names = [named for named in sorted(found, key=found.__getitem__) if named not in refined]
    if len(names) > 1:
        names = [named for named in names if named != ALL_RIGHTS_RESERVED]
    return names


def read_licence(text: str, default: Licensing | None = None) -> Licensing:
    """The licence a text states (the comments of a program, a site's description). One
    licence named: it, stated. Several: unknown, with a note naming them. None: the
    site's documented `default` (an INFERRED Licensing) when it has one; but a text that
    speaks of a licence we cannot read has said something, so it is unknown, noted,
    and never given the default."""
    names = licences_named(text)
    if len(names) == 1:
        licence = names[0]
        note = "an SPDX expression: read its terms" if " " in licence else ""
        return Licensing(licence, STATED, note)
    if names:
        return Licensing(UNKNOWN, NONE, f"conflicting statements: {', '.join(names)}")
    mention = _MENTION.search(text)
    if mention is not None:
        return Licensing(UNKNOWN, NONE, f"a licence we cannot read: {_line_at(text, mention)!r}")
    if default is not None:
        return default
    if _COPYRIGHT.search(text):
        return Licensing(UNKNOWN, NONE, "a copyright notice without a licence")
    return Licensing()


def _line_at(text: str, match: re.Match[str]) -> str:
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    line = " ".join(text[start : end if end >= 0 else len(text)].split())
    return line if len(line) <= 80 else line[:77] + "..."


# -- the documented defaults of sites ------------------------------------------------

# Sites whose terms give programs that state no licence a licence, by the dialect of
# their records. Only these infer a licence; every other unstated one is unknown.
SITE_DEFAULTS: dict[str, Licensing] = {
    # shadertoy.com/terms: shaders are CC BY-NC-SA 3.0 unless their author says otherwise.
    "shadertoy-json": Licensing(
        "CC-BY-NC-SA-3.0",
        INFERRED,
        "Shadertoy default (shadertoy.com/terms) for shaders that state no licence",
    ),
}

# -- licences in program headers and old indexes ---------------------------------------

# What the importer wrote before licences were detected, read as what it meant.
_LEGACY = {"cc by-nc-sa 3.0 (shadertoy default)": SITE_DEFAULTS["shadertoy-json"]}


def licensing_from_header(
    licence: str | None, basis: str | None = None, note: str | None = None
) -> Licensing:
    """A program's Licensing from its header fields. The licence may be an id ("MIT",
    any case), an SPDX expression, or free text as people and older importers wrote it:
    free text is read for the licence it names (unknown, noted, when it names none or
    several). It is stated unless a `licence-basis` field says otherwise; the importer
    writes that field, and `licence-note`, for every program."""
    text = (licence or "").strip()
    if not text or text.lower() == UNKNOWN:
        return Licensing(UNKNOWN, NONE, note or "")
    read = _LEGACY.get(text.lower()) if basis is None else None
    read = read or _read_value(text)
    if basis in BASES and read.licence != UNKNOWN:
        read = Licensing(read.licence, basis, read.note)
    return read if note is None else Licensing(read.licence, read.basis, note)


def _read_value(text: str) -> Licensing:
    if known_id(text) is not None:
        return Licensing(known_id(text) or text, STATED)
    expression = spdx_expression(text)
    if expression is not None and " " in expression:
        return Licensing(expression, STATED, "an SPDX expression: read its terms")
    read = read_licence(text)
    if read.licence == UNKNOWN and expression is not None and not read.note:
        # One SPDX-like word the table does not know ("MPL-2.0"): kept as stated.
        return Licensing(expression, STATED)
    return read
