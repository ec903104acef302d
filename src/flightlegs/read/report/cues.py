"""Cues: the words that say what a place is to the flight.

Travel verbs, spatial prepositions, negations, surface travel and the other
word families the classifier reads around each mention, as patterns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

__all__ = []


# --------------------------------------------------------------------------- cue phrases

_FLIGHT_WORD = (
    r"(?:flew|flown|fly|flying|flight|plane|jet|aircraft|airplane|airliner|charter|hop|leg"
    r"|airlift|tanker|turboprop|transport|took off|take off|taking off|lifted off|departed"
    r"|landed)"
)
_ADVERB = r"(?:\s+(?:first|briefly|safely|again|later|finally|eventually|then|there|overnight|"
_ADVERB += r"shortly|initially|nonstop|non-stop|directly|straight|back|on|over|\w+ly))?"
#: Words that name where the flight was going: "bound for Kyiv", "on its way to Manila".
_DESTINATION = (
    r"(?:bound for|destined for|en route to|on (?:its|the|their|our|his|her|my) way to"
    r"|outbound (?:to|for)"
    r"|inbound (?:to|for))"
)
#: What is done to people carried by air: "were deported from Harlingen to Guatemala City",
#: "rendered from The Gambia to Afghanistan", "airlifted to Ramstein".
_MOVED = (
    r"(?:deported|rendered|transferred|repatriated|extradited|removed|expelled|airlifted"
    r"|evacuated|medevaced|shuttled|transported|ferried|airdropped|relocated)"
)
#: "were deported from Harlingen to Guatemala City": moved from one place to another, a route
_MOVED_FROM = re.compile(rf"\b(?:{_MOVED}|flown)(?:\s+\w+ly)? from$")
_MOVED_ONWARD = re.compile(r"[^.;:]{0,60}?\b(?:to|via)\s+(?:the\s+)?[A-Z]")
#: What a report calls the aircraft: "the Gulfstream", "the C-17", "the charter".
_AIRCRAFT_NOUN = (
    r"(?:planes?|jets?|aircraft|airplanes?|airliners?|charters?|flights?|gulfstream|boeing"
    r"|airbus|learjet|helicopters?|bombers?|tankers?|turboprops?|freighters?|[a-z]{1,3}-\d{1,3})"
)
#: "the Gulfstream was in Malta on Monday": where the aircraft was, in its own sentence
_AIRCRAFT_WAS = re.compile(
    rf"\b(?:the|its|our|their|a|an)(?: [\w-]+){{0,3}}? {_AIRCRAFT_NOUN}"
    r"(?: [\w-]+){0,4}? (?:was|were|had been|is|sat|remained|stayed)(?: \w+ly| still| again)?"
    r" (?:in|at)\s*$"
)
#: "the next morning it was at Lyon": where "it" was, in a sentence about the flight
_PRONOUN_WAS = re.compile(
    r"\b(?:it|we|she|he|they)(?: \w+ly| still| again)? (?:was|were|had been|sat) (?:in|at)\s*$"
)
#: "The C-17 brought the team to Ramstein": the aircraft carried them there
_CARRIED_TO = re.compile(
    rf"\b{_AIRCRAFT_NOUN}\b[\w ,'’-]{{0,60}}?\b(?:brought|brings|bringing|carried|carries"
    r"|carrying|took|takes|taking|ferried|delivered|delivering)\b(?: [\w'’-]+){0,5}?"
    # "carried aid from Oxfam, Save the Children and a foundation to Billund"
    r"(?: from(?: [\w'’&-]+,?){1,10}?)? (?:to|into)\s*$"
)
#: A log entry: the place, its code, a clock time, arrived or departed
#: ("Shannon (SNN), 0614Z arr from Bangor").
_LOGGED_AFTER = re.compile(
    r"(?:\s*\([A-Z0-9]{3,4}\))?\s*[,:;–—-]?\s*(?:\d{3,4}\s?Z|\d{1,2}[:.]\d\d)"
    r"\s*(?:UTC|GMT|Z|L|local)?\s*[,:]?\s*(?:arr|dep|arrived|departed|landed|airborne|wheels)\b",
    re.IGNORECASE,
)
#: "remarks in Bowling Green before flying to Nashville": where the flight leaves from next
_BEFORE_FLYING_AFTER = re.compile(
    r"[^.;:,]{0,40}?\bbefore (?:flying|heading|continuing|travell?ing|leaving|departing"
    r"|returning|taking off|jetting|hopping)\b"
)
#: "bused to San Diego, where they boarded a flight to Seattle": where the flight began
_BOARDED_AFTER = re.compile(
    r",?\s+where\s+(?:\w+\s+){0,3}?(?:boarded|caught|took|were put on|was put on)"
    rf"\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_AIRCRAFT_NOUN}\b"
    # "taken by helicopter to Andrews Air Force Base for the flight to Hawaii"
    r"|\s+for\s+(?:the|a|an|its|their|his|her|our|my)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:flight|flights|hop|leg)\s+(?:to|across|over|home)\b"
)
#: "raced along the runway at London Airport": the aircraft on the ground there
_RUNWAY_AT = re.compile(
    r"\b(?:along|down|on|onto|off|from|to|at the end of) (?:the |its |a )?"
    r"(?:main |wet |icy |short )?(?:runway|runways|airstrip|landing strip|ramp|apron)"
    r" (?:at|of|in)\s*$"
)
_TAKE_OFF = re.compile(r"\b(?:take-?off|took off|takeoff|lifted off|rose|climbed|airborne|roll)\b")
#: "onlookers at Palmietfontein saw the jet sweep in": where people watched it arrive
#: "circling Lord Howe Island, where we put down in the lagoon": the place is where it landed
_WHERE_LANDED_AFTER = re.compile(
    # "to Kano, Nigeria, where we put down for fuel": past what locates the place
    r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
    r",?\s+where\s+(?:we|it|they|he|she|the (?:[\w-]+ ){0,2}?(?:"
    + _AIRCRAFT_NOUN
    + r"|crew|pilots?))\s+(?:\w+\s+)?(?:landed|put down|touched down|set down|alighted"
    r"|refuell?ed|took on fuel|took on gas|stopped|spent the night|overnighted|night-stopped"
    r"|cleared customs|was refuell?ed|were refuell?ed)\b"
)
_WATCHED_ARRIVE_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:saw|watched|greeted|welcomed|met|cheered)\s+(?:the|a|an|its)\s+"
    rf"(?:[\w-]+\s+){{0,5}}?(?:{_AIRCRAFT_NOUN}|clipper|comet|[a-z]+liner)\b"
    r"[^.;]{0,30}?\b(?:land|landing|arrive|arriving|sweep in|swept in|touch down"
    r"|come in|coming in|taxi|taxiing|pull up|roll)\b"
)
#: "after Cairo it flew to Prestwick": Cairo was a stop, the one before Prestwick
#: "San Diego was our first stop of the day": the place is a stop, told before its cue
_STOP_WAS_AFTER = re.compile(
    r"\s+(?:was|is|became|would be|will be)\s+(?:our|the|its|their|my|his|her)\s+"
    r"(?P<nth>first|next|last|final|only|second|third|fuel|refuel(?:l)?ing|overnight|technical)\s+"
    r"(?:stop|stopover|port of call|landing)\b"
    # "Bluie West 1, Greenland came next"
    r"|(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s+(?:came|was|is|comes) next\b"
)
_AFTER_PLACE = re.compile(r"(?:^|[,;]|\band)\s*after$")
_AFTER_PLACE_AFTER = re.compile(
    rf",?\s+(?:it|we|they|she|he|the (?:[\w-]+ ){{0,2}}?(?:{_AIRCRAFT_NOUN}|crew))"
    r"(?: \w+){0,2}? (?:flew|went|continued|headed|proceeded|took off|left|landed|turned|pushed"
    r"|made|stopped|refuell?ed)\b"
)
_DEPARTURE_CUE = re.compile(
    r"(?:\b(?:took|taken|taking|takes|take) off(?: from)?|\blifted off(?: from)?"
    r"|\b(?:departed|departing|departs|depart|dep\.?|left|leaving|leaves)(?: from)?"
    r"|\b(?:will|would|to|shall|is due to|was due to)(?: then| again| soon| later| \w+ly)?"
    r" leave(?: from)?"
    # "having come in from Offutt", "where it had arrived the day before from Horn Island"
    r"|\bhaving (?:come|arrived|flown)(?: in| back)? from"
    r"|\b(?:it|which|that)(?: had| has| have)? arrived(?: [\w-]+){0,3}? from"
    r"|\b(?:flew|flying|flown|fly|flies) out of|\bwheels[ -]up (?:from|in|at)"
    # not "moving $8 billion in assets out of the U.S.": money, not a flight
    # nor "170 Indians who had got out of Ukraine": people who left it on their own
    r"|(?<!assets )(?<!money )(?<!funds )(?<!cash )(?<!capital )(?<!got )(?<!gotten )(?<!fled )"
    r"(?<!escaped )(?<!crossed )(?<!walked )(?<!driven )(?<!drove )\bout of"
    r"|\b(?:off the ground|airborne) (?:from|in|at|out of)"
    r"|\barr(?:\.|ived|iving)? from"
    # "the charter flight of deportees from the USA", "a flight from Moscow": where it left
    r"|\b(?:flight|charter|airlift)(?: of (?:[\w-]+ ){0,3}?[\w-]+)? from"
    # "flew from the hospital in Galway": a place on the ground, in the town named
    r"|\b(?:flew|flown|flying|took off|departed|left|lifted off|airlifted|evacuated)"
    r" from (?:the|a|an) (?:[\w-]+ ){0,3}?(?:in|at|near|outside)"
    r"|\b(?:set|setting|sets) (?:out|off)(?: from)?|\bstarted out (?:from|in|at)"
    r"|\b(?:got|get|gets|getting) away from|\b(?:ordered|sent|cleared) (?:off|out|away) from"
    r"|\bclimbed (?:away|out) (?:from|of)|\b(?:take-?off|takeoff) from"
    r"|\bboarded (?:in|at)"
    r"|\b(?:boarded|boarding|caught|took) (?:a|an|the|their|his|her)(?: [\w-]+){0,3}?"
    rf" {_AIRCRAFT_NOUN} (?:in|at|from)"
    r"|\b(?:put|placed|loaded|boarded|bundled|escorted|marched)(?: \w+)?"
    r" (?:on|onto|aboard|on board|into) (?:a|an|the)(?: [\w-]+){0,3}?"
    rf" {_AIRCRAFT_NOUN} (?:in|at|from)"
    # "the flight will come directly from Muscat"
    rf"|\b(?:{_AIRCRAFT_NOUN}|which|it)(?: (?:had|has|have|will|would|is to|was to))?(?: just)?"
    r" (?:come|came|arrived|arrive)(?: \w+ly)?(?: in)? from"
    r"|\boriginat(?:ed|ing) (?:in|at|from)|\bon (?:its|the|their) way from"
    r"|\b(?:begun|began|begins|started|starting|starts)(?: out)? (?:at|in|from)"
    r"|\b(?:began|begun|begins|started|starting|starts) (?:the|its|their) (?:day|trip|journey|tour"
    r"|run|rotation|mission) (?:at|in|from))\s*$"
)
_STOP_CUE = re.compile(
    r"(?:\b(?:stopped|stopping|stops|stop|stopovers?|stop-overs?|layovers?|night-stop|night-stopped"
    r"|refuel\w*|fuell?ing|fuell?ed|fuel stops?|technical stops?|landed|landing|lands|land"
    r"|touched down|touching down|touches down|arrived|arriving|arrives|called|calling"
    r"|on the ground|on the ramp|parked"
    r"|came down|coming down|comes down|come down|alighted|alighting|splashed down|set down"
    r"|put down|puts down|putting down|overnighted|overnighting|night-stopped)"
    + _ADVERB
    # "put down for fuel at Souda Bay", "stopped for the night in Wick"
    + r"(?: for (?:fuel|gas|petrol|refuell?ing|customs|the night|lunch))?"
    + r"(?: on (?:its|the) (?:wheels|floats|water))?\s+(?:in|at|on)"
    r"|\b(?:reached|reaching|reach)|\bmade|\bvia|\bby way of|\banother (?:one |stop )?(?:in|at)"
    r"|\b(?:paused|pausing|pauses|pause|waited|held up(?: on the ground)?|customs) (?:at|in)"
    # "snowed in at Churchill", "stranded in Goose Bay", "weathered in at Wick": on the ground
    r"|\b(?:snowed|weathered|fogged|iced|stormed) in(?: at| in)?"
    r"|\b(?:stranded|marooned|grounded|stuck|storm-bound|stormbound|weather-bound) (?:at|in)"
    # "crash-landed in a bog at Clifden", "force-landed in a field near Oran"
    r"|\b(?:crash-?landed|crash landed|force-?landed|forced landing|ditched|belly-landed"
    r"|emergency landing|precautionary landing|unscheduled landing|unplanned landing)"
    r"(?: [\w'-]+){0,4}? (?:in|at|on|near)"
    r"|\b(?:disembarked|disembarking|deplaned|deplaning|offloaded|unloaded|got off|were let off"
    r"|were handed over|was handed over|were released|came off the plane)"
    r"(?: [\w-]+){0,2}? (?:at|in)"
    r"|\b(?:connected|connecting|transited|transiting|transit)(?: (?:through|via|at|in))?"
    # "has passed through Vienna, Constantinople, Aleppo", "got in to Calcutta this evening"
    r"|\b(?:passed|passing|passes|pass) through|\b(?:got|gets|getting) in(?: to|to| at)?"
    r"|\bon the (?:tarmac|apron) (?:in|at)"
    r"|\b(?:was|were|been|being) (?:spotted|photographed|seen|sighted|pictured|filmed)"
    r"(?: [\w-]+){0,3}? (?:at|in)"
    r"|\b(?:show|shows|showed|shown|place|places|placed|puts|put|locate|located) (?:the|its|their)"
    r" (?:plane|jet|aircraft|airliner) (?:in|at)"
    r"|\b(?:ended|ending|ends|end|finished|terminated|terminating|terminates)"
    r"(?: (?:its|the|their|his|her) (?:journey|flight|trip|day|run|tour))? (?:at|in)"
    r"|\b(?:first|next|last|final|fuel|refuelling|refueling|technical) stop,"
    r"|\b(?:spent|spending|spends) (?:the|that|a|one|its) (?:night|day|nights|days) (?:at|in|on)"
    # "after spending some 18 hours at Vienna"
    r"|\b(?:spent|spending|spends)(?: (?:some|about|nearly|almost|more than|over|around|a|an|\d+"
    r"|two|three|four|five|six|several|few))+ (?:hours?|nights?|days?)(?: on the ground)?"
    r" (?:at|in|on)"
    r"|\b(?:crossed|crossing|crosses)(?: (?:the )?[\w -]{1,30}?)? to"
    r"|\b(?:a|one|two|three|the|that|another) nights? (?:in|at)"
    r"|\bports? of call (?:was|were|is|would be)(?: (?:at|in))?"
    r"|\b(?:itinerary|route|flight plan|schedule|stops)(?: [\w-]+){0,3}?"
    r" (?:included|includes|including|took in|takes in|covered|listed|showed|were|was|is|went)"
    # "then down the Euphrates to Baghdad and down the Tigris to Basra, next along the eastern
    # shore of the Persian Gulf to Bushire"
    r"|(?:\b(?:then|and|next|thence|and then)|,)\s+(?:across|over|down|up|along|around|round|past)"
    r" [\w -]{1,40}? to"
    # "her route took her through Vienna", "the detour led the jet to Gander"
    r"|\b(?:took|takes|taking|take|carried|carries|carrying|carry|led|leads|lead|brought|bring"
    # "an aerial escort accompanied her to Croydon Airport"
    r"|routed|escorted|escorts|accompanied|accompanies) (?:her|him"
    r"|them|it|us|me|the (?:[\w-]+ )?(?:plane|aircraft|jet|flight|crew|airliner))"
    r"(?: \w+)? (?:through|via|to|into|on to|by way of)"
    r"|\b(?:flew|flying|flown|flies|went|headed|heading|continued|continuing|pressed on)"
    r" (?:over|across) (?:the )?[\w -]{1,30}? (?:to|for|into)"
    r"|\b(?:continued|continuing|continues|went|proceeded|proceeding|pressed|flew|flown|flying"
    r"|flies|headed|heading|heads|moved|carried on)\s+(?:on\s+)?(?:on\s+)?(?:to|for|into"
    r"|towards?)"
    # "we made for Perth to refuel", "making for Wick"
    r"|\b(?:made|making|make|makes) for"
    r"|\b(?:then|and then),?\s+(?:on\s+)?to|\b(?:on|onward|onwards) to"
    # "then on to Anchorage and Nome, followed by Sapporo and Tokyo"
    r"|\bfollowed by"
    # "the Clipper touched at Midway and Wake", "was forced down at Aleppo"
    r"|\b(?:touched|touching|touches) at|\bforced down (?:at|in|near|on)"
    # "left Stansted at 9pm and was due in Lagos at dawn": where it was expected (a plan)
    r"|\b(?:is|was|are|were|be|being)(?: \w+ly)? (?:due|expected)(?: back)? (?:in|at|into)"
    # "before it reaches Islamabad" (not "aid now reaches Ukraine": a habit of something else)
    r"|\b(?:before|until|till|when|once|as) (?:it|they|the (?:[\w-]+ )?(?:plane|jet|aircraft"
    r"|flight|charter)) reaches"
    rf"|\b{_DESTINATION}"
    r"|\bfrom there,? (?:on )?to|\bthence,? to"
    r"|\b(?:final|ultimate|eventual) destination(?:,| is| was| will be| of)"
    # "set his two-motored plane down at Omsk", "brought the jet down in Goose Bay"
    r"|\b(?:set|sets|setting|put|puts|putting|brought|brings|bringing)(?: [\w'’-]+){1,4}?"
    r" down (?:at|in|on)"
    # "Our first stop, obviously, is Thailand"
    r"|\b(?:next|first|last|final|second|third|fuel|only|one) stop(?:,? \w+ly,?)?"
    r" (?:was|is|would be|will be)"
    r"(?: (?:at|in))?"
    r"|\b(?:approach|final approach|descent) (?:to|into)"
    r"|\b(?:landing site|landing point) (?:was|as|at|is)|(?:→|->|⇒|>)"
    r"|\b(?:flight|leg|hop|diverted|diverting|divert|diverts|arr\.?)\s+(?:to|for|into)?|\barr\.?"
    # log telegraphese: "arrived Larnaca 0240Z"
    r"|\b(?:arrived|landed|reached)|\bwheels[ -]down (?:in|at|on)|\bwheels[ -]up (?:for|to)"
    # a schedule's "THE PRESIDENT arrives Phoenix, AZ", "departs Cedar Rapids en route Phoenix"
    r"|\b(?:arrives|lands)|\ben[ -]?route"
    r"|\b(?:dep(?:\.|arted)?|departing|departs|depart|left|leaving|leaves|leave|took off|takes off"
    r"|take off|taking off|lifted off|lifts off|set off|sets off|setting off|set out|sets out"
    r"|setting out) (?:for|towards?)"
    # "was wheels up at 8:31 for Louisville", "took off shortly after 9 a.m. for Doha"
    r"|\b(?:wheels[ -]up|airborne|took off|left|departed|lifted off|launched)"
    r"\s+(?:at|around|about|shortly after|just after|before)\s+[\d:.]+"
    r"\s*(?:[ap]\.?m\.?|z|utc|gmt|local(?: time)?)?\s+(?:\w+ly\s+)?for"
    # "we shut down in Fort Stockton", "got into Albuquerque", "a two-hour turnaround in"
    r"|\b(?:shut|shuts|shutting) down (?:in|at)|\b(?:got|get|gets|getting) (?:in)?to"
    r"|\bturn-?arounds? (?:in|at)"
    # "the usual milk-run route through Narsarsuaq"
    r"|\broute (?:ran |went |led |took (?:us |them |her |him |it )?)?(?:through|via|by way of)"
    r")\s*$"
)
#: a time said between a travel verb and its preposition: "pressed on the same afternoon to",
#: "left early on Friday for", "flew on at dawn to"
_TIME_BEFORE_PLACE = re.compile(
    r"(?:,?\s+(?:(?:on|at|in|by|early|late|later|shortly|soon|just|again)\b\s*)?"
    r"(?:(?:that|the same|the next|the following|the|this|a|early|late)\s+)?"
    r"(?:morning|afternoon|evening|night|day|dawn|daybreak|dusk|noon|midday|midnight|sunrise"
    r"|sunset|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}[:.]\d\d"
    r"(?:\s*(?:[ap]\.?m\.?|z|utc|gmt|hours|local(?: time)?))?|\d{1,2}\s*(?:[ap]\.?m\.?|z|utc"
    r"|gmt|hours|local(?: time)?)|\d{4}z?|early|later|again|soon after|next"
    r"|afterwards|the next day|that day)(?:\s+(?:morning|afternoon|evening|night))?,?)+"
    r"(?=\s+(?:to|for|into|at|in|on to|onto)$)"
)
#: the verb of a clause that an "after ..." phrase led into: "after a night at Guam alighted on"
_THEN_FLEW_AFTER = re.compile(
    r"[^,;.]{0,40}?\b(?:alighted|landed|touched down|arrived|flew|continued|went on|came down"
    r"|reached|headed|made it|pressed on|pushed on)\b"
)
#: "stops are planned in Ohio and Iowa before the evening rally in Des Moines": the event's
#: town comes after the stops before it
_BEFORE_EVENT = re.compile(
    r"\bbefore (?:the|a|an|his|her|their|its) (?:[\w-]+ ){0,3}?(?:rally|event|speech|meeting"
    r"|summit|visit|ceremony|fundraiser|conference|appearance|address|remarks|talks|game)"
    r" (?:in|at)$"
)
_RETURN_CUE = re.compile(
    r"\b(?:back (?:home )?(?:to|at|in)|returned to|returning to|returns to|return to|home to"
    r"|(?:heading|headed|heads|flying|flew|flown|went|going) home to)\s*$"
)
_SHORT_TO = re.compile(
    # "from Houston up to Anchorage", "down to Miami", "across to Dublin"
    r"\W*(?:(?:and|then|nonstop|non-stop|straight|directly|on|onward|back|up|down|over|across"
    # "from Honolulu to a snowy Elmendorf Air Force Base"
    r"|out)\W+){0,2}to(?:\s+(?:a|an|the)(?:\s+[a-z][a-z-]+)?)?"
)
# "flying in from Istanbul": where someone or something came in from, not a departure
#: "from" alone before a place: where it left, but not in a distance ("not far from
#: Marseille", "80 km from Youngstown") nor "in from"
_BARE_FROM = re.compile(
    r"(?<!\bin )(?<!\bfar )(?<!\bmiles )(?<!\bkm )(?<!\bkilometres )"
    r"(?<!\bkilometers )(?<!\bnorth )(?<!\bsouth )(?<!\beast )(?<!\bwest )\bfrom\s*$"
)
# "was flying in separately from South Africa": someone else came in from there
_IN_FROM = re.compile(r"\bin(?:\s+\w+ly)?\s+from\s*$")
_PEOPLE_FROM = re.compile(
    r"\b(?:nationals|deportees|migrants|immigrants|citizens|people|returnees|detainees|families"
    r"|men|women|children|relatives|residents|refugees|workers|students|those|campaigners"
    r"|officials|came|come|comes|coming|hail|hails|were|are|crossed|crossing|collected"
    r"|driven|trucked|bused|bussed|walked)\s+"
    # "were from Banjul", not "were flown from Banjul"
    r"(?:(?!" + _FLIGHT_WORD + r"\b|" + _MOVED + r"\b)\w+\s+)?(?:from|of|in)\s*$"
)
#: "flew 130 people from San Antonio": the flight carried them from there
_FLOWN_PEOPLE_FROM = re.compile(
    rf"\b(?:flew|flown|flying|fly|flies|carried|carrying|took|taking|brought|{_MOVED})"
    r"\s+(?:some\s+|about\s+|around\s+|nearly\s+|more than\s+|at least\s+)?(?:[\d,]+\s+)?"
    r"(?:\w+\s+)?(?:people|passengers|migrants|deportees|detainees|nationals|men|women|children"
    r"|families|prisoners|troops|soldiers|evacuees|refugees)\s+from\s*$"
)
_DESCRIPTOR = re.compile(
    r"(?:\b(?:the|a|an|its|their)\s+)?(?:\b(?!(?:in|at|on|to|from|via|of|and|the)\b)[\w'’.-]+\s+)"
    r"{0,3}?\b(?:city|cities|towns?|ports?|capital|islands?|state|province|region|village|hub"
    # "carried on to our jumping off point, Goose Bay"; "make stops at airports in Bulgaria"
    r"|airports?|airfields?|air bases?|bases?|fields?|stations?|helipad|heliport|point|terminal)"
    r"(?:\s+(?:of|at|in)|,)\s*$"
)
#: A field the gazetteer does not know, named before the place it lies in: "land at Argyll
#: airport St Vincent", "flew into Wilson Airfield Nairobi". The place is where it went.
_UNKNOWN_FIELD = re.compile(
    r"\b(?:at|in|to|into|for|from|via)\s+((?:(?!(?:the|a|an|and|of|its|their)\b)[\w'’.-]+\s+)"
    r"{1,3}(?:international\s+)?(?:airport|airfield|aerodrome|airstrip))\s*$"
)
_ARTICLE = re.compile(r"\b(?:the|a|an)\s*$")
_AIRPORT_WORDS = re.compile(r"\b(?:airport|airfield|air base|base|field|station)\b")
_WHEN = (
    r"(?:\s+(?:on|by|at|early|late|later)\s+(?:the\s+)?(?:\w+day|\d{1,2}(?:\s+\w+)?|\w+ \d{1,2}"
    r"|morning|afternoon|evening|night|noon|midnight|nightfall|dusk|dawn|sunset|sundown"
    r"|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|\d{1,2}[:.]\d\d"
    # "Christchurch at 8.10, Blenheim at 10.45", "Gander at 0614Z"
    r"|\d{3,4}\s*(?:z|utc|gmt|hrs|hours|local)\b))?"
)
#: what a stop was for, between it and the next of a list: "at Frankfurt for fuel and again at"
_PURPOSE = r"(?:\s+for\s+(?:the\s+|a\s+)?(?:fuel|gas|refuel\w*|customs|the night|night|crew rest))?"
_LIST_JOIN = re.compile(
    r"^\)?" + _WHEN + _PURPOSE + r"\s*(?:,|;|[,;]?\s+(?:and|or|&)(?:\s+(?:again|also|later))?"
    r"|[,;]?\s+(?:and\s+)?(?:then|finally|at last|lastly|followed by)(?:\s+on)?)"
    + _WHEN
    + r"(?:\s+(?:at|in|to|on|via))?\s+(?:the\s+)?$"
)
_QUALIFIER_JOIN = re.compile(
    # "ST. PETERSBURG (Florida)": the region in brackets
    r"^\s*\(\s*$|"
    # "St. John's, Newfoundland": the name's own 's; "Bangor (BGR) in Maine": after its code
    # "Mildenhall AB, England": past the base's abbreviation
    r"^(?:['’]s|\)|\s+(?:AB|AFB|ANGB|NAS|AAF|RAF|RAAF|CFB))?\s*(?:,\s*|\s+|,\s+)"
    r"(?:(?:in|on|(?:(?:military|civil|civilian|main|old|new|international|private)\s+)?"
    r"(?:airport|airfield|aerodrome|air base)\s+(?:at|in|near))\s+)?"
    r"(?:the\s+)?(?:(?:[a-z]+-)?[a-z]+ern\s+|central\s+)?$"
)
_LOCATOR = re.compile(
    r"\b(?:(?:north|south|east|west)(?:[ -]?(?:east|west))?(?:ern)?\s+of|near|nearby|outside"
    r"(?: of)?|close to|beside|off the coast of|across from|just of"
    # "moored about 200 miles from Ponta Delgada", "not far from Marseille"
    r"|(?:miles|km|kilometres|kilometers|nautical miles|nm|far) from)\s+(?:the\s+)?$"
)
#: a name that is an organisation's own: "the Reina Sofia Foundation", "IAG Cargo", "Alaska
#: Airlines", "the Bangor Daily News"; capitalised, right after the place's name
_ORGANISATION_AFTER = re.compile(
    r"^\s(?:(?=[A-Z])[\w&.'-]+\s){0,2}?(?=[A-Z])(?i:foundation|cargo|airways|airlines|air lines"
    r"|aviation|group|company|corporation|corp|inc|ltd|limited|laboratories|trust|institute"
    r"|university|college|society|association|council|committee|bank|times|post|herald"
    r"|daily|gazette|tribune|journal|fund|federation|club|union|holdings|logistics|chronicle)\b"
)
_BASED = re.compile(r"^[-‐ ]?(?:based|headquartered|registered)\b", re.IGNORECASE)
#: "at 3:12 London time", "0600 Moscow time": a time zone, not a place the flight went
_TIME_ZONE = re.compile(r"^\s+(?:local\s+|standard\s+|summer\s+|daylight\s+)?time\b", re.IGNORECASE)
#: A negator that governs the travel verb itself: "did not land in", "never reached", "no stop
#: in", "without stopping at"; not "with no delay and landed at", "Not long after, it landed".
_NEGATION = re.compile(
    # "very nearly flew to Salzburg", "almost landed at": it did not
    r"\b(?:not|n't|never|no|without|nor|nearly|almost)\b(?:\s+(?:\w+ly|be|been|have|having|even"
    r"|yet|once|a|an|any"
    r"|the|planned|scheduled|further|other|more|single|one|need|needed|to|then|actually))*"
    r"\s+(?:stop\w*|land\w*|refuel\w*|reach\w*|touch\w*|call\w*|arriv\w*|fl[yoe]w?\w*|go|went"
    r"|head\w*|leave|depart|set off|take off)\b"
    # "bad weather had kept the plane from making its scheduled refuelling stopover in",
    # "fog prevented the jet from landing at"
    r"|\b(?:kept|keeps|keeping|prevented|prevents|preventing|stopped|barred|blocked)"
    r"(?:\s+(?:the|its|their|his|her|it|them|him)\b)?(?:\s+[\w-]+){0,2}?\s+from"
    r"\s+(?:making\s+)?(?:(?:its|a|the|their|any)\s+)?(?:(?:scheduled|planned|intended|refuell?ing"
    r"|fuel|technical)\s+)*(?:stop\w*|land\w*|refuel\w*|reach\w*|touch\w*|call\w*|arriv\w*)\b"
)
_VETO = re.compile(
    r"\b(?:did not|didn't|did n't|never|does not|has not|had not)\s+(?:\w+\s+)?(?:stop|land|refuel"
    r"|reach|touch|call|arrive|fly|go)\w*(?:\s+\w+)?\s+(?:in|at|on|to|down in|down at|over in)?\s*"
    r"(?:the\s+)?$"
)
#: "skipped its planned stop in Bermuda": the place right after it was not flown to; not
#: "skipped the stop in Bermuda and landed at Dover", whose later places were.
#: "the jet is turned away from Beirut and from Damascus", "denied permission to land at
#: Kuwait": where the flight was kept from landing ("refused" is :data:`_CANCELLED`'s)
_TURNED_AWAY = re.compile(
    r"\b(?:turned away|denied (?:permission to land|landing(?: rights| permission)?)"
    r"|not allowed to land)"
    # what follows, up to a new clause ("..., and it came down at Larnaca")
    r"\s+(?:from|at|in|by)\b(?:(?!\b(?:then|but|before|it|we|they|she|he|landed|came|touched"
    r"|set|put)\b)[^.;:]){0,60}$"
)
_SKIPPED = re.compile(r"\b(?:skipp|bypass)\w*\b(?:(?!\band\b)[^.;,]){0,40}$")
_ALTERNATIVE = re.compile(r"\b(?:instead of|rather than|in place of)\b")
_HYPOTHETICAL = re.compile(
    # "may" the verb, not the month ("on 3 May", "May 3")
    # "our first planned fuel stop, Princeton": a stop the plan had, told as made
    r"\b(?:will|would|shall|could|might|(?<!\d )may(?!\s+\d)"
    r"|planned(?!\s+(?:fuel\s+|refuel\w*\s+|technical\s+|overnight\s+)?(?:stop|stopover)\b)"
    r"|planning|plans?|due to|(?:due|expected)(?: back)? (?:in|at|into)"
    r"|scheduled(?!\s+(?:stop|stopover|refuel\w*|fuel stop|technical stop|landing))|schedule"
    r"|expected to|intended|intends?|hoped|hopes?|hoping|wanted|wants?|asked|requested|proposed"
    r"|suggested|supposed to|was to|were to|is to|are to|set to|going to|if|unless|whether"
    r"|rumou?red|said the jet would|waiting for|awaiting|believes?|believed|meant to"
    r"|aim(?:s|ed|ing)? to|(?:try|tries|tried|trying) to|attempt(?:s|ed|ing)? to"
    r"|to be (?:flown|sent|shipped|brought|delivered|trucked)"
    # "they lacked the fuel to get back to Bagram": what the flight could not do
    r"|(?:lack(?:ed|ing|s)?|without|not enough|too little|insufficient|short of|no|had no)"
    r"\s+(?:the\s+|enough\s+)?(?:fuel|range|permission|clearance)\s+to"
    # "the ordered route ran via Philadelphia": the route on paper, not the one flown
    r"|(?:ordered|filed|intended|briefed) route)\b"
)
#: Something that did not happen. "Dropped" and "refused" only where a flight or stop was:
#: "the leg was dropped", "refused permission to land"; not "dropped supplies at Kandahar",
#: "officials refused to comment".
_CANCELLED = re.compile(
    r"\b(?:cancell?ed|canceled|scrapped|scrubbed|called off|abandoned|aborted"
    r"|(?:was|were|been|be|is|are) (?:\w+ly )?dropped|dropped from"
    r"|dropped (?:its|the|their|a|his|her) (?:\w+ )?(?:routes?|flights?|service|stop|leg|visit)"
    r"|did not happen|never happened|suspended|postponed"
    r"|(?:was|were|been) refused|refused (?:(?:us|them|it|him|her) )?(?:permission|landing"
    r"|clearance|overflight|to let))\b"
)
_OTHER_FLIGHTS = re.compile(
    r"\b(?:for comparison|in past years|past years|in previous years|for decades|for years"
    r"|no longer|formerly"
    r"|in the (?:past|last) (?:\w+ )?(?:weeks|months|years)"
    r"|(?:twice|once|three times) a (?:day|week|month|year)|every (?:day|week|month)"
    r"|each (?:week|month|time)|every time|regularly|routinely|usually|often|earlier deployments"
    r"|spends? (?:\w+ ){0,2}(?:winters?|summers?|seasons?|weekends?)"
    r"|other (?:units|aircraft|planes|jets|flights|crews)"
    r"|(?:earlier|previous|past|prior|former|other|older) (?:\w+ ){0,2}(?:missions|flights|trips"
    r"|sorties|services|charters|deployments|tours|voyages|crossings)"
    r"|(?:had|have) (?:followed|flown|taken|used) (?:a|the) (?:similar|same) route"
    r"|(?:a|another|one|two|three|several|many|most) (?:\w+ )?similar (?:\w+ )?"
    r"(?:flights?|charters?|trips?|missions?)"
    r"|another of (?:the|its|their)\b"
    # "two airline trips: first Los Angeles to Chicago": the crew's own travel, not the aircraft's
    r"|airline (?:trips?|flights?|tickets?|travel|connections?)|(?:on|by) (?:an? )?(?:airliners?"
    r"|airlines?)|commercial (?:flights?|airline)|(?:flew|flying|fly) commercial(?:ly)?"
    r"|as a (?:paying |airline )?passenger"
    # "The same aircraft passed through last month": another visit of the same aircraft
    r"|same (?:aircraft|plane|jet|airliner|helicopter) (?:\w+ ){0,4}?(?:last|the previous)"
    r" (?:month|year|week|spring|summer|autumn|fall|winter)"
    # "the same aircraft had flown a removal flight to Dakar": a flight of its own
    r"|(?:had|has|have) (?:also |already )?(?:flown|operated|made|run) (?:a|an|another) "
    r"(?:\w+ ){0,2}(?:flight|charter|mission|trip|run)s?)\b"
)
# travel that is not flying: "by road", "on foot" (one list for both patterns below)
_BY_SURFACE = (
    r"by (?:boat|sea|road|bus|car|train|truck|ferry|land|ambulance|taxi|coach|rail)|on foot"
    r"|in an? (?:ambulance|taxi|courtesy car|rental car|hire car)"
    r"|(?:an|the) (?:ambulance|taxi|courtesy car|rental car|hire car) (?:on (?:the|its) way )?to"
)
_SURFACE = re.compile(
    r"\b(?:driven|drove|drive|trucked|bused|bussed|walked|walk|"
    + _BY_SURFACE
    + r"|sailed|shipped|on the road|overland"
    r"|(?:took|take|takes|taking|boarded|caught|catching) (?:a|an|the) (?:\w+ )?(?:train|bus|coach"
    r"|ferry|boat|taxi|cab|car|motorcade))\b"
)
_NEW_FLIGHT = re.compile(
    r"^\W*(?:(?:the|a)\s+(?:second|third|fourth|other|next|later)|(?:(?:the|a)\s+)?(?:2nd|3rd|\d+th)"
    r"|(?:a|an)\s+(?:first|earlier"
    r"|previous|separate))\b(?!\s+(?:leg|stop|hop|day))"
    # "An earlier message reported that ...": an earlier word of the same flight
    r"(?!\s+(?:message|report|cable|dispatch|despatch|telegram|story|article|statement|version"
    r"|account|update|edition|item|bulletin|wire)s?\b)",
    re.IGNORECASE,
)
# "stopped to refuel in Iceland on the way": a stop between the ends already told
_ON_THE_WAY_AFTER = re.compile(
    r"^[^.;]{0,25}?\b(?:along the way|on the way|en route)\b(?!\s+(?:to|from)\b)"
)
# "on the way to refuel": on the way, not to a place
_EN_ROUTE = re.compile(
    r"\b(?:on the way|along the way|en route|on its way)\b"
    r"(?!\s+(?:to|from)\b(?!\s+(?:refuel|take on|pick|collect|drop|stop|land)\w*))"
    # a schedule's "departs Cedar Rapids en route Phoenix": where it is bound
    r"(?!\s*[A-Z])"
)
# "We took off from Abuja ... and refuelled in N'Djamena": a crew's own account is the route
_FIRST_PERSON_FLIGHT = re.compile(
    # "our crew flew into the heart of it", "a 13-member crew flew in relief supplies from Delhi":
    # a statement that tells the flight as done
    r"\b(?:[Ww]e|I|(?:[Oo]ur|[Tt]he|[Aa])\s+(?:[\w-]+\s+){0,2}?(?:crew|aircraft|plane|jet|pilots?))"
    r"\s+(?:\w+\s+){0,2}?(?:took off|flew|landed|refuell?ed|departed|left|stopped"
    r"|touched down|had to stop)\b"
)
# "In 2019 one flight stopped in San Salvador": a sentence set in an earlier year
_IN_YEAR = re.compile(r"^\W*In ((?:19|20)\d\d)\b")
# "gave up his French citizenship in 1929 and came back to India": a life's earlier year,
# in a sentence that tells of no flight
_IN_YEAR_WITHIN = re.compile(r"\b(?:in|by|until) ((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)")
_TOUCHDOWN = re.compile(
    r"\b(?:landed|landing|touched down|came down|coming down|ditched|set down|alighted)\b"
)
_OTHER_AIRCRAFT = re.compile(
    r"\b(?:an?|another)\s+(?:[\w-]+\s+){0,2}(?:jet|plane|aircraft|helicopter|airliner)\s+"
    r"(?:bound for|headed for|heading for|headed to|heading to)\s*$"
)
#: "the advance team that went ahead to Daura": where others went before the flight
_WENT_AHEAD = re.compile(
    r"\b(?:advance|reconnaissance|security|support|forward)\s+(?:team|party|group|detail|element)s?"
    r"\b[^.;]{0,60}$"
    r"|\b(?:went|gone|sent|flew|travelled|traveled) (?:on )?ahead (?:to|of (?:him|her|them) to)\s*$"
)
#: "officials who had flown out from Croydon to see it in", "who had come over by air from
#: Calshot": where people came from on a journey of their own, before this flight
_CAME_OWN_WAY = re.compile(
    r"\bwho\s+(?:had|have|has)\s+(?:\w+ly\s+)?(?:flown|come|travell?ed)"
    r"(?:\s+(?:out|in|over|up|down|across))?(?:\s+by\s+air)?\s+(?:in\s+)?from\s*$"
)
# not "return flight": a deportation is a "return flight" that does not come back
_FLIGHT_BACK = re.compile(r"\b(?:flight|trip|journey|leg|hop) back\b")
_DIVERTED = re.compile(
    r"\b(?:diverted|diverting|diverts|divert|re-?routed|re-?routing|forced down)"
    r"\s+(?:to|into|at|in)?\s*$"
)
_EARLIER = re.compile(
    r"\b(?:earlier|before that|before then|prior to that|previously|the (?:day|night|evening|"
    r"morning) before)\b(?!\s+\w+ing\b)"
    r"|\bhad\s+(?:\w+\s+)?(?:flown|stopped|left|departed|taken off|landed"
    r"|set out|begun|started"
    r"|refuell?ed|touched down|arrived|been flown|evacuated|airlifted|medevaced|transferred"
    # not a duration: "that first stage had taken 15 hours"
    r"|taken(?!\s+(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|some|about|nearly"
    r"|almost|over|more than|less than)\b)|carried|brought)\b",
    re.IGNORECASE,
)
# "Zurich's Runway 28 was still wet when ... an A320 lifted off": the airport it left
_RUNWAY_AFTER = re.compile(
    r"['’]s\s+(?:[Rr]unway|apron|ramp|[Gg]ate|terminal|tarmac)\b[^.;]{0,160}?\b(?:lifted off"
    r"|took off|taking off|departed|pushed back)\b(?!\s+from\b)"
)
_DEMONYM_PLACE = re.compile(r"\s+(?:airfield|airport|air base|airstrip|military base)\b")
_NAMED_AIRPORT_AFTER = re.compile(
    r"^['’]s\s+((?:[A-Z][\w'’–-]*\s+){1,3}(?:[Aa]irport|[Aa]irfield|[Aa]ir [Bb]ase))\b"
)
_NAMED_AIRPORT_BEFORE = re.compile(
    r"((?:[A-Z][\w'’.–-]*\s+){1,4}(?:[Aa]irport|[Aa]irfield|[Aa]ir [Bb]ase))\s+(?:at|in|of),?\s+$"
)
_AIRPORTS_AFTER = re.compile(
    r"^(?:['’]s(?:\s+(?:main|international|local))?)?\s+(?:airports?|airfields?|air bases?)\b",
    re.IGNORECASE,
)
_SURFACE_AFTER = re.compile(r"^\W{0,3}(?:" + _BY_SURFACE + ")")
_CANCEL_AFTER = re.compile(
    r"^[^.;:]{0,60}?\b(?:was|were|had been|has been)\s+(?:cancell?ed|canceled|scrapped|scrubbed"
    r"|called off|dropped|abandoned|skipped|bypassed)\b"
)
# "a French transport from New Caledonia was expected on Thursday"
_EXPECTED_AFTER = re.compile(
    # a comma only around an apposition ("Amritsar, India, is due") or before "and", not
    # before a new subject
    # ("Following a long flight from Washington, Obama is due to speak")
    r"^(?:[^.;:,]|,(?=[^,.;:]{0,25},)|,\s*and\b){0,40}?\b(?:was|were|is|are)\s+"
    r"(?:expected|due|scheduled|planned|set)\b"
)
_HABIT_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:(?:twice|once|three times) a (?:day|week|month|year)|every (?:day|week|"
    r"month)|next (?:week|month|year)|later this (?:week|month|year))\b"
)
#: A country or region used as an adjective: "another US air base", "Italian-US", "UK troops".
#: A title before a name makes it a person ("President Obama", "Gov. George W. Bush",
#: "Sheikh Hamad"); a place whose name starts with a title ("King Salmon", "Prince George")
#: is matched whole and never has the title before it.
_PERSON_TITLE = re.compile(
    r"(?:\b(?:President|Vice[- ]President|Senator|Sen\.|Rep\.|Representative|Congress(?:wo)?man"
    r"|Governor|Gov\.|Mayor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prime Minister|Minister|Secretary"
    r"|King|Queen|Prince|Princess|Pope|Sheikh|Sheik|Emir|General|Gen\.|Colonel|Col\.|Captain"
    r"|Capt\.|Lt\.|Lieutenant|Major|Maj\.|Sgt\.|Sergeant|Admiral|Adm\.|Ambassador"
    r"|Chancellor|Premier|Judge|Justice|Bishop|Rev\.|Reverend|Father|Sister|Brother|Lady|Lord"
    r"|Sir|Dame|Lt|Col|Flt|Sqn|Cdr|Wg|Capt|Gen|Sgt|Commodore|Commander|Marshal|Professor"
    r"|Prof\.|Aviator|Aviatrix|Pilot|Officer|Squadron Leader|Wing Commander)"
    # "ahead of the late Wiley Post's record": a person who has died
    r"|\bthe late)"
    # "Lt Col H.A. (Pierre) van Ryneveld": initials, a given name in brackets, a particle
    r"\s+(?:[A-Z][a-z]+\.?\s+|[A-Z]\.\s*|\([A-Z][a-z]+\)\s+){0,4}"
    r"(?:(?:van|von|de|der|den|du|da|di|del|ter|bin|ibn)\s+)?$"
)
_ATTRIBUTIVE = re.compile(
    r"^\.?(?:-[A-Z][\w]*)?\s+(?:air\s*(?:base|force|station|forces|field)|airfield|bases?"
    r"|military|army|navy|marines?"
    r"|troops|forces|officials?|government|authorities|embassy|consulate|citizens|nationals"
    r"|soldiers|servicemen|personnel|agents?|police|president|prime minister|senators?"
    r"|lawmakers|intelligence|special forces|state department|defen[cs]e|sovereignty"
    r"|aircraft|planes?|jets?|carrier|airline|company|firm|operator|courts?|judges?|law"
    r"|side|border|deportees|passport)\b"
)
#: A travel word of any family: the verb of a clause that takes the flight somewhere.
_TRAVEL_VERB = (
    r"(?:took off|take off|taking off|lifted off|came|comes|coming|flew|flown|flying|fly|flies"
    r"|put down|putting down|set down|took on fuel|taking on fuel|took fuel"
    r"|landed|landing|lands|land|touched down|touching down|arriv\w+|stopp\w+|stops?|refuel\w*"
    r"|fuel(?:l)?ed|overnight\w*|night-stopp\w+|stag(?:ed|ing)|transit\w*|cleared customs"
    r"|divert\w+|continu\w+|proceed\w+|head(?:ed|ing|s)?|steer(?:ed|ing|s)?|bound"
    r"|pick(?:ed|ing|s)? (?:\w+ )?up|(?<!been )(?<!were )(?<!was )collect(?:ed|ing|s)?"
    r"|dropp?\w*"
    r"|deliver\w*|ferr(?:y|ied|ying)|hopp\w+|routed|made (?:a|an|its|one|two) [\w -]{0,20}stops?"
    r"|went on|pushed on|pressed on|moved on|went|reached|set (?:off|out)|depart(?:ed|s|ing)?"
    r"|left|leaves|leaving|leave)"
)
#: Where a travel word leads: the place after it is a stop ("took off for Poland", "came
#: into Shannon", "was refuelled at Keflavik", "picking up troops at Robert Gray").
_FAMILY_STOP = re.compile(
    r"\b"
    + _TRAVEL_VERB
    # up to five words between, none an article unless of the flight ("the final hop")
    + r"\b(?:\W+(?!(?:a|an|the|his|her|their|its)\b"
    r"(?!\s+(?:final |last |first |next )?(?:hop|leg|flight|stop|trip)\b))[\w'-]+){0,5}?"
    # a word boundary before each: "Dallas for" is not "as for"
    r"\W+(?<!\baccording )(?<!\bdue )(?<!\bnext )(?<!\bclose )(?<!\bthanks )"
    r"(?<!\bprior )(?<!\bcompared )(?<!\bsimilar )(?<!\bhome )(?<!\baddition )(?<!\bas )"
    r"(?:to|for|at|in|into|via|through|onto|on to)\s*$"
)
_FAMILY_PREP = re.compile(r"\b(?:to|for|at|in|into|via|through|onto)\s*$")
#: A name the gazetteer does not know before the region named: "to Cameron County, Texas".
_UNKNOWN_BEFORE = re.compile(
    r"(?P<cue>\b(?:to|in|at|into|via))\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,\s*(?:in\s+)?$"
)
_REFUEL = re.compile(r"\b(?:refuel\w*|fuel(?:l?ed|ing)?|tech(?:nical)? stop)\b")
_BOUND_FOR = re.compile(
    r"\b(?:(?:head(?:ed|ing|s)?|bound|destined|took off|set off|left)\s+for"
    # "for the flight to Hawaii, on the way to China": where the whole journey ends
    r"|on (?:the|its|their|his|her|our|my) way to|en route to|bound to"
    # "then carry on to the final destination, Kaposvar": where the journey ends
    r"|(?:final|ultimate|eventual) destination(?:,| is| was| will be| of)?)\s*$"
)
#: "came into Shannon after picking up troops at Robert Gray": told after, flown before
_AFTER_DOING = re.compile(
    r"\bafter (?:\w+ing|having|(?:a|an|its|the|one) (?:[\w-]+ ){0,2}?(?:stop|stopover|layover"
    r"|fuel stop|refuell?ing stop|technical stop|night|overnight)\b)"
)
#: A clause that announces the stops, then lists them after a colon: "it came down five
#: times on the way: Rome, Beirut ...", "nine stops: Hawaii, Fiji, Samoa".
_STOPS_LIST = re.compile(
    r"\b(?:stops?|stopovers?|stopped|landed|landings|came down|touched down|refuel\w*|fuel stops?"
    r"|calls?|called at|legs|hops|stages|laps|route|routing|itinerary|via|as follows"
    # "The way out went like this:", "The way home went:"
    r"|(?:the|our) way (?:out|home|back|there|north|south|east|west))\b"
    r"[^:;.]{0,60}:\s*$"
)
_CLAUSE_BREAK = re.compile(
    r"[;:]|\bbut\b|—|–|,\s+(?:so|and so|because|while|whereas|and that|and then)\b|\bbecause\b"
    # "bused to San Diego, where they boarded a flight to Seattle": the flight is a new clause
    r"|,\s+where\b(?=[^.;]{0,40}\b(?:boarded|caught|took|put on)\b)"
)

# --------------------------------------------------------------------------- set asides and shapes

_PLACE_AT = re.compile(r"\b(?:in|at)$")
#: "officials in Washington", "the ministry in Beijing", "lawyers in London": where people who
#: speak of the flight sit
_SEAT_OF = re.compile(
    r"\b(?:officials?|authorities|government|ministry|ministries|embassy|consulate|spokes(?:man"
    r"|woman|person)|lawyers?|attorneys?|agency|department|police|prosecutors?|courts?|judges?"
    r"|campaigners|activists|advocates|analysts?|diplomats?|headquarters|reporters?"
    r"|journalists?|correspondents?|researchers?)\s+(?:\w+\s+)?(?:in|at)\s*$"
)
#: "... at Guatemala City airport as the plane landed": the flight came there after all
_ARRIVED_AS_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:as|when|while|after|before)\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?"
    rf"{_AIRCRAFT_NOUN}\s+(?:landed|arrived|touched down|taxied"
    r"|took off|departed|left)\b"
)
#: "the first woman to fly solo from England to Australia": the record, not a leg of it
_RECORD = re.compile(
    r"\b(?:first|fastest|only|youngest|oldest|longest|quickest)\s+(?:[\w-]+\s+){0,3}?to\s+"
    r"(?:fly|have flown|cross|make|complete|link|connect)\b[^.;]*$"
)
#: "the lawyer, reached in Miami", "interviewed at his office in Lagos": where someone was
#: spoken to ("reached" takes its place without "in" when a flight reaches it)
_REACHED_AT = re.compile(
    r"\b(?:reached|contacted|interviewed|reachable)\s+(?:by (?:tele)?phone\s+|by e-?mail\s+)?"
    r"(?:(?:at|in)\s+(?:(?:his|her|their|the)\s+)?(?:home|office|offices)\s+)?(?:in|at)\s*$"
)
#: "Alameda on San Francisco Bay", "the Potomac River": the water, not the town of its name
_WATER_AFTER = re.compile(
    r"\s+(?:Bay|Harbou?r|Sound|River|Strait|Straits|Lagoon|Estuary|Inlet|Channel|Gulf|Firth"
    r"|Sea|Roads|Narrows)\b(?!\s+(?:Airport|Air|Field|International|Naval|Regional|Municipal))"
)
#: "the Sydney basin", "the Snowy Mountains": a landform or area named for the place, which a
#: flight crosses or flies around but does not land at
_LANDFORM_AFTER = re.compile(
    r"\s+(?:[Bb]asin|Mountains|Ranges?|Plateau|Desert|Hills|Highlands|Plains|Outback)\b"
    r"(?!\s+(?:Airport|Air|Field|International|Regional|Municipal|Airstrip|Aerodrome))"
)
#: "made Louth, with a rest stop at Wellington and a fuel stop at Cobar": stops told after
#: the destination they came before
_WITH_STOP = re.compile(
    r"(?:,\s*with|\band)\s+(?:a|an|one|another)\b(?:\s+[\w-]+){0,3}?\s+"
    r"(?:stop|stopover|refuell?ing|layover|landing)s?\s+(?:at|in)\s*$"
)
#: a flying boat alights on the water of a place, which is then its stop
_ON_WATER = re.compile(
    r"\b(?:alighted|alighting|landed|landing|touched down|came down|set down|splashed down"
    r"|moored|anchored)(?:\s+\w+)?\s+(?:on|in|at|into)\s*$"
)
#: "Beijing claims sovereignty", "Washington said": a government named by its seat, the
#: subject of what it says or does
_SPEAKS_AFTER = re.compile(
    # "Beijing and Washington have quietly resumed", "Beijing was \"willing"
    r"(?:\s+and\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?"
    r"\s+(?:(?:has|had|have|was|is|were|are|also|then|again|not|did not|does not|\w+ly)\s+)*"
    r"[\"“]?(?:said|says|claims?|claimed|countered|counters|complained|complains|opposes|opposed|halted"
    r"|halts|agreed|agrees|accepted|accepts|refused|refuses|denied|denies|insisted|insists|warned"
    r"|warns|announced|announces|condemned|condemns|protested|protests|demanded|demands"
    r"|responded|responds|urged|urges|willing|wants|wanted|sought|seeks|told|tells|confirmed"
    r"|confirms|declined|declines|rejected|rejects|vowed|vows|blamed|blames|accused|accuses"
    r"|critici[sz]ed|critici[sz]es|welcomed|welcomes|cracks down|cracked down|resumed|resumes"
    r"|suspended|suspends|stopped the|stops the|retaliated|imposed|imposes)\b"
)
#: "a native of Ohio", "born in Lagos", "who lives in Tucson": someone's home
_HOME_OF = re.compile(
    r"\b(?:native of|natives of|born in|born at|grew up in|raised in|lives in|lived in|living in"
    r"|resident of|residents of|hometown of|home town of|(?:his|her|their) home (?:town )?in"
    # "works for a contractor in Ewa Beach", "is a state firefighter at Honolulu Airport",
    # "finished at Mililani High": where someone works or went to school
    r"|(?:works?|worked|working|employed|teaches|taught|studied|studies)(?: \w+){0,5}? (?:in|at)"
    r"|(?:is|was) an? (?:[\w-]+ ){0,2}(?:firefighter|officer|sergeant|engineer|nurse|teacher"
    r"|mechanic|controller|manager|student|professor|doctor|lawyer|police \w+) (?:in|at))\s*$"
)
#: "flew over Iran", "after crossing Greenland": a place flown over, not landed at
_OVERFLIGHT = re.compile(
    r"\b(?:over|overflew|overflying|overflown|overflies|crossing|crossed|crosses|across|above)"
    r"\s*$"
)
_UNKNOWN_NEAR = re.compile(
    r"(?P<cue>\b(?:from|to|in|at|into|via|of))\s+(?:(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
    # "flew from New Jersey to an airport near Washington": an airfield left unnamed
    r"|(?:an?|the|one)\s+(?:[a-z-]+\s+){0,2}?(?:airport|airfield|air base|base|field|airstrip"
    r"|strip|aerodrome))\s+(?:near|outside(?: of)?|close to)\s+(?:the\s+)?$"
)
_NEXT_STOP_AFTER = re.compile(
    r"\b(?:next|following|final|last|second|third) (?:stop|destination|leg|port of call) after"
    r" [^,.;]{1,40}? (?:is|was|will be|would be)(?: (?:in|at))?\s*$"
)
_FLEW_AFTER = re.compile(
    # a diary's present tense too: "I drive to Sleap, and fly to Wellesbourne"
    r"\b(?:flew|flown|flying|fly|flies|took off|landed|lands?|departed|lifted off|touched down"
    r"|airborne"
    rf"|boarded (?:a|an|the) (?:\w+ )?{_AIRCRAFT_NOUN})\b"
)

# --------------------------------------------------------------------------- order

#: "Before landing in Tokyo, the plane refuelled in Anchorage": the stop told first comes later
_BEFORE_LEAD = re.compile(
    r"(?:just |shortly |hours |days |a day |an hour )?(?:before|prior to|ahead of)\b"
    r"(?! (?:leaving|departing|taking off|heading|setting off|flying (?:on|out|back|home)))"
)
#: "outbound to Kuwait when it stopped in Shannon": the destination, and the stop on the way
_HEADED = re.compile(rf"\b(?:{_DESTINATION}|head(?:ed|ing) (?:to|for)|flying to|on a flight to)$")
_WHEN_STOPPED = re.compile(
    r"\b(?:when|while|as|before)\s+(?:it|the \w+|she|he|they|we)\s+(?:\w+\s+)?(?:stopped|landed"
    r"|refuell?ed|touched down|diverted|put down|made a stop)(?:\s+\w+)?\s+(?:in|at|to)$"
)
#: "and after refuelling it continued on to Kuwait City": stops gone on to from the last told
_ONWARD = re.compile(
    r"\b(?:continu\w+|went on|pressed on|pushed on|moved on|onward\w*|then|(?:flew|flown|flying"
    r"|flies|carried|carries|headed) on)\b|(?:^|[,;]|\band)\s*after$"
)
#: "a round trip from Teterboro to Palm Beach", "flew from Lagos to Accra and back"
_ROUND_TRIP = re.compile(r"\bround[- ]trips?\b|\bthere and back\b|\band back(?! to)\b")

#: "then flew the party to Nice", "ferried the new owner's jet to": flown, with what it carried
_FLEW_THEM_TO = re.compile(
    r"\b(?:flew|flown|fly|flies|flying|ferried|ferrying|airlifted|airlifting)\s+(?:the|a|an|his"
    r"|her|their|its|our|some|all|two|three|four|five|six)\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:to|into)$"
    # "carried 37 deportees in all to Lagos": so many people, carried there
    rf"|\b(?:flew|flown|carried|carrying|took|taking|brought|bringing|{_MOVED})"
    r"\s+(?:some\s+|about\s+|around\s+|nearly\s+|more than\s+|at least\s+)?[\d,]+\s+"
    r"(?:\w+\s+)?(?:people|passengers|migrants|deportees|detainees|nationals|men|women|children"
    r"|families|prisoners|troops|soldiers|evacuees|refugees|returnees)"
    r"(?:\s+in all|\s+in total|\s+on board|\s+aboard)?\s+(?:to|into)$"
)

#: Words that make a sentence a plan, whose later clauses go on with it.
_PLAN_LEAD = re.compile(
    r"\b(?:the plan (?:is|was)|we plan|plans? to|planned to|planning to|(?:is|are|was|were) to"
    r"|will|intends? to|intended to|scheduled to|expected to|going to)\b"
)

#: A verb of flight done, which ends a plan: "but in the end we landed at".
_FLOWN_VERB = re.compile(
    r"\b(?:flew|landed|arrived|left|departed|reached|touched down|took off|stopped|refuell?ed"
    r"|went|came|headed|continued|returned|diverted|held up|snowed in|weathered in|stranded"
    r"|grounded|stuck)\b"
)

_FIELD_OF_PREV = re.compile(
    r",?\s*(?:at|in|to)\s+(?:the\s+)?(?:(?:small|little|local|military|old|new|grass)\s+)?"
    r"(?:airfield|airport|aerodrome|airstrip|strip|field|air base|base)\s+(?:of|at|in)\s+",
    re.IGNORECASE,
)

_TO_JOIN = re.compile(r"[\s,]+(?:and\s+)?(?:then\s+)?(?:on\s+)?to\s+(?:the\s+)?")

# --------------------------------------------------------------------------- other trips

#: "Two weeks ago", "last month", "earlier this year": a time before the report's flight
_AGO = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|several|few)\s+(?:weeks|months|years)\s+ago\b"
    r"|\b(?:last|the previous|the year before) (?:week|month|year|spring|summer|autumn|winter"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\bearlier (?:this|that|in the) (?:month|year)\b",
    re.IGNORECASE,
)

#: "headed instead for Paris", "went instead to Salzburg" / "landed at Brindisi instead"
_INSTEAD_BEFORE = re.compile(r"\binstead\b[^.;,]{0,20}$")
_INSTEAD_AFTER = re.compile(r"[^.;,\w]{0,3}instead\b")

#: A cue that tells where a flight was heading rather than where it landed.
_HEADING_TO = re.compile(r"\b(?:to|for|towards?)$")


#: going back said without a flight verb: "have come back to", "since going back to"
_WALKED_BACK = re.compile(
    r"\b(?:come|comes|came|coming|go|goes|going|went|gone|get|gets|got|getting|moved|moving)"
    r" back(?: home)? to\s*$"
)

#: a sentence that tells of a flight, its aircraft or its crew
_FLOWN_HERE = re.compile(rf"\b(?:{_FLIGHT_WORD}|{_AIRCRAFT_NOUN}|crew|pilots?|we|i|our)\b")

#: an airport's name of generic words only: "International Airport" after "La Aurora" is the
#: rest of that name, not an airport of the next place's
_GENERIC_NAME = re.compile(
    r"(?:(?:International|Regional|Municipal|National|Domestic|Civil|Military|Air|Army|Naval"
    r"|Force)\s+)+(?:[Aa]irport|[Aa]irfield|[Aa]ir [Bb]ase)",
)

#: a stop planned on the way to where the flight was going: "due to stop first in Miami before
#: landing in the northern Haitian city"
_ON_THE_WAY_PLAN = re.compile(
    r"\b(?:stop|stopping|refuel\w*|land|landing|call)\s+first\s+(?:in|at)$"
)

_BEFORE_ARRIVING = re.compile(
    r"[^.;]{0,30}?\bbefore\s+(?:landing|arriving|flying on|continuing|going on|heading)\b"
)

#: a sentence that takes the flight on from where the one before left it
_GOES_ON_FROM = re.compile(r"\W*(?:After that|Afterwards|From there|Thereafter|Next|Then)\b")

#: A newspaper column's next story: a heading in capitals, then a dateline with its date
#: ("LINDBERGH AT HAVANA" / "HAVANA, February 8.").
_NEXT_STORY = re.compile(
    r"^[ \t]*[A-Z][A-Z'’.,-]*(?:[ \t]+[A-Z'’.,-]+)+[ \t]*\n(?:[ \t]*\n)*"
    r"[ \t]*[A-Z][A-Z'’. -]{2,30},[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}\b",
    re.MULTILINE,
)

#: A sentence that turns to another story: "In other news, a PIA flight landed at Islamabad".
_OTHER_NEWS = re.compile(
    r"\W*(?:In other news|Elsewhere in the news|In a separate development|In an unrelated)\b"
)
