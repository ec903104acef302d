"""The offline gazetteer: place names in text, and what each may mean.

Reports of flights name their stops loosely: "Arizona", "the northeastern
Chinese city of Shenyang", "South Korea", "El Paso, Texas", "ELP". The
gazetteer knows countries, first-level regions, cities and airports, all
built from the bundled OurAirports tables plus a small curated list of
aliases and demonyms, and finds them in text without any network.

What it knows
-------------
Countries
    Every name in ``countries.csv`` plus common aliases ("USA", "U.S.",
    "America", "the States", "Britain", "UK", "Korea", "Holland", "Czechia",
    "Ivory Coast", "DRC", ...) and about 130 demonyms ("Chinese",
    "South Korean", "Guatemalans", ...). A demonym is a mention of the
    country with :attr:`PlaceMention.demonym` set.
Regions
    Every named region in ``regions.csv``, also without administrative
    suffixes ("Liaoning" for "Liaoning Province"), and outside the US and
    Canada without "Island(s)" or "Atoll(s)" ("Midway", "Wake", "Canary"):
    those bare island names rank after any airport or city of the same name
    ("Midway" is Chicago's airport first). US states match by name;
    their postal codes and AP abbreviations match only right after a
    comma that follows another place ("Mesa, Ariz.", "El Paso, TX"), never
    alone: "IN", "OR", "ME" and "HI" are words.
Cities
    The municipalities airports serve. "Hunnan, Shenyang" yields both
    "Hunnan" and "Shenyang"; "Köln (Cologne)" both names; "Tampere /
    Pirkkala" both. Airports of one name and country less than 80 km apart
    make one city, so "Seoul" is one place although its two airports lie in
    two regions. Such a city lies in the one of those regions that bears its
    name, since a capital usually names the region around it: Seoul in
    KR-11, not Incheon; San Salvador in SV-SS, although its main airport lies
    in La Paz. Outside the US and Canada a region named for the city alone
    ("Banjul City", "Riga City", "Dakar Region") holds the city even when its
    airport lies outside it: Banjul is in GM-B, its airport at Yundum in
    GM-W. When no region bears the name and the airports lie in several
    (Washington: Virginia and Maryland), the city has no region. A county's
    name is not an airport's: "Gillette-Campbell County Airport" gives no
    "Campbell".
Airports
    Full names, and short names made by dropping generic words
    ("International", "Airport", "Air Base", "Air Force Base", "Airfield",
    "Regional", "Municipal", "County", "Field", "Joint Base", ...) and a
    leading city name: "Phoenix–Mesa Gateway Airport" is also "Phoenix Mesa
    Gateway" and "Mesa Gateway"; "Joint Base Andrews" also "Andrews".
    Former names from OurAirports' keywords count too ("Andrews Air Force
    Base"), and the names the data lacks, from ``data/airport_aliases.csv``
    (one alias, the airport's OurAirports ident and a public source per row:
    "Joint Base Pearl Harbor-Hickam", "Stratton Air National Guard Base",
    "Midway Atoll", "Guantanamo Bay"). IATA codes and ICAO codes are found
    in text as upper-case tokens.

Guards against false matches
----------------------------
* A short name is kept only if it has four characters or more, is not a
  common English word (``Field``, ``Valley``, ``Falcon``: see
  :data:`COMMON_WORDS`), and does not name another place that does not
  contain the airport (the keyword "England Air Force Base" gives
  Alexandria, Louisiana no "England").
* In text, only airports a jet report plausibly means get name entries:
  large and medium airports, those with scheduled service or a runway of
  5,000 ft or more, and military fields (Air Force Base, Joint Base, Naval
  Air Station, ...). That leaves out some 24,000 private strips named
  "Hope", "Ranch" or "Independence". :meth:`Gazetteer.lookup` still finds
  the others by their full names.
* A city, airport or other region name that is a common English word
  ("Mobile", "Reading", "Page") is found in text only when followed by its
  region: "Mobile, Alabama" or "Page, Ariz.", or when written with an accent,
  which English words never are: "Malé" is the Maldives' capital, "Colón"
  the Panamanian city.
* A name matches in text only if some letter of it is upper case: "Texas",
  "TEXAS" and "the States" do, "china" and "turkey" do not. Look-ups by
  :meth:`Gazetteer.lookup` ignore case.
* Codes match only as upper-case tokens of exactly three (IATA) or four
  (ICAO) letters; never inside a run of upper-case words ("ICE AIR
  FLIGHTS"), never a common acronym ("ICE", "CBP", "DHS", "FAA", "GAO",
  ...: see :data:`CODE_STOPLIST`), and four-letter US codes only when they
  are real ICAO codes (``K...``/``P...``).
* Some phrases are read and skipped so that their parts do not match:
  "Central America", "Gulf of Mexico", "Alaska Airlines", "Korean Air",
  "New York Times", ...

Readings of one name are ordered most likely first: a US state or
Canadian province before a country of the same name ("Georgia"), a city
with a large airport before its region ("New York"), a country before a
region or city of its name elsewhere ("Mexico", "Lebanon"), and among
cities of one name the one with an operator hub or the bigger airport
("Alexandria": Louisiana before Egypt).

Matching folds case, accents and punctuation: "Phoenix–Mesa" (en dash)
is "Phoenix-Mesa" is "Phoenix Mesa"; "Guantánamo" is "Guantanamo"; "St."
is "Saint", "Ft." is "Fort", "Mt." is "Mount".

Building and caching
--------------------
The index is built on first use (never at import), in about a second,
and saved as a pickle under ``$XDG_CACHE_HOME/flightlegs`` (or
``~/.cache/flightlegs``), keyed by the data files' sizes and modification
times and by the source of this module and of :mod:`flightlegs.airports`.
The pickle holds only plain containers: places are ints, airports are rows of
:func:`~flightlegs.airports.airport_table` (shared with it, not copied), and
:class:`Place` and :class:`~flightlegs.airports.Airport` objects are made
when a look-up first reaches them. Later runs load it in tens of
milliseconds. An unwritable or corrupt cache is skipped and the index rebuilt
in memory. Writing a new cache deletes the older ``gazetteer-*.pickle`` files
beside it (and the airport table's cache its older ``airports-*.marshal``
files), so edits of the data or the code do not pile up stale caches.

Examples
--------
>>> g = gazetteer()
>>> [(p.kind.value, p.region or p.country) for p in g.lookup("Georgia")]
[('region', 'US-GA'), ('country', 'GE')]
>>> for m in g.find_mentions("From Mesa, Ariz. to South Korea via ELP."):
...     print(m.start, m.text, "->", m.place.label)
5 Mesa -> Mesa (US-AZ)
11 Ariz. -> Arizona (US-AZ)
20 South Korea -> South Korea (KR)
36 ELP -> El Paso International Airport (ELP)
"""

from __future__ import annotations

import csv
import difflib
import functools
import logging
import math
import pickle
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, NamedTuple

from ._data import data_path
from .airports import (
    Airport,
    AirportTable,
    _fingerprint,
    _Rows,
    _rows,
    _write_cache,
    airport_table,
    cache_dir,
)
from .errors import InputError, UnknownPlaceError
from .geodesy import LatLon
from .route import StopKind

__all__ = [
    "CODE_STOPLIST",
    "COMMON_WORDS",
    "MAX_TEXT_LENGTH",
    "Gazetteer",
    "Place",
    "PlaceMention",
    "cache_dir",
    "fold",
    "gazetteer",
    "is_jet_usable",
    "load_gazetteer",
]

log = logging.getLogger(__name__)

#: Longest text :meth:`Gazetteer.find_mentions` accepts, in characters.
MAX_TEXT_LENGTH: Final = 5_000_000
#: Longest name looked up, in characters (longer input cannot be a name).
_MAX_NAME_LENGTH: Final = 300
#: Most words in one name matched in text ("Democratic Republic of the Congo").
_MAX_NGRAM: Final = 7

_PLACE_KINDS: Final = frozenset(
    {StopKind.AIRPORT, StopKind.CITY, StopKind.REGION, StopKind.COUNTRY}
)


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Place:
    """A place a name may mean.

    Attributes
    ----------
    name
        Canonical name: ``"Texas"``, ``"South Korea"``, ``"Shenyang"``,
        ``"Phoenix–Mesa Gateway Airport"``.
    kind
        :attr:`~flightlegs.route.StopKind.AIRPORT`, ``CITY``, ``REGION`` or
        ``COUNTRY``.
    country
        ISO 3166-1 alpha-2 code.
    region
        ISO 3166-2 code, when the place lies within one region.
    airport
        The airport, for places of kind ``AIRPORT``.

    Examples
    --------
    >>> Place("Texas", StopKind.REGION, "US", "US-TX").label
    'Texas (US-TX)'
    >>> Place("Nowhere", StopKind.AIRPORT, "US", None)
    Traceback (most recent call last):
    ...
    flightlegs.errors.InputError: place 'Nowhere' of kind airport needs an airport
    """

    name: str
    kind: StopKind
    country: str | None
    region: str | None
    airport: Airport | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, StopKind):
            object.__setattr__(self, "kind", StopKind(self.kind))
        if self.kind not in _PLACE_KINDS:
            raise InputError(
                f"place {self.name!r}: kind {self.kind.value!r} is not a place kind; "
                "expected airport, city, region or country"
            )
        if (self.kind is StopKind.AIRPORT) != (self.airport is not None):
            need = "needs an airport" if self.kind is StopKind.AIRPORT else "cannot have an airport"
            raise InputError(f"place {self.name!r} of kind {self.kind.value} {need}")
        if self.country is not None and not (
            len(self.country) == 2
            and self.country.isascii()
            and self.country.isalpha()
            and self.country.isupper()
        ):
            raise InputError(
                f"place {self.name!r}: country {self.country!r} is not an ISO 3166-1 alpha-2 code"
            )

    @property
    def label(self) -> str:
        """``"Texas (US-TX)"``, ``"Shenyang (CN)"``, ``"Incheon International Airport (ICN)"``."""
        if self.airport is not None:
            return f"{self.name} ({self.airport.code})"
        return f"{self.name} ({self.region or self.country or '?'})"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in text.

    Attributes
    ----------
    start, end
        Character offsets of the name in the text (``text[start:end]``).
    text
        The name as written.
    places
        Every reading, most likely first; never empty.
    demonym
        The name was an adjective or demonym ("Chinese", "Alaskan").
    """

    start: int
    end: int
    text: str
    places: tuple[Place, ...]
    demonym: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise InputError(f"mention span {self.start}..{self.end} is not a valid range")
        if not self.places:
            raise InputError(f"mention {self.text!r} has no reading")

    @property
    def place(self) -> Place:
        """The most likely reading."""
        return self.places[0]


# --------------------------------------------------------------------------- folding

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|&")
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "æ": "ae", "Æ": "ae",
     "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ß": "ss", "'": "", "’": ""}
)  # fmt: skip
_SYNONYMS: Final = {
    "st": "saint",
    "ste": "sainte",
    "ft": "fort",
    "mt": "mount",
    "intl": "international",
    "&": "and",
}


def _fold_token(token: str) -> str:
    if token.isascii():
        folded = token.lower().replace("'", "")
    else:
        decomposed = unicodedata.normalize("NFKD", token.translate(_LETTERS))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _SYNONYMS.get(folded, folded)


class _Token(NamedTuple):
    start: int
    end: int
    raw: str
    folded: str


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN.finditer(text):
        start, end, raw = m.start(), m.end(), m.group(0)
        if len(raw) > 2 and raw[-2] in "'’" and raw[-1] in "sS":
            end -= 2
            raw = raw[:-2]
        out.append(_Token(start, end, raw, _fold_token(raw)))
    return out


def fold(name: str) -> str:
    """The normalised form names are matched by: words folded to lower-case ASCII.

    Examples
    --------
    >>> fold("Phoenix–Mesa Gateway")
    'phoenix mesa gateway'
    >>> fold("St. Côte d'Ivoire's")
    'saint cote divoire'
    """
    return " ".join(t.folded for t in _tokens(name))


# gap allowed between the words of one name: spaces, hyphens, dashes, dots, slashes
_JOIN_GAP = re.compile(r"[ \t\-‐‑‒–—./]{1,3}|\.? ?\n ?")


# --------------------------------------------------------------------------- curated lists

#: Upper-case three- and four-letter words that are codes of some airport but
#: in text are nearly always something else: agencies, media, time zones,
#: months and days (not SAT: San Antonio matters more), aircraft types.
CODE_STOPLIST: Final = frozenset(
    """
    ICE CBP DHS USA FAA CEO NGO TV ADS DOJ DOD DEA TSA NSA CIA FBI GOP LLC INC USD EUR GBP
    GMT UTC EST EDT PST PDT CST CDT MST MDT HST AKST AKDT BBC CNN ABC NBC CBS NPR PBS AFP
    FOX MSN WHO WTO IMF GDP PDF URL FAQ ATM SUV VIP CPR DNA RNA HIV GPS ETA ETD ERO GAO OIG
    HHS ORR UAC TPS MPP ACA IRS SSA JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC MON
    TUE WED THU FRI SUN CRJ ERJ DHC ATR AIR JET CAR VAN ACLU NATO NASA FEMA NOAA NTSB
    OPEC ASAP USAF USMC USCG USPS USDA IATA ICAO ADSB SWAT EPA HUD DOS DOT DOE NYC LOL OMG CAT
    TBD TBA RSS PPE ICU IOM UNHCR OAS EEUU PRC ROK DPRK UAE DRC AKA ALL AND ARE BUT FOR HAS
    HER HIS HOW ITS NEW NOT NOW OFF OLD ONE OUR OUT THE TWO WAS WHY YES YOU
    """.split()  # noqa: SIM905 - a word list reads best as words
)

#: Single words that are place names in the data but ordinary English words
#: first: as a city, airport short name or minor region they match in text only
#: when followed by their region ("Mobile, Alabama").
COMMON_WORDS: Final = frozenset(
    """
    about above acre admiral after again against agent air airborne airfield airport airstrip
    alabaster alert ales all alliance along alpha alpine also alto an anaconda and antique any
    archangel are argyle armor around as ascension at atlantic avenger back bacon bale banana
    banning bar barker barrow base basin bath bay beach bear beaver before bell below best
    between big bikini bird bishop black bled blue bluff bole bonito bonny border both bowers
    branch branches bray bridge brook brooks brown buckeye buffalo burns business but butts by
    cache camp can cannon canon canyon cape capital captain carbon cargo caribou cascade
    casement castle caverns cayenne centennial center central centre chambers chance charity
    chase chief chinchilla chino city civic civil clear cliff clover coast coastal cognac cold
    college colon colonel commander commerce community converse cook corner corning council
    county court cove craw creek creel crews crosier cross crossing crossroads crown currant day
    deal deer delta deputy derby desert director discovery dodge dole down downs downtown drake
    dreamland duke dune dyer each eagle eagles early east eastern edge elk emerald encamp
    encampment end enterprise eureka executive fair fairfield fairview falcon fall falls fanning
    far farm federal felts ferry field first flag flamingo flight flora foothills for ford
    forest fort fountain freedom freeman freer friendship from front gage galena garland garner
    gateway general glacier glass glider gliding global globe gold golden good gore governor
    grace grad grand granite grants gray great green grove gulf gurney hail hale hall harbor
    harbour haven hay hazard headland heart height heights hickory hidden high highland hill hit
    hole home homestead homey hood hook hope horizon horse hospital hot house hub hue hull
    humble hunt hunter independence industrial international interstate island islands jackpot
    jersey jet joint judge junction kaolin key king lake lakes land lander landing landings
    larkspur last laurel leach lib liberal liberty linden line little lodge lonely long love
    lower luau magenta main major majors male manning marathon march mare marine market martin
    mascara maverick may mayo mayor meadow meadows meeker mercury metro middle miles military
    mill miller mine mineral minister mission mobile mono monument moody moon more moron mount
    mountain national navy normal north northeast northeastern northern northwest northwestern
    nova now ocean of officer offshore ogle ogre old on orange order outlaw over pace page palm
    papa paradise park parsons pass peace pearl peninsula person pica picayune pierce pike pine
    pioneer plain plains plantation plateau platinum pleasant point police pope port porter post
    pounds prairie president price pride progress prospect provost rampart ranch range ranger
    reading red reed reeves reform regional republic reserve resort ridge rifle river roads
    robins rock rodeo rooks rose roundup royal ruse rush saga sale saline salmon salon salt sand
    sandy santa sari sawyer score seacoast searchlight second secretary sells senator sergeant
    service shady shank sharp shell shelter shepherd sheriff silver singleton sky skylark snow
    snowdrift south southeast southeastern southern southwest southwestern speedway sphinx
    spring springs stallion star state station stead stokes stone store storm strip strong
    suburban sulphur summit sun sunflower sunny sunset supply sweet table tamale tame tanner
    teller temple terminal terrace the thermal this tinker today top tours tower towers town
    trade trail tree tribune troll troy tubas tube turner under union unity university uplands
    upper utopia valentine valley van vernal victory view villa village vista walker wall war
    water watts weed weld well wells west westerly western wheeler white wick willies wind wink
    winter winters wise wonderland wood woodland word yellow young yucca zion
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# curated country aliases: alias -> ISO code; "exact" spellings match in text only as written
_COUNTRY_ALIASES: Final[dict[str, str]] = {
    "United States of America": "US", "America": "US", "U.S.": "US", "U.S.A.": "US",
    "United States": "US", "Britain": "GB", "Great Britain": "GB", "U.K.": "GB",
    "Korea": "KR", "Republic of Korea": "KR", "Democratic People's Republic of Korea": "KP",
    "Russian Federation": "RU", "mainland China": "CN", "People's Republic of China": "CN",
    "Holland": "NL", "The Netherlands": "NL", "Czechia": "CZ", "Ivory Coast": "CI",
    "Cote d'Ivoire": "CI", "Democratic Republic of the Congo": "CD", "DR Congo": "CD",
    "Congo-Kinshasa": "CD", "Republic of the Congo": "CG", "Congo-Brazzaville": "CG",
    "Myanmar": "MM", "Cabo Verde": "CV", "Swaziland": "SZ", "Macedonia": "MK",
    "East Timor": "TL", "Viet Nam": "VN", "Palestine": "PS", "Vatican": "VA", "Holy See": "VA",
    "Türkiye": "TR", "Macao": "MO", "Federated States of Micronesia": "FM",
    "Lao PDR": "LA", "Burma": "MM", "Bahamas": "BS", "The Gambia": "GM", "Saint Helena": "SH",
    "Guiana": "GF", "Sao Tome and Principe": "ST", "Bosnia": "BA", "Brunei Darussalam": "BN",
    "Syrian Arab Republic": "SY", "Kyrgyz Republic": "KG", "Slovak Republic": "SK",
    "Republic of Ireland": "IE", "Eire": "IE", "Emirates": "AE", "Trinidad": "TT",
    "St Kitts": "KN", "St Lucia": "LC", "St Vincent": "VC", "Curacao": "CW", "Reunion": "RE",
}  # fmt: skip
_EXACT_COUNTRY_ALIASES: Final[dict[str, str]] = {
    "US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DRC": "CD", "PRC": "CN", "ROK": "KR",
    "DPRK": "KP", "the States": "US", "The States": "US",
}  # fmt: skip
_AMBIGUOUS_COUNTRY_ALIASES: Final[dict[str, tuple[str, ...]]] = {"Congo": ("CD", "CG")}

# demonyms and adjectives -> ISO 3166-1 or 3166-2 code; plurals are added where regular
_DEMONYMS: Final[dict[str, str]] = {
    "American": "US", "Chinese": "CN", "South Korean": "KR", "Korean": "KR", "North Korean": "KP",
    "Mexican": "MX", "Guatemalan": "GT", "Honduran": "HN", "Salvadoran": "SV", "Salvadorean": "SV",
    "Nicaraguan": "NI", "Costa Rican": "CR", "Panamanian": "PA", "Haitian": "HT", "Dominican": "DO",
    "Cuban": "CU", "Jamaican": "JM", "Venezuelan": "VE", "Colombian": "CO", "Ecuadorian": "EC",
    "Ecuadorean": "EC", "Peruvian": "PE", "Bolivian": "BO", "Brazilian": "BR", "Chilean": "CL",
    "Argentine": "AR", "Argentinian": "AR", "Uruguayan": "UY", "Paraguayan": "PY", "Guyanese": "GY",
    "Surinamese": "SR", "Belizean": "BZ", "Trinidadian": "TT", "Bahamian": "BS", "Barbadian": "BB",
    "Indian": "IN", "Pakistani": "PK", "Bangladeshi": "BD", "Nepali": "NP", "Nepalese": "NP",
    "Sri Lankan": "LK", "Afghan": "AF", "Iranian": "IR", "Iraqi": "IQ", "Syrian": "SY",
    "Turkish": "TR", "Egyptian": "EG", "Mauritanian": "MR", "Senegalese": "SN", "Malian": "ML",
    "Nigerian": "NG", "Ghanaian": "GH", "Cameroonian": "CM", "Congolese": "CD", "Angolan": "AO",
    "Ethiopian": "ET", "Eritrean": "ER", "Somali": "SO", "Kenyan": "KE", "Ugandan": "UG",
    "Sudanese": "SD", "Guinean": "GN", "Sierra Leonean": "SL", "Liberian": "LR", "Ivorian": "CI",
    "Burkinabe": "BF", "Gambian": "GM", "Togolese": "TG", "Beninese": "BJ", "Chadian": "TD",
    "Moroccan": "MA", "Algerian": "DZ", "Tunisian": "TN", "Libyan": "LY", "Zimbabwean": "ZW",
    "Zambian": "ZM", "South African": "ZA", "Tanzanian": "TZ", "Rwandan": "RW", "Burundian": "BI",
    "Russian": "RU", "Ukrainian": "UA", "Belarusian": "BY", "Georgian": "GE", "Armenian": "AM",
    "Azerbaijani": "AZ", "Uzbek": "UZ", "Kazakh": "KZ", "Kyrgyz": "KG", "Tajik": "TJ",
    "Turkmen": "TM", "Romanian": "RO", "Moldovan": "MD", "Polish": "PL", "Hungarian": "HU",
    "Czech": "CZ", "Slovak": "SK", "Bulgarian": "BG", "Croatian": "HR", "Bosnian": "BA",
    "Serbian": "RS", "Albanian": "AL", "Montenegrin": "ME", "Macedonian": "MK", "Kosovar": "XK",
    "Lithuanian": "LT", "Latvian": "LV", "Estonian": "EE", "British": "GB", "English": "GB-ENG",
    "Scottish": "GB-SCT", "Welsh": "GB-WLS", "Irish": "IE", "German": "DE", "French": "FR",
    "Spanish": "ES", "Italian": "IT", "Portuguese": "PT", "Dutch": "NL", "Belgian": "BE",
    "Swiss": "CH", "Austrian": "AT", "Swedish": "SE", "Norwegian": "NO", "Danish": "DK",
    "Finnish": "FI", "Icelandic": "IS", "Greek": "GR", "Japanese": "JP", "Filipino": "PH",
    "Philippine": "PH", "Vietnamese": "VN", "Thai": "TH", "Cambodian": "KH", "Laotian": "LA",
    "Indonesian": "ID", "Malaysian": "MY", "Burmese": "MM", "Mongolian": "MN", "Taiwanese": "TW",
    "Australian": "AU", "New Zealander": "NZ", "Canadian": "CA", "Israeli": "IL",
    "Palestinian": "PS", "Saudi": "SA", "Jordanian": "JO", "Lebanese": "LB", "Emirati": "AE",
    "Qatari": "QA", "Kuwaiti": "KW", "Yemeni": "YE", "Omani": "OM", "Fijian": "FJ",
    "Samoan": "WS", "Tongan": "TO", "Alaskan": "US-AK", "Texan": "US-TX", "Arizonan": "US-AZ",
    "Californian": "US-CA", "Floridian": "US-FL", "Hawaiian": "US-HI", "Louisianan": "US-LA",
    "Puerto Rican": "PR", "Cape Verdean": "CV",
}  # fmt: skip

# names of airports the data lacks: plain ones, each with its source, are read from
# data/airport_aliases.csv; those that match in a special way are here (alias -> ident).
# codes matched only as written
_EXACT_AIRPORT_ALIASES: Final[dict[str, str]] = {"JBER": "PAED", "JBA": "KADW", "JBSA": "KSKF"}
# aliases that outrank every other reading of their name
_AIRPORT_ALIASES_FIRST: Final[dict[str, str]] = {"Guantanamo": "MUGM", "Andrews": "KADW"}

# phrases read and skipped, so that their parts are not taken for places
_BLOCKERS: Final = (
    "Central America", "Latin America", "South America", "North America", "Middle East",
    "Far East", "Southeast Asia", "East Asia", "Gulf of Mexico", "New England", "Indian Ocean",
    "Pacific Ocean", "Atlantic Ocean", "Arctic Ocean", "Caribbean Sea", "South China Sea",
    "East China Sea", "Sea of Japan", "Bering Sea", "Bering Strait", "Persian Gulf",
    "Gulf of Alaska", "American Airlines", "Alaska Airlines", "Hawaiian Airlines", "Korean Air",
    "Air China", "China Southern", "China Eastern", "China Airlines", "Air India", "Air Canada",
    "Turkish Airlines", "Air Mexico", "United Nations", "New York Times", "Washington Post",
    "Los Angeles Times", "Arizona Republic", "Texas Tribune", "El Paso Times", "Miami Herald",
    "Chicago Tribune", "Houston Chronicle", "Express-News", "Texas Rangers", "Native American",
    "Native Americans", "Latin American", "Latin Americans", "Central American",
    "Central Americans", "South American", "North American", "Indian Country", "American Indian",
    "Arizona State University", "Texas A&M", "Georgia Tech", "Korean War", "Mexican-American",
    "African American", "African Americans", "Asian American", "Asian Americans",
)  # fmt: skip

# AP-style abbreviations of US states, valid only after "<place>, "
_AP_STATES: Final[dict[str, str]] = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Cal": "CA", "Colo": "CO",
    "Conn": "CT", "Del": "DE", "D.C.": "DC", "Fla": "FL", "Ga": "GA", "Ill": "IL", "Ind": "IN",
    "Kan": "KS", "Kans": "KS", "Ky": "KY", "La": "LA", "Md": "MD", "Mass": "MA", "Mich": "MI",
    "Minn": "MN", "Miss": "MS", "Mo": "MO", "Mont": "MT", "Neb": "NE", "Nebr": "NE", "Nev": "NV",
    "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Okla": "OK", "Ore": "OR", "Oreg": "OR", "Pa": "PA", "Penn": "PA", "R.I.": "RI", "S.C.": "SC",
    "S.D.": "SD", "Tenn": "TN", "Tex": "TX", "Vt": "VT", "Va": "VA", "Wash": "WA", "W.Va": "WV",
    "Wis": "WI", "Wisc": "WI", "Wyo": "WY",
}  # fmt: skip

# region-name suffixes dropped to make a short name ("Liaoning Province" -> "Liaoning")
_REGION_SUFFIXES: Final = (
    "special administrative region", "autonomous region", "province", "municipality",
    "prefecture", "governorate", "oblast", "parish", "teugbyeolsi", "gwangyeogsi",
)  # fmt: skip
# words after a city's name that make a region of it ("Banjul City", "Dakar Region"), best first
_DISTRICT_SUFFIXES: Final = ("city", "capital district", "region")
# island words a region's name is also said without ("Midway Islands" -> "Midway"); only for
# keys, the region keeps its full name
_ISLAND_SUFFIXES: Final = ("islands", "island", "atolls", "atoll")
# countries whose regions people name often; US and Canadian ones outrank countries
_FIRST_RANK_REGIONS: Final = frozenset({"US", "CA"})
_WELL_KNOWN_REGIONS: Final = frozenset({"CN", "MX", "AU", "IN", "BR", "GB", "DE", "RU", "JP"})

# words dropped from airport names to make short names
_GENERIC_PHRASES: Final = tuple(
    sorted(
        (
            tuple(p.split())
            for p in (
                "international airport", "airport", "international", "air force base", "afb",
                "air base", "airbase", "air reserve base", "air reserve station",
                "air national guard base", "naval air station", "nas", "naval air facility",
                "naval station", "army airfield", "army air field", "aaf", "airfield", "air field",
                "aerodrome", "airstrip", "airpark", "air park", "jetport", "regional", "municipal",
                "county", "field", "domestic", "national", "air station",
                "coast guard air station", "marine corps air station", "mcas", "joint base",
                "joint reserve base", "space force base", "aeropuerto", "aeroporto", "aeroport",
                "aeroporto internacional", "aeropuerto internacional", "flughafen", "airdrome",
                "heliport", "intercontinental", "metropolitan", "memorial",
            )
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_GENERIC_WORDS: Final = frozenset(w for p in _GENERIC_PHRASES for w in p)
_GENERIC_BY_FIRST: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    w: tuple(p for p in _GENERIC_PHRASES if p[0] == w) for w in {p[0] for p in _GENERIC_PHRASES}
}
_MILITARY = re.compile(
    r"air force base|\bafb\b|joint base|naval air|air base|army air|air reserve|air national guard"
    r"|marine corps air|coast guard air|air station|space force",
    re.I,
)
_SOFT_SURFACES: Final = frozenset(
    {"TURF", "DIRT", "SAND", "WATER", "SNOW", "ICE", "GRVL", "UNPAVED", "CORAL", "WOOD", "G", "S"}
)
# words that alone name no particular place ("North West", "Central", "Islands")
_AREAL_WORDS: Final = frozenset(
    """
    north south east west northeast northwest southeast southwest central northern southern
    eastern western upper lower middle centre center coast coastal capital region district
    province islands island lake lakes river mountain mountains valley plains highlands
    """.split()  # noqa: SIM905
)
# a one-word short name left after dropping these is usually a surname or a common word
_WEAK_GENERIC: Final = frozenset(
    "county field regional municipal memorial national domestic metropolitan".split()  # noqa: SIM905
)
_TYPE_RANK: Final = {"large_airport": 0, "medium_airport": 1, "small_airport": 2}
_CITY_CLUSTER_KM: Final = 80.0


def is_jet_usable(airport: Airport) -> bool:
    """Whether a business or airline jet can plausibly use the airport.

    A hard runway of 4,000 ft or more; when the runway is not known, a large
    airport or a medium one with scheduled service.

    Examples
    --------
    >>> from flightlegs.airports import airport_table
    >>> is_jet_usable(airport_table().by_code("AZA"))
    True
    >>> is_jet_usable(airport_table().by_code("00AK")) # 2,500 ft of gravel
    False
    """
    if airport.longest_runway_ft is None:
        return airport.type == "large_airport" or (
            airport.type == "medium_airport" and airport.scheduled_service
        )
    return airport.longest_runway_ft >= 4000 and airport.runway_surface not in _SOFT_SURFACES


def _in_prose(airport: Airport) -> bool:
    """Whether the airport's names are matched in running text."""
    return (
        airport.type != "small_airport"
        or airport.scheduled_service
        or (airport.longest_runway_ft or 0) >= 5000
        or bool(_MILITARY.search(airport.name))
    )


def _airport_weight(airport: Airport, hub_rank: int) -> tuple[int, int, int, float, str]:
    """Sort key: hubs, then large before small, scheduled service, longest runway."""
    return (
        hub_rank,
        _TYPE_RANK.get(airport.type, 3),
        0 if airport.scheduled_service else 1,
        -(airport.longest_runway_ft or 0.0),
        airport.ident,
    )


# --------------------------------------------------------------------------- readings

# how a reading must be written to match in text
_TITLE: Final = 0  # some letter upper case
_EXACT: Final = 1  # exactly one of the spellings
_GUARDED: Final = 2  # a common word: only when followed by ", <its region>"


class _Reading(NamedTuple):
    place: Place
    mode: int
    spellings: frozenset[str] | None
    demonym: bool
    prose: bool
    # orders the readings of a name while building; the cache keeps only that order
    rank: tuple[Any, ...] = ()


class _Index(NamedTuple):
    """Everything the gazetteer knows, as built: Place and Airport objects."""

    names: dict[str, tuple[_Reading, ...]]
    blockers: frozenset[str]
    iata: dict[str, tuple[Place, ...]]
    icao: dict[str, tuple[Place, ...]]
    members: dict[Place, tuple[Airport, ...]]
    regions_by_code: dict[str, Place]
    countries_by_code: dict[str, Place]
    state_abbreviations: dict[str, tuple[Place, bool]]
    tail: dict[str, tuple[str, ...]]
    ngram: dict[str, int]
    hubs: dict[str, tuple[tuple[str, str, str, str], ...]]


# a reading in the store: a bare place ref when it matches in prose as titled text
# (most do), else (ref, mode, spellings, demonym, prose)
_PackedReading = int | tuple[int, int, tuple[str, ...] | None, bool, bool]
_KIND_LETTERS: Final = {StopKind.CITY: "c", StopKind.REGION: "r", StopKind.COUNTRY: "n"}
_LETTER_KINDS: Final = {letter: kind for kind, letter in _KIND_LETTERS.items()}


class _Store(NamedTuple):
    """Everything the gazetteer knows, in plain containers: what the cache holds.

    Unpickling 27,000 places and 12,000 airports as objects took most of a
    start; here a place is an int, and :class:`Place` and
    :class:`~flightlegs.airports.Airport` objects are made only when a look-up
    reaches them. A ref ``r >= 0`` is row ``r`` of the place columns
    (countries, regions, cities); ``r < 0`` is the airport in row ``~r`` of
    :func:`~flightlegs.airports.airport_table`, shared with it.
    """

    airports: int  # rows in the airport table the refs point into
    place_names: list[str]
    place_kinds: str  # one letter per place, see _KIND_LETTERS
    place_countries: list[str | None]
    place_regions: list[str | None]
    # name -> its readings, best first: one bare ref, or a tuple of packed readings
    names: dict[str, int | tuple[_PackedReading, ...]]
    blockers: frozenset[str]
    iata: dict[str, _Rows]
    icao: dict[str, _Rows]
    # array("I") bytes: the airports of place r are rows member_rows[bounds[r]:bounds[r + 1]]
    member_bounds: bytes
    member_rows: bytes
    regions_by_code: dict[str, int]
    countries_by_code: dict[str, int]
    state_abbreviations: dict[str, tuple[int, bool]]
    tail: dict[str, _Rows]
    ngram: dict[str, int]
    hubs: dict[str, tuple[tuple[str, str, str, str], ...]]


def _pack(ix: _Index, table: AirportTable) -> _Store:
    """The store of a built index; its airports must be rows of ``table``."""
    row_of = {ident: i for i, ident in enumerate(table.column("ident"))}
    refs: dict[Place, int] = {}

    def ref(place: Place) -> int:
        if place.airport is not None:
            row = row_of[place.airport.ident]
            if place != _airport_place(table[row]):
                raise ValueError(f"place {place!r} is not the airport it names")
            return ~row
        return refs.setdefault(place, len(refs))

    def reading(r: _Reading) -> _PackedReading:
        if r.mode == _TITLE and r.spellings is None and not r.demonym and r.prose:
            return ref(r.place)
        spellings = tuple(sorted(r.spellings)) if r.spellings is not None else None
        return (ref(r.place), r.mode, spellings, r.demonym, r.prose)

    def rows(airports: Iterable[Airport]) -> _Rows:
        found = tuple(row_of[a.ident] for a in airports)
        return found[0] if len(found) == 1 else found

    # countries, regions and cities first, so that every one has a ref for its members
    for place in (*ix.countries_by_code.values(), *ix.regions_by_code.values(), *ix.members):
        ref(place)
    names: dict[str, int | tuple[_PackedReading, ...]] = {}
    for key, readings in ix.names.items():
        packed = tuple(reading(r) for r in readings)
        names[key] = packed[0] if len(packed) == 1 and isinstance(packed[0], int) else packed
    tail: dict[str, _Rows] = {}
    for key, idents in ix.tail.items():
        # what a look-up by the table's code indexes finds for each identifier
        hits = [a for ident in idents for a in table.find(ident) if a.ident == ident]
        if hits:
            tail[key] = rows(hits)
    regions = {code: ref(p) for code, p in ix.regions_by_code.items()}
    countries = {code: ref(p) for code, p in ix.countries_by_code.items()}
    states = {k: (ref(p), postal) for k, (p, postal) in ix.state_abbreviations.items()}
    places = list(refs)  # every ref is taken now
    bounds = array("I", [0])
    member_rows = array("I")
    for place in places:
        member_rows.extend(row_of[a.ident] for a in ix.members.get(place, ()))
        bounds.append(len(member_rows))
    return _Store(
        airports=len(table),
        place_names=[p.name for p in places],
        place_kinds="".join(_KIND_LETTERS[p.kind] for p in places),
        place_countries=[p.country for p in places],
        place_regions=[p.region for p in places],
        names=names,
        blockers=ix.blockers,
        iata={code: rows(p.airport for p in ps if p.airport) for code, ps in ix.iata.items()},
        icao={code: rows(p.airport for p in ps if p.airport) for code, ps in ix.icao.items()},
        member_bounds=bounds.tobytes(),
        member_rows=member_rows.tobytes(),
        regions_by_code=regions,
        countries_by_code=countries,
        state_abbreviations=states,
        tail=tail,
        ngram=ix.ngram,
        hubs=ix.hubs,
    )


def _airport_place(airport: Airport) -> Place:
    return Place(airport.name, StopKind.AIRPORT, airport.country, airport.region or None, airport)


# --------------------------------------------------------------------------- the gazetteer


class Gazetteer:
    """Place names and their readings, with look-up and scanning of text.

    Build it with :func:`gazetteer` (cached in memory and on disk).
    """

    def __init__(self, index: _Store, table: AirportTable | None = None) -> None:
        self._ix = index
        self._table = table if table is not None else airport_table()
        if len(self._table) != index.airports:
            raise InputError(
                f"the gazetteer refers to {index.airports:,} airports, "
                f"the airport table has {len(self._table):,}"
            )
        self._member_bounds = array("I", index.member_bounds)
        self._member_rows = array("I", index.member_rows)
        self._places: dict[int, Place] = {}
        self._readings_of: dict[str, tuple[_Reading, ...]] = {}
        self._members: dict[int, tuple[Airport, ...]] = {}
        self._ref_of: dict[tuple[str, str, str | None, str | None], int] | None = None
        self._suggest_keys: list[str] | None = None

    # -- the store, unpacked on demand ---------------------------------------------

    def _place(self, ref: int) -> Place:
        place = self._places.get(ref)
        if place is None:
            if ref < 0:
                place = _airport_place(self._table[~ref])
            else:
                ix = self._ix
                place = Place(
                    ix.place_names[ref],
                    _LETTER_KINDS[ix.place_kinds[ref]],
                    ix.place_countries[ref],
                    ix.place_regions[ref],
                )
            self._places[ref] = place
        return place

    def _readings(self, key: str) -> tuple[_Reading, ...]:
        """The readings of a folded name, best first; ``()`` when none."""
        made = self._readings_of.get(key)
        if made is None:
            packed = self._ix.names.get(key)
            if packed is None:
                return ()
            made = self._readings_of[key] = tuple(
                _Reading(self._place(r), _TITLE, None, False, True)
                if isinstance(r, int)
                else _Reading(
                    self._place(r[0]),
                    r[1],
                    frozenset(r[2]) if r[2] is not None else None,
                    r[3],
                    r[4],
                )
                for r in ((packed,) if isinstance(packed, int) else packed)
            )
        return made

    def _code_places(self, code: str) -> tuple[Place, ...]:
        """The airports an upper-case IATA (3 letters) or ICAO (4) code names in text."""
        hits = (self._ix.iata if len(code) == 3 else self._ix.icao).get(code)
        return () if hits is None else tuple(self._place(~row) for row in _rows(hits))

    def _members_of(self, ref: int) -> tuple[Airport, ...]:
        made = self._members.get(ref)
        if made is None:
            rows = self._member_rows[self._member_bounds[ref] : self._member_bounds[ref + 1]]
            made = self._members[ref] = tuple(self._table[row] for row in rows)
        return made

    # -- look-ups ---------------------------------------------------------------

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place a name may mean, best first; ``()`` when none.

        Case, accents and punctuation are ignored. Upper-case IATA and ICAO
        codes, ISO 3166-2 codes ("US-TX") and US postal codes ("TX") are
        understood too. Names of small airfields that are not matched in
        text are found here by their full name.

        Examples
        --------
        >>> g = gazetteer()
        >>> [p.kind.value for p in g.lookup("the States")]
        ['country']
        >>> g.lookup("shenyang")[0].name
        'Shenyang'
        >>> g.lookup("ELP")[0].airport.icao
        'KELP'
        >>> g.lookup("Nowhere Special")
        ()
        """
        if not isinstance(name, str):
            raise InputError(f"a place name must be text, not {type(name).__name__}")
        stripped = name.strip()
        if not stripped or len(stripped) > _MAX_NAME_LENGTH:
            return ()
        key = fold(stripped)
        if key.startswith("the ") and key not in self._ix.names:
            key = key[4:]
        found: list[Place] = [r.place for r in self._readings(key)]
        if stripped.isupper() and stripped.isalpha():
            if len(stripped) in (3, 4):
                found += self._code_places(stripped)
            elif len(stripped) == 2 and stripped in self._ix.state_abbreviations:
                found.append(self._place(self._ix.state_abbreviations[stripped][0]))
        upper = stripped.upper()
        if upper in self._ix.regions_by_code and "-" in upper:
            found.append(self._place(self._ix.regions_by_code[upper]))
        if not found and key in self._ix.tail:
            found = [self._place(~row) for row in _rows(self._ix.tail[key])]
        return tuple(dict.fromkeys(found))

    def airports(self) -> tuple[Airport, ...]:
        """Every airport the gazetteer holds: usable by jets, matched in text, or with IATA code."""
        return tuple(
            a for ref in self._ix.countries_by_code.values() for a in self._members_of(ref)
        )

    def airports_in(self, place: Place) -> tuple[Airport, ...]:
        """The airports the gazetteer holds for a place, unranked.

        For an airport, the airport; for a city, the airports that serve it;
        for a region or country, the airports in it that are usable by jets,
        matched in text, or have an IATA code.

        Examples
        --------
        >>> g = gazetteer()
        >>> sorted(a.code for a in g.airports_in(g.lookup("Shenyang")[0]))
        ['SHE', 'ZYYY']
        """
        if place.airport is not None:
            return (place.airport,)
        if self._ref_of is None:
            ix = self._ix
            self._ref_of = {
                key: ref
                for ref, key in enumerate(
                    zip(
                        ix.place_names,
                        ix.place_kinds,
                        ix.place_countries,
                        ix.place_regions,
                        strict=True,
                    )
                )
            }
        letter = _KIND_LETTERS.get(place.kind, "")
        ref = self._ref_of.get((place.name, letter, place.country, place.region))
        return () if ref is None else self._members_of(ref)

    def region(self, code: str) -> Place:
        """The region with an ISO 3166-2 code, e.g. ``"US-AZ"``.

        Raises
        ------
        UnknownPlaceError
            No such region.

        Examples
        --------
        >>> gazetteer().region("US-AZ").name
        'Arizona'
        """
        try:
            return self._place(self._ix.regions_by_code[code.strip().upper()])
        except KeyError:
            raise UnknownPlaceError(code, what="region code") from None

    def country(self, code: str) -> Place:
        """The country with an ISO 3166-1 alpha-2 code, e.g. ``"KR"``.

        Raises
        ------
        UnknownPlaceError
            No such country.

        Examples
        --------
        >>> gazetteer().country("kr").name
        'South Korea'
        """
        try:
            return self._place(self._ix.countries_by_code[code.strip().upper()])
        except KeyError:
            raise UnknownPlaceError(code, what="country code") from None

    def hubs(self, area: str) -> tuple[tuple[str, str, str, str], ...]:
        """Documented operator hubs in a region or country: ``(iata, operator, source, note)``.

        Read from ``data/operator_hubs.csv``, in the file's order.

        Examples
        --------
        >>> [h[0] for h in gazetteer().hubs("US-AZ")]
        ['AZA']
        """
        return self._ix.hubs.get(area, ())

    def suggest(self, name: str, limit: int = 5) -> tuple[str, ...]:
        """The known names closest to ``name``, for error messages.

        Examples
        --------
        >>> gazetteer().suggest("Shenyan")[0]
        'Shenyang'
        >>> gazetteer().suggest("Arizonaa")[0]
        'Arizona'
        """
        key = fold(name)[:_MAX_NAME_LENGTH] if isinstance(name, str) else ""
        if not key:
            return ()
        if self._suggest_keys is None:
            self._suggest_keys = sorted(
                k
                for k, packed in self._ix.names.items()
                if isinstance(packed, int) or any(isinstance(r, int) or r[4] for r in packed)
            )
        pool = [k for k in self._suggest_keys if k[:1] == key[:1] and abs(len(k) - len(key)) <= 3]
        close = difflib.get_close_matches(key, pool, n=limit * 2, cutoff=0.7)
        if len(close) < limit:
            close += difflib.get_close_matches(key, self._suggest_keys, n=limit, cutoff=0.8)
        out: list[str] = []
        for k in close:
            readings = self._readings(k)
            label = readings[0].place.name
            shown = label if k == fold(label) or len(readings) > 1 else k.title()
            if shown not in out:
                out.append(shown)
        return tuple(out[:limit])

    # -- scanning text ------------------------------------------------------------

    def find_mentions(self, text: str) -> list[PlaceMention]:
        """Find place names and airport codes in text.

        Scans once, left to right, taking the longest known name at each word
        (up to seven words), so "South Korea" is one mention and not "Korea".
        Mentions do not overlap and lie on word boundaries.

        Raises
        ------
        InputError
            ``text`` is not a string or is longer than :data:`MAX_TEXT_LENGTH`.

        Examples
        --------
        >>> ms = gazetteer().find_mentions("They flew from El Paso, Texas to Anchorage.")
        >>> [(m.start, m.end, m.text, m.place.kind.value) for m in ms]
        [(15, 22, 'El Paso', 'city'), (24, 29, 'Texas', 'region'), (33, 42, 'Anchorage', 'city')]
        """
        if not isinstance(text, str):
            raise InputError(f"text to scan must be a string, not {type(text).__name__}")
        if len(text) > MAX_TEXT_LENGTH:
            raise InputError(
                f"text of {len(text):,} characters is longer than the {MAX_TEXT_LENGTH:,} accepted"
            )
        toks = _tokens(text)
        mentions: list[PlaceMention] = []
        i = 0
        n = len(toks)
        while i < n:
            found = self._match_names(text, toks, i)
            if found is not None and found[0] is not None and found[1] == i + 1:
                found = (self._unless_a_name(text, toks, i, found[0], mentions), i + 1)
            if found is None:
                found = self._match_code(text, toks, i)
            if found is None:
                found = self._match_after_comma(text, toks, i, mentions)
            if found is None:
                i += 1
                continue
            mention, i = found
            if mention is not None:
                mentions.append(mention)
        return _narrow_by_context(text, mentions)

    def _run_length(self, text: str, toks: Sequence[_Token], i: int) -> int:
        limit = min(self._ix.ngram.get(toks[i].folded, 0), len(toks) - i)
        run = 1
        while run < limit and _JOIN_GAP.fullmatch(text, toks[i + run - 1].end, toks[i + run].start):
            run += 1
        return run if limit else 0

    def _unless_a_name(
        self,
        text: str,
        toks: Sequence[_Token],
        i: int,
        mention: PlaceMention,
        before: list[PlaceMention],
    ) -> PlaceMention | None:
        """Drop city, airport and minor-region readings of a word that is part of a person's name.

        "Thomas Cartwright", "Kurt Campbell", "Nancy Pelosi": a one-word place
        right after or right before another capitalised word (with only a space
        between) that is neither a place nor a common lead-in word ("In",
        "From", "Central") is taken for a name.
        """
        if mention.demonym:
            return mention
        prone = [p for p in mention.places if _name_prone(p)]
        if not prone:
            return mention
        person = False
        if i > 0 and _capitalised_neighbour(text, toks[i - 1], toks[i]):
            person = not (before and before[-1].end == toks[i - 1].end)
        if not person and i + 1 < len(toks) and _capitalised_neighbour(text, toks[i], toks[i + 1]):
            nxt = self._match_names(text, toks, i + 1) or self._match_code(text, toks, i + 1)
            person = nxt is None or nxt[0] is None
        if not person:
            return mention
        kept = tuple(p for p in mention.places if not _name_prone(p))
        if not kept:
            return None
        return PlaceMention(mention.start, mention.end, mention.text, kept, mention.demonym)

    def _match_names(
        self, text: str, toks: Sequence[_Token], i: int
    ) -> tuple[PlaceMention | None, int] | None:
        run = self._run_length(text, toks, i)
        for k in range(run, 0, -1):
            span = toks[i : i + k]
            key = " ".join(t.folded for t in span) if k > 1 else span[0].folded
            if key in self._ix.blockers and _has_upper(span):
                return None, i + k
            readings = self._readings(key)
            if not readings:
                continue
            raw = " ".join(t.raw for t in span)
            if k == 1 and _looks_like_code(span[0].raw) and self._is_code(span[0].raw):
                exact = [r for r in readings if r.mode == _EXACT and raw in (r.spellings or ())]
                if not exact:
                    return None  # an upper-case code: let the code matcher have it
            accepted = [r for r in readings if r.prose and _accepts(r, raw, span)]
            if not accepted:
                accepted = self._guarded(text, toks, i + k, readings)
                if not accepted:
                    continue
            start, end = span[0].start, span[-1].end
            mention = PlaceMention(
                start,
                end,
                text[start:end],
                tuple(r.place for r in accepted),
                all(r.demonym for r in accepted),
            )
            return mention, i + k
        return None

    def _guarded(
        self, text: str, toks: Sequence[_Token], j: int, readings: Iterable[_Reading]
    ) -> list[_Reading]:
        """Readings of a common word, kept when the next words name its region."""
        guarded = [r for r in readings if r.mode == _GUARDED]
        if (
            not guarded
            or j >= len(toks)
            or not _comma_between(text, toks[j - 1].end, toks[j].start)
        ):
            return []
        follow = self._region_at(text, toks, j)
        if follow is None:
            return []
        regions = {p.region or p.country for p in follow[0]}
        return [r for r in guarded if r.place.region in regions or r.place.country in regions]

    def _region_at(
        self, text: str, toks: Sequence[_Token], j: int
    ) -> tuple[tuple[Place, ...], int] | None:
        """A region or country named at token ``j``: by name or by state abbreviation."""
        run = self._run_length(text, toks, j)
        for k in range(run, 0, -1):
            span = toks[j : j + k]
            key = " ".join(t.folded for t in span)
            raw = " ".join(t.raw for t in span)
            places = tuple(
                r.place
                for r in self._readings(key)
                if r.place.kind in (StopKind.REGION, StopKind.COUNTRY) and _accepts(r, raw, span)
            )
            if places:
                return places, j + k
        abbr = self._abbreviation_at(text, toks, j)
        if abbr is not None:
            return (abbr[0],), abbr[1]
        return None

    def _abbreviation_at(
        self, text: str, toks: Sequence[_Token], j: int
    ) -> tuple[Place, int, int] | None:
        """A US state abbreviation at token ``j``: ``(place, next token, end offset)``."""
        abbrevs = self._ix.state_abbreviations
        for k in (2, 1):
            if j + k > len(toks):
                continue
            span = toks[j : j + k]
            if k == 2 and not _JOIN_GAP.fullmatch(text, span[0].end, span[1].start):
                continue
            key = "".join(t.raw for t in span)
            entry = abbrevs.get(key) or abbrevs.get(key.capitalize() if k == 1 else key)
            if entry is None:
                continue
            ref, postal = entry
            place = self._place(ref)
            end = span[-1].end
            if postal:
                if not key.isupper():
                    continue
            elif not span[0].raw[:1].isupper():
                continue
            if end < len(text) and text[end] == ".":
                end += 1
            return place, j + k, end
        return None

    def _match_after_comma(
        self, text: str, toks: Sequence[_Token], i: int, mentions: list[PlaceMention]
    ) -> tuple[PlaceMention | None, int] | None:
        """A state abbreviation right after "<place>, "."""
        if not mentions or i == 0 or mentions[-1].end != toks[i - 1].end:
            return None
        if not _comma_between(text, toks[i - 1].end, toks[i].start):
            return None
        found = self._abbreviation_at(text, toks, i)
        if found is None:
            return None
        place, nxt, end = found
        start = toks[i].start
        return PlaceMention(start, end, text[start:end], (place,)), nxt

    def _is_code(self, raw: str) -> bool:
        return raw not in CODE_STOPLIST and (raw in self._ix.iata or raw in self._ix.icao)

    def _match_code(
        self, text: str, toks: Sequence[_Token], i: int
    ) -> tuple[PlaceMention, int] | None:
        tok = toks[i]
        raw = tok.raw
        if not _looks_like_code(raw) or raw in CODE_STOPLIST:
            return None
        places = self._code_places(raw)
        if not places or self._in_capitals(text, toks, i) or not self._code_context(text, toks, i):
            return None
        return PlaceMention(tok.start, tok.end, raw, places), i + 1

    def _code_context(self, text: str, toks: Sequence[_Token], i: int) -> bool:
        """Whether the words around an upper-case token make it an airport code.

        Codes are joined by dashes or slashes ("ELP-ANC"), bracketed
        ("(ELP)"), stand next to another code, or follow or precede a word of
        travel ("from ELP", "to ANC", "via ICN", "ELP airport"). "The BJP said"
        is not an airport.
        """
        tok = toks[i]
        before = text[toks[i - 1].end if i else max(0, tok.start - 3) : tok.start]
        after = text[tok.end : toks[i + 1].start if i + 1 < len(toks) else tok.end + 3]
        if "(" in before and ")" in after:
            return True
        joined = "-–—/>→"
        if i and any(c in before for c in joined) and self._code_at(toks[i - 1]):
            return True
        if i + 1 < len(toks) and any(c in after for c in joined) and self._code_at(toks[i + 1]):
            return True
        if i and before.isspace():
            prev = toks[i - 1]
            if prev.folded in _CODE_LEAD or (
                _looks_like_code(prev.raw) and self._is_code(prev.raw)
            ):
                return True
        if i + 1 < len(toks) and after.isspace():
            nxt = toks[i + 1]
            if nxt.folded in _CODE_TRAIL or self._code_at(nxt):
                return True
        return False

    def _code_at(self, tok: _Token) -> bool:
        return _looks_like_code(tok.raw) and self._is_code(tok.raw)

    def _in_capitals(self, text: str, toks: Sequence[_Token], i: int) -> bool:
        """Whether token ``i`` stands among upper-case words that are not codes (a headline)."""
        for j in (i - 1, i + 1):
            if not 0 <= j < len(toks):
                continue
            a, b = (toks[j].end, toks[i].start) if j < i else (toks[i].end, toks[j].start)
            if not text[a:b].isspace():
                continue
            raw = toks[j].raw
            if len(raw) >= 3 and raw.isalpha() and raw.isupper() and not self._is_code(raw):
                return True
        return False

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self._ix.names):,} names, {len(self._ix.iata):,} IATA codes>"


# words that make the upper-case token after them an airport code ("from ELP")
_CODE_LEAD: Final = frozenset(
    """
    from to via at in into of through and or then between left leaving departed departing
    departs arrived arriving arrives landed landing lands reached reaching for over near
    toward towards back return returned returning stop stopped stopover refuel refueled
    refuelled refueling refuelling diverted routed flew flying flies fly continued onward
    airport airports out dep depart arr arrive dest destination orig origin code icao iata
    """.split()  # noqa: SIM905
)
# words that make the upper-case token before them an airport code ("ELP to")
_CODE_TRAIL: Final = frozenset(
    "to and or then via airport international before after".split()  # noqa: SIM905
)
# capitalised words that may stand next to a place without making it a person's name
_LEAD_INS: Final = frozenset(
    """
    from to in at via and the of for on into near over through back then or a an by with
    toward towards between outside inside across leaving left landed arrived departed
    flight flights airport international air base city county state province region island
    bay north south east west central northern southern eastern western northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern upper lower
    greater downtown metro rural coastal inland monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december where when while after before during since until via flew fly flying
    """.split()  # noqa: SIM905
)


def _name_prone(place: Place) -> bool:
    """Readings a person's name is often mistaken for: cities, airports, minor regions."""
    if place.kind in (StopKind.CITY, StopKind.AIRPORT):
        return True
    return place.kind is StopKind.REGION and (place.country or "") not in (
        _FIRST_RANK_REGIONS | _WELL_KNOWN_REGIONS
    )


def _capitalised_neighbour(text: str, left: _Token, right: _Token) -> bool:
    """Whether two tokens stand side by side, only spaces between, both capitalised words."""
    if text[left.end : right.start] not in (" ", "  "):
        return False
    for tok in (left, right):
        if not (tok.raw[:1].isupper() and tok.raw[1:2].islower()):
            return False
    # "McChord Field", "Ramstein Air Base": an airport word after a name is no surname
    return left.folded not in _LEAD_INS and right.folded not in _LEAD_INS | _GENERIC_WORDS


def _looks_like_code(raw: str) -> bool:
    return len(raw) in (3, 4) and raw.isascii() and raw.isalpha() and raw.isupper()


def _has_upper(span: Sequence[_Token]) -> bool:
    return any(not t.raw.islower() for t in span)


def _accepts(reading: _Reading, raw: str, span: Sequence[_Token]) -> bool:
    if reading.mode == _EXACT:
        return reading.spellings is not None and raw in reading.spellings
    if reading.mode == _TITLE:
        return _has_upper(span)
    # a common word stands alone only when written with an accent, which English words are not:
    # "Malé" is the Maldives' capital, "Male" may be the word; "Colón" the city, "Colon" not
    return _has_upper(span) and any(not c.isascii() and c.isalpha() for c in raw)


def _comma_between(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return gap.strip() == "," or gap.strip() == ".,"


def _narrow_by_context(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Put first the readings of "City, Region" that lie in the region that follows."""
    out = list(mentions)
    for i in range(len(out) - 1):
        here, nxt = out[i], out[i + 1]
        if not _comma_between(text, here.end, nxt.start) or len(here.places) < 2:
            continue
        areas = {p.region for p in nxt.places if p.kind is StopKind.REGION} | {
            p.country for p in nxt.places if p.kind is StopKind.COUNTRY
        }
        inside = [p for p in here.places if p.region in areas or p.country in areas]
        if inside:
            rest = [p for p in here.places if p not in inside]
            out[i] = PlaceMention(here.start, here.end, here.text, (*inside, *rest), here.demonym)
    return out


# --------------------------------------------------------------------------- building


# the data repeat names a lot (municipalities, keywords): fold each once while building
_cfold = functools.lru_cache(maxsize=1 << 17)(fold)


def _read_csv(name: str) -> list[dict[str, str]]:
    with data_path(name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _km(a: LatLon, b: LatLon) -> float:
    """Great-circle distance on a sphere, for clustering only (not shown to users)."""
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = la2 - la1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _strip_generic(words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase in _GENERIC_BY_FIRST.get(words[i], ()):
            if words[i : i + len(phrase)] == phrase:
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


def _name_parts(name: str) -> list[str]:
    """A name and its alternatives: without brackets, bracketed parts, slash-separated parts."""
    parts: list[str] = []
    outer = re.sub(r"\([^)]*\)", " ", name)
    parts.append(" ".join(outer.split()))
    parts += [p.strip() for p in re.findall(r"\(([^)]*)\)", name)]
    for piece in list(parts):
        if "/" in piece:
            parts += [p.strip() for p in piece.split("/")]
    return [p for p in dict.fromkeys(parts) if p]


def _city_names(municipality: str, not_cities: set[str]) -> list[str]:
    """City names in a municipality field: "Hunnan, Shenyang" -> Hunnan, Shenyang."""
    out: list[str] = []
    for part in _name_parts(municipality):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if not pieces:
            continue
        if len(_cfold(pieces[0])) >= 3:
            out.append(pieces[0])
        if len(pieces) > 1:
            key = _cfold(pieces[-1])
            if len(key) >= 3 and key not in not_cities and not key.isdigit():
                out.append(pieces[-1])
    return list(dict.fromkeys(out))


def _ok_short(key: str) -> bool:
    """Whether a derived short name is distinctive enough to keep."""
    words = key.split()
    if len(key) < 4 or not words:
        return False
    if all(w in _GENERIC_WORDS or w in COMMON_WORDS or len(w) <= 2 for w in words):
        return False
    return not (len(words) == 1 and (key in COMMON_WORDS or key.isdigit()))


class _Builder:
    """Collects readings, then freezes them into an :class:`_Index`."""

    def __init__(self) -> None:
        self.names: dict[str, list[_Reading]] = defaultdict(list)

    def add(
        self,
        key: str,
        place: Place,
        rank: tuple[Any, ...],
        *,
        mode: int = _TITLE,
        spellings: Iterable[str] | None = None,
        demonym: bool = False,
        prose: bool = True,
    ) -> None:
        if not key:
            return
        if mode == _TITLE and prose and place.kind is not StopKind.COUNTRY:
            words = key.split()
            if (len(words) == 1 and key in COMMON_WORDS) or all(w in _AREAL_WORDS for w in words):
                mode = _GUARDED
        spelled = frozenset(spellings) if spellings is not None else None
        for i, old in enumerate(self.names[key]):
            if old.place == place:
                if rank < old.rank or (prose and not old.prose):
                    self.names[key][i] = _Reading(
                        place, mode, spelled, demonym, prose or old.prose, min(rank, old.rank)
                    )
                return
        self.names[key].append(_Reading(place, mode, spelled, demonym, prose, rank))


def _build_index(table: AirportTable) -> _Index:
    countries = _read_csv("countries.csv")
    regions = _read_csv("regions.csv")
    hub_rows = _read_csv("operator_hubs.csv")
    alias_rows = _read_csv("airport_aliases.csv")

    b = _Builder()
    countries_by_code: dict[str, Place] = {}
    for c in countries:
        if c["code"] == "ZZ":
            continue
        countries_by_code[c["code"]] = Place(c["name"], StopKind.COUNTRY, c["code"], None)
    regions_by_code: dict[str, Place] = {}
    regions_full = {r["code"]: r["name"] for r in regions}
    for r in regions:
        if r["name"].startswith("("):
            continue
        regions_by_code[r["code"]] = Place(
            _region_name(r["name"]), StopKind.REGION, r["country"], r["code"]
        )

    hubs: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    hub_rank: dict[str, int] = {}
    for h in hub_rows:
        entry = (h["iata"], h["operator"], h["source"], h["note"])
        hubs[h["region"]].append(entry)
        hubs[h["region"][:2]].append(entry)
        hub_rank.setdefault(h["iata"], len(hub_rank))

    # -- airports -----------------------------------------------------------------
    stored: list[Airport] = []
    tail: dict[str, list[str]] = defaultdict(list)
    columns = ("ident", "iata", "type", "scheduled_service", "longest_runway_ft", "name")
    for row, (ident, iata_code, kind, scheduled, runway, name) in enumerate(
        zip(*(table.column(c) for c in columns), strict=True)
    ):
        usable_row = (
            kind != "small_airport"
            or iata_code
            or scheduled == "1"
            or (runway and float(runway) >= 4000)
            or _MILITARY.search(name)
        )
        if usable_row:
            stored.append(table[row])
        else:
            tail[_cfold(name)].append(ident)
    weight = {a.ident: _airport_weight(a, hub_rank.get(a.iata or "", 99)) for a in stored}
    airport_place = {a.ident: _airport_place(a) for a in stored}

    # -- countries, aliases, demonyms ---------------------------------------------
    for place in countries_by_code.values():
        b.add(_cfold(place.name), place, (1, 0))
        bare = re.sub(r"\s*\([^)]*\)", "", place.name)
        if bare != place.name:
            b.add(_cfold(bare), place, (1, 1))
    for alias, code in _COUNTRY_ALIASES.items():
        b.add(_cfold(alias), countries_by_code[code], (1, 0))
    for alias, code in _EXACT_COUNTRY_ALIASES.items():
        spell = " ".join(t.raw for t in _tokens(alias))
        b.add(_cfold(alias), countries_by_code[code], (1, 0), mode=_EXACT, spellings={spell})
    for alias, codes in _AMBIGUOUS_COUNTRY_ALIASES.items():
        for n, code in enumerate(codes):
            b.add(_cfold(alias), countries_by_code[code], (1, n))

    def area(code: str) -> Place:
        return regions_by_code[code] if "-" in code else countries_by_code[code]

    for word, code in _DEMONYMS.items():
        place = area(code)
        b.add(_cfold(word), place, (1, 0), demonym=True)
        if not word.endswith(("ese", "sh", "ch", "ss", "Swiss")):
            b.add(_cfold(word + "s"), place, (1, 0), demonym=True)
    b.add("czechs", countries_by_code["CZ"], (1, 0), demonym=True)

    # -- regions ------------------------------------------------------------------
    country_keys = {_cfold(p.name) for p in countries_by_code.values()}
    state_abbreviations: dict[str, tuple[Place, bool]] = {}
    island_keys: list[tuple[str, Place]] = []
    for code, place in regions_by_code.items():
        country = place.country or ""
        tier: float
        if country in _FIRST_RANK_REGIONS:
            tier = 0
        elif country in _WELL_KNOWN_REGIONS:
            tier = 1.5
        else:
            tier = 3
        keys = [_cfold(place.name), _cfold(regions_full[code])]
        folded = keys[1]
        for suffix in _REGION_SUFFIXES:
            if folded.endswith(" " + suffix):
                keys.append(folded[: -len(suffix) - 1])
        if country not in _FIRST_RANK_REGIONS:
            # "Midway", "Wake", "Canary": an island region named bare (never "Rhode"), added
            # after the airports so that it does not block an airport's short name ("Midway")
            for suffix in _ISLAND_SUFFIXES:
                bare = folded[: -len(suffix) - 1]
                if folded.endswith(" " + suffix) and _ok_short(bare):
                    island_keys.append((bare, place))
        if country == "KR" and folded.endswith("do") and " " not in folded:
            keys.append(folded[:-2])
        for n, key in enumerate(dict.fromkeys(keys)):
            if n and not _ok_short(key):
                continue
            b.add(key, place, (tier, 0, n))
        if country == "US":
            state_abbreviations[code[3:]] = (place, True)
    for abbr, postal in _AP_STATES.items():
        state_abbreviations[abbr] = (regions_by_code["US-" + postal], False)

    # -- cities -------------------------------------------------------------------
    not_cities = country_keys | {_cfold(p.name) for p in regions_by_code.values()}
    region_keys = {
        code: {_cfold(p.name), _cfold(regions_full[code])} for code, p in regions_by_code.items()
    }
    # regions that are one city ("Banjul City", "Lima Region"), by city name and country; not in
    # the US and Canada, whose states share names with cities elsewhere (Washington)
    # ("Osh City" before "Osh Region")
    districts: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for code, p in regions_by_code.items():
        folded = _cfold(p.name)
        for order, suffix in enumerate(_DISTRICT_SUFFIXES):
            if folded.endswith(" " + suffix) and p.country not in _FIRST_RANK_REGIONS:
                districts[(folded[: -len(suffix) - 1], p.country or "")].append((order, code))
    groups: dict[tuple[str, str], list[tuple[str, Airport]]] = defaultdict(list)
    for ap in stored:
        for city in _city_names(ap.municipality, not_cities):
            groups[(_cfold(city), ap.country)].append((city, ap))
    members: dict[Place, tuple[Airport, ...]] = {}
    city_places: dict[str, list[Place]] = defaultdict(list)
    for (key, country), items in groups.items():
        items.sort(key=lambda item: weight[item[1].ident])
        clusters: list[list[tuple[str, Airport]]] = []
        for item in items:
            for cluster in clusters:
                if _km(cluster[0][1].position, item[1].position) <= _CITY_CLUSTER_KM:
                    cluster.append(item)
                    break
            else:
                clusters.append([item])
        for cluster in clusters:
            spelled = max(
                {c for c, _ in cluster}, key=lambda c: (sum(x == c for x, _ in cluster), c)
            )
            ranked = sorted(districts.get((key, country), []))
            best_rank = [code for order, code in ranked if order == ranked[0][0]] if ranked else []
            region = _city_region(
                key,
                {a.region for _, a in cluster},
                region_keys,
                best_rank[0] if len(best_rank) == 1 else None,
            )
            place = Place(spelled, StopKind.CITY, country, region)
            airports = tuple(a for _, a in cluster)
            members[place] = airports
            best = airports[0]
            prose = any(_in_prose(a) for a in airports)
            tier = 0 if best.type == "large_airport" else 2
            b.add(key, place, (tier, weight[best.ident]), prose=prose)
            city_places[key].append(place)

    # -- airports by name -------------------------------------------------------------
    place_keys = set(b.names)
    for ap in stored:
        place = airport_place[ap.ident]
        prose = _in_prose(ap)
        rank = (2, weight[ap.ident])
        b.add(_cfold(ap.name), place, rank, prose=prose)
        sources = [ap.name] + [k.strip() for k in ap.keywords.split(",") if _keyword_is_name(k)]
        cities_here = {_cfold(c) for c in _city_names(ap.municipality, not_cities)}
        for n, source in enumerate(sources):
            for part in _name_parts(source):
                words = tuple(_cfold(part).split())
                if not words:
                    continue
                full = " ".join(words)
                if n and full != _cfold(ap.name) and _ok_short(full):
                    b.add(full, place, (2, weight[ap.ident], 1), prose=prose)
                if words[-1] in ("airport", "aerodrome", "airfield", "airstrip"):
                    key = " ".join(words[:-1])
                    if _ok_short(key) and (key not in place_keys or _contains(b.names[key], ap)):
                        b.add(key, place, (2, weight[ap.ident], 1), prose=prose)
                short = _strip_generic(words)
                key = " ".join(short)
                if len(short) == 1 and _WEAK_GENERIC & set(words):
                    key = full  # "Cook County Airport" is not "Cook"
                if (
                    key != full
                    and _ok_short(key)
                    and (key not in place_keys or _contains(b.names[key], ap))
                ):
                    b.add(key, place, (2, weight[ap.ident], 2), prose=prose)
                for lead in range(1, len(short)):
                    head = " ".join(short[:lead])
                    if head in COMMON_WORDS or not (head in cities_here or head in city_places):
                        continue
                    key = " ".join(short[lead:])
                    if f"{key} county" in full:
                        continue  # "Gillette Campbell County Airport" is not "Campbell"
                    if _ok_short(key) and key not in place_keys:
                        b.add(key, place, (2, weight[ap.ident], 3), prose=prose)
    for alias_row in alias_rows:
        ident = alias_row["ident"]
        if ident in airport_place:
            b.add(_cfold(alias_row["alias"]), airport_place[ident], (2, weight[ident], 0))
    for key, place in island_keys:
        b.add(key, place, (3, 9))  # after the cities and airports of the name
    for alias, ident in _AIRPORT_ALIASES_FIRST.items():
        if ident in airport_place:
            b.add(_cfold(alias), airport_place[ident], (-1,))
    for alias, ident in _EXACT_AIRPORT_ALIASES.items():
        if ident in airport_place:
            b.add(_cfold(alias), airport_place[ident], (2, 0), mode=_EXACT, spellings={alias})

    # -- members of regions and countries ----------------------------------------------
    in_region: dict[str, list[Airport]] = defaultdict(list)
    in_country: dict[str, list[Airport]] = defaultdict(list)
    for ap in stored:
        in_region[ap.region].append(ap)
        in_country[ap.country].append(ap)
    for code, place in regions_by_code.items():
        members[place] = tuple(in_region.get(code, ()))
    for code, place in countries_by_code.items():
        members[place] = tuple(in_country.get(code, ()))

    # -- codes ---------------------------------------------------------------------------
    iata: dict[str, list[Place]] = defaultdict(list)
    icao: dict[str, list[Place]] = defaultdict(list)
    for ap in stored:
        place = airport_place[ap.ident]
        if ap.iata:
            iata[ap.iata].append(place)
        if ap.icao and (ap.country != "US" or ap.icao[0] in "KP"):
            icao[ap.icao].append(place)

    names = {key: tuple(sorted(rs, key=_reading_order)) for key, rs in b.names.items()}
    blockers = frozenset(_cfold(p) for p in _BLOCKERS)
    ngram: dict[str, int] = {}
    for key in (*names, *blockers):
        first, *rest = key.split()
        if len(rest) < _MAX_NGRAM:
            ngram[first] = max(ngram.get(first, 0), len(rest) + 1)
    return _Index(
        names=names,
        blockers=blockers,
        iata={k: tuple(v) for k, v in iata.items()},
        icao={k: tuple(v) for k, v in icao.items()},
        members=members,
        regions_by_code=regions_by_code,
        countries_by_code=countries_by_code,
        state_abbreviations=state_abbreviations,
        tail={k: tuple(v) for k, v in tail.items() if k not in names},
        ngram=ngram,
        hubs={k: tuple(v) for k, v in hubs.items()},
    )


def _city_region(
    key: str, regions: set[str], region_keys: dict[str, set[str]], district: str | None = None
) -> str | None:
    """The region of a city whose airports lie in ``regions``.

    The one of them that bears the city's name, since a capital usually gives
    its name to the region around it (San Salvador's airports lie in the
    departments of San Salvador and La Paz; Seoul's in Seoul and Incheon).
    Failing that, ``district``: a region of the city's country named for the
    city alone ("Banjul City"), which is the city itself even though its
    airport lies outside it (Banjul's, at Yundum, in West Coast Region). Failing
    that, the airports' one region, or none when they lie in several
    (Washington's in Virginia and Maryland, neither named Washington).
    """
    named = [code for code in regions if key in region_keys.get(code, ())]
    if len(named) == 1:
        return named[0]
    if district is not None:
        return district
    if len(regions) == 1:
        return next(iter(regions)) or None
    return None


def _region_name(name: str) -> str:
    """A region's everyday name: "Liaoning Province" -> "Liaoning", "México (state)" -> "México"."""
    short = re.sub(r"\s*\((?:state|disputed)\)$", "", name)
    for suffix in _REGION_SUFFIXES:
        words = short.split()
        if len(words) > 1 and _cfold(short).endswith(" " + suffix):
            short = " ".join(words[: len(words) - len(suffix.split())])
            break
    return short


def _keyword_is_name(keyword: str) -> bool:
    """Whether an OurAirports keyword is a name (not a code or a number)."""
    k = keyword.strip()
    return len(k) >= 4 and any(c.islower() for c in k) and not any(c.isdigit() for c in k)


def _contains(readings: Iterable[_Reading], airport: Airport) -> bool:
    """Whether some reading is a place that contains the airport."""
    for r in readings:
        p = r.place
        if (
            p.kind is StopKind.AIRPORT
            and p.airport is not None
            and p.airport.ident == airport.ident
        ):
            return True
        if (
            p.kind is StopKind.CITY
            and p.country == airport.country
            and p.region in (None, airport.region)
            and _cfold(p.name) in {_cfold(c) for c in _city_names(airport.municipality, set())}
        ):
            return True
        if p.kind is StopKind.REGION and p.region == airport.region:
            return True
        if p.kind is StopKind.COUNTRY and p.country == airport.country and not r.demonym:
            return True
    return False


_KIND_ORDER: Final = {
    StopKind.CITY: 0,
    StopKind.AIRPORT: 1,
    StopKind.REGION: 2,
    StopKind.COUNTRY: 3,
}


def _reading_order(r: _Reading) -> tuple[Any, ...]:
    return (r.rank[0], _KIND_ORDER[r.place.kind], r.rank[1:], r.place.name, r.place.region or "")


# --------------------------------------------------------------------------- cache

_DATA_FILES: Final = (
    "airports.csv",
    "countries.csv",
    "regions.csv",
    "operator_hubs.csv",
    "airport_aliases.csv",
)
# first item of a cached store; bump it when the layout of _Store changes
_STORE_FORMAT: Final = "flightlegs-gazetteer-2"


def _cache_path(cache: Path | None) -> Path:
    key = _fingerprint(
        [data_path(name) for name in _DATA_FILES],
        # the store holds rows of the airport table, so its reader is part of the key
        [Path(__file__), Path(__file__).with_name("airports.py")],
    )
    return (cache or cache_dir()) / f"gazetteer-{key}.pickle"


def _load_cached(path: Path, table: AirportTable) -> _Store | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        log.debug("cannot read gazetteer cache %s: %s", path, err)
        return None
    try:
        fmt, *fields = pickle.loads(data)
        store = _Store(*fields)
    except Exception as err:  # a corrupt or foreign cache is rebuilt, never trusted
        log.debug("ignoring gazetteer cache %s: %s", path, err)
        return None
    places = len(store.place_names)
    if (
        fmt != _STORE_FORMAT
        or store.airports != len(table)
        or not isinstance(store.names, dict)
        or not isinstance(store.place_kinds, str)
        or len(store.place_kinds) != places
        or len(store.member_bounds) != 4 * (places + 1)
    ):
        log.debug("ignoring gazetteer cache %s: not a store of this airport table", path)
        return None
    return store


def load_gazetteer(cache: Path | None = None, *, use_cache: bool = True) -> Gazetteer:
    """Build the gazetteer, or load it from the on-disk cache.

    Parameters
    ----------
    cache
        Folder of the cache; :func:`cache_dir` by default.
    use_cache
        ``False`` always builds from the data files and writes nothing.
    """
    table = airport_table()
    if not use_cache:
        return Gazetteer(_pack(_build_index(table), table), table)
    path = _cache_path(cache)
    store = _load_cached(path, table)
    if store is None:
        store = _pack(_build_index(table), table)
        _write_cache(path, pickle.dumps((_STORE_FORMAT, *store), protocol=pickle.HIGHEST_PROTOCOL))
    return Gazetteer(store, table)


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer of the bundled data, built once per process.

    Examples
    --------
    >>> gazetteer() is gazetteer()
    True
    """
    return load_gazetteer()
