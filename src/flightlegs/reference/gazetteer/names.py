"""Curated word lists of the gazetteer.

Words that look like airport codes but are English ("THE", "AND"), names that
are common words, and the regions and countries that rank first when a name
is shared. Each list is data about language, not about one report.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["BASE_KINDS", "BASE_KIND_ABBREVIATIONS", "CODE_STOPLIST", "COMMON_WORDS"]

# --------------------------------------------------------------------------- curated lists

#: Abbreviations of a kind of military base, written before the base's name ("NAS Sigonella",
#: "CFB Trenton", "RAF Lakenheath"); NAS is also Nassau's code.
BASE_KIND_ABBREVIATIONS: Final = frozenset(
    {"AFB", "AFS", "ANGB", "ARB", "CFB", "JRB", "MCAS", "NAF", "NAS", "NSA", "RAAF", "RAF", "RCAF"}
)
#: The same kinds written out ("Naval Air Station Sigonella", "Naval Support, Souda Bay").
BASE_KINDS: Final = (
    "Naval Air Station",
    "Naval Air Facility",
    "Naval Support Activity",
    "Naval Support",
    "Naval Station",
    "Air Force Base",
    "Air Force Station",
    "Air National Guard Base",
    "Air Reserve Base",
    "Joint Reserve Base",
    "Joint Base",
    "Marine Corps Air Station",
    "Royal Air Force",
    "Air Base",
    "Air Station",
)

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
    archangel are argyle armor around as ascension at atlantic avenger back bacon bale banana bank
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
    # former names, in reports of history: "hopped across Persia and India"
    "Persia": "IR", "Siam": "TH", "Ceylon": "LK", "Formosa": "TW", "Abyssinia": "ET",
    "Mesopotamia": "IQ", "Malaya": "MY", "Dutch East Indies": "ID", "Dutch Indies": "ID",
    "Netherlands East Indies": "ID", "Netherlands Indies": "ID", "Belgian Congo": "CD",
    "Zaire": "CD", "Tanganyika": "TZ", "Transjordan": "JO", "Trans-Jordan": "JO",
    "Dahomey": "BJ", "Upper Volta": "BF", "East Pakistan": "BD", "Bechuanaland": "BW",
    "Nyasaland": "MW", "Basutoland": "LS", "Northern Rhodesia": "ZM", "Southern Rhodesia": "ZW",
    "Rhodesia": "ZW", "Anglo-Egyptian Sudan": "SD",
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
    # organisations GeoNames gives as other names of towns ("Hamas" for Hamm, Germany)
    "Hamas", "Hezbollah",
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
_DISTRICT_SUFFIXES: Final = (
    "city",
    "capital district",
    "region",
    "governorate",
    "province",
    "prefecture",
    "municipality",
)
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
                "heliport", "intercontinental", "metropolitan", "memorial", "flugplatz",
                "verkehrslandeplatz", "sonderlandeplatz", "aerodrome de", "aeroport de",
                "aerodromo", "aerodromo de", "aero club", "aeroclub", "flying club", "gliding club",
                # air forces' prefixes: "RNZAF Base Ohakea", "CFB Goose Bay" ("RAF" stays: it is
                # the name's own word in "RAF Mount Pleasant", whose other words are common)
                "rnzaf base", "rnzaf", "raaf base", "raaf", "rcaf", "cfb", "rnas", "rafo",
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
    r"|marine corps air|coast guard air|air station|space force"
    r"|\b(?:raf|rnzaf|raaf|rcaf|cfb|rnas)\b",
    re.I,
)
#: How the place of a closed airfield ends its name: "Croydon Airport (closed)".
CLOSED_SUFFIX: Final = " (closed)"
#: The last word of an airport's name that calls it a field ("Louth Airport", "Bourke Aerodrome").
_FIELD_WORDS: Final = ("airport", "aerodrome", "airfield", "airstrip")


def _is_strip(
    kind: str, iata: str | None, scheduled: bool, runway_ft: float | None, name: str
) -> bool:
    """Whether an airport is a small field the index keeps out of running text.

    A small airport with no airline code, no scheduled service, no runway of
    4,000 ft and no military name: most words that are such a field's name
    are something else in prose.

    >>> _is_strip("small_airport", None, False, 3494.0, "Louth Airport")
    True
    >>> _is_strip("small_airport", None, False, 3494.0, "RAAF Base Scherger")
    False
    """
    return (
        kind == "small_airport"
        and not iata
        and not scheduled
        and not (runway_ft and runway_ft >= 4000)
        and not _MILITARY.search(name)
    )


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
