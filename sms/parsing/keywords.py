"""One-word answers and keywords: STOP, START, HELP, JOIN, YES, NO, DROP 4821.

Each reads the canonical words of a text (sms.parsing.reading), so "tak", "sí" and 👍 are "yes".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from functools import cache

from sms.parsing.busy import away_for_days
from sms.parsing.days import (
    ONLY_THESE_TIMES,
    SMALL_HOURS_END,
    WEEKDAYS,
    date_range,
    find_days,
    first_of_range,
    is_day_word,
    last_of_range,
)
from sms.parsing.lexicon import fold, languages
from sms.parsing.money import find_rate
from sms.parsing.places import place_in
from sms.parsing.profile import profile_update
from sms.parsing.result import Parsed
from sms.parsing.text import Context, Text, find_ref, words_of
from sms.parsing.times import CLOCK, clock_from, find_ranges
from sms.parsing.vocab import find_skills

# Carrier opt-out words (Twilio's list): honoured only as the whole text.
STOP_WORDS = frozenset(
    ("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout")
)
START_WORDS = frozenset(("start", "unstop", "resume"))
# Opt-out words plain enough to mean it beside a greeting or a please ("hi, STOP").
_PLAIN_STOP = frozenset(("stop", "stopall", "unsubscribe", "optout"))
_COURTESY = frozenset(("pls", "plz", "please", "thanks", "thx", "ta", "x", "xx", "now", "asap"))
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")

# Opting out in other words, as the whole of a text: "stop texting me", "unsubscribe me pls".
_STOP_PHRASE = re.compile(
    r"^(?:please\s+|pls\s+)?(?:stop|stopall|unsubscribe|optout|opt\s+out)(?:\s+(?:me|now|all|it"
    r"|everything|(?:sending|texting|messaging|sms(?:ing)?)(?:\s+me)?(?:\s+(?:any\s+more|anymore"
    r"|texts?|messages?|msgs?|sms|offers?|jobs?|shifts?))*|(?:all\s+)?(?:the\s+|your\s+)?(?:texts?"
    # "stop the offers" is all of them; "stop the offer" is the one just sent, asked about
    r"|messages?|msgs?|sms|offers)(?:\s+(?:to\s+me|please|now))*))*$"
    r"|^(?:please\s+|pls\s+)?(?:no\s+more\s+(?:texts?|messages?|msgs?|sms)"
    # "please dont send me any more messages", "do not text me again"
    r"|(?:dont|do\s+not)\s+(?:text|message|send)\s+me(?:\s+(?:again|any\s*more|more))?"
    r"(?:\s+(?:texts?|messages?|msgs?|sms|offers))?(?:\s+(?:again|any\s*more))?"
    r"|(?:remove|take)\s+me\s+(?:off|from)\s+(?:the\s+|this\s+|your\s+)?(?:list|system|texts?)"
    r"|unsubscribe\s+me|i\s+want\s+to\s+(?:unsubscribe|stop\s+(?:the\s+)?(?:texts?|messages?))"
    r"|i\s+(?:dont|do\s+not|no\s+longer)\s+want\s+(?:to\s+(?:get|receive)\s+)?(?:any\s+more\s+|more\s+|any\s+"
    r"|your\s+|these\s+|the\s+)?(?:texts?|messages?"
    r"|msgs?|sms)(?:\s+(?:anymore|any\s+more|from\s+you))?)"
    r"(?:\s+(?:please|now|thanks))*$"
)
_START_PHRASE = re.compile(
    r"^(?=.*(?<![a-z])again$|.*(?<![a-z])again\s)(?:i\s+want\s+(?:to\s+)?)?(?:get\s+|receive\s+)?"
    r"(?:again\s+)?(?:get\s+|receive\s+)?(?:the\s+)?(?:texts?|messages?|offers?|jobs?)(?:\s+again)?$"
    r"|^(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:start|resume|unstop|opt\s+in|subscribe)"
    r"(?:\s+(?:again|me|texts?|messages?|offers?|jobs?|sending(?:\s+me)?(?:\s+(?:texts?|messages?"
    r"|offers?|jobs?|work))?|please|pls))*$"
    r"|^(?:i\s+want|send\s+me|can\s+i\s+have|i\s+would\s+like)\s+(?:again\s+(?:the\s+)?"
    r"(?:texts?|messages?|offers?|jobs?)|(?:the\s+)?(?:texts?|messages?|offers?|jobs?)\s+(?:again|back))"
    r"(?:\s+please)?$"
    # Back after STOP: "yes i want to come back", "can i rejoin", "opt me back in".
    r"|^(?:(?:yes|yeah|ok|please)\W+)?(?:i\s+(?:want|would\s+like|d\s+like)\s+to\s+|can\s+i\s+)"
    r"(?:come\s+back|rejoin|re\s+join|join\s+again|start\s+again)(?:\s+please)?\W*$"
    r"|^(?:opt|sign|put)\s+me\s+back\s+(?:in|on|up)(?:\s+please)?\W*$"
)

_HELP_PHRASES = frozenset(
    (
        "help", "help me", "help please", "help pls", "helpp", "hlp", "info", "information",
        "commands", "command", "menu", "options", "instructions", "how does this work",
        "how does it work", "what can i text", "what can i send", "what can i do",
        "what do i text", "what do i send", "what can i say", "hi", "hello", "hey", "hiya",
        "hallo", "hola", "helo", "hi there", "hello there", "hey there", "what are the commands",
        "what are the options", "what do i do", "how do i use this", "how do i use it",
        "good morning", "good afternoon", "good evening", "morning", "evening",
        "what is this", "whats this", "what is poems", "what is this about", "whats this about",
        "what is this for", "whats this for", "what is poems about", "how does poems work",
    )
)  # fmt: skip
_HELP_FIRST = frozenset(("help", "info", "hlp", "helpp"))
_HERE = re.compile(r"\s+(?:here|round\s+here|to\s+you|on\s+this|(?:to\s+)?this\s+number)$")

_REGISTER = re.compile(
    r"^(?:(?:i\s+)?(?:want|would\s+like|d\s+like)\s+to\s+|(?:i\s+)?wanna\s+(?:to\s+)?|can\s+i\s+"
    r"|how\s+(?:do|can)\s+i\s+"
    r"|please\s+|pls\s+|let\s+me\s+)?(?:join|register|sign\s*up|sign\s+me\s+up|enrol|enroll"
    r"|subscribe|new\s+worker)(?![a-z])(?!\s+(?:office|of|for\s+(?:the|a)\s+(?!work)))"
)
_NEW_HERE = re.compile(
    r"(?<![a-z])(?:(?:im|i\s+am)\s+new(?:\s+here)?|new\s+here|how\s+do\s+i\s+(?:start|get\s+work)"
    r"|(?:told|said)\s+(?:me\s+)?to\s+(?:text|message|contact)\s+(?:this|you)"
    r"|(?:looking\s+for|want|need|get)\s+(?:some\s+)?work\s+(?:with|through|from)\s+(?:you|poems)"
    r"|(?:want|wanna)\s+to\s+work\s+(?:with|for|through)\s+(?:you|poems)"
    r"|(?:want|wanna|would\s+like|like)\s+to\s+(?:join|register|sign\s*up|enrol|enroll)"
    r"|how\s+(?:do|can)\s+i\s+(?:join|register|sign\s*up|get\s+on\s+(?:your|ur|the)\s+books)"
    r"|to\s+(?:sign\s*up|register)\W*$|wanna\s+(?:sign\s*up|join|register)"
    r"|register\s+(?:\w+\s+)?(?:work|jobs?))(?![a-z])"
)

# Longer phrases first: the first alternative that fits is the one kept.
# A time of day as a yes names it: "9", "9am", "7:30", "5.30pm".
_CLOCK_SAID = r"[0-9]{1,2}(?:[:.][0-9]{2})?(?:\s*[ap]m)?"
# "yes i can do the whole shift", "ill stay till the end": the whole of it, after a yes with a
# condition was asked back ("Can you do the whole shift?"). Said alone ("the whole shift") it is
# a yes only first: after "cant" it is what cannot be done.
_WHOLE = r"(?:the\s+)?(?:whole|full|entire)\s+(?:shift|thing|time)"
_DO_THE_WHOLE_SHIFT = (
    rf"(?:(?:i\s+)?can|ill|i\s+will|i\s+could|i\s+do)\s+(?:do\s+|stay\s+|work\s+)?{_WHOLE}"
    r"|(?:ill|i\s+will|i\s+can)\s+stay\s+(?:till|until|to)\s+the\s+end"
)
_YES = (
    rf"{_DO_THE_WHOLE_SHIFT}|{_WHOLE}"
    r"|i\s+accept|i\s+will\s+take\s+it|i\s+will\s+take|i\s+can\s+do\s+it|i\s+can\s+make\s+it"
    r"|can\s+do(?:\s+it)?|ill\s+take\s+it|ill\s+take|ill\s+do\s+it|ill\s+do|i\s+will\s+do"
    r"|take\s+it|book\s+me(?:\s+in)?|put\s+me\s+down(?:\s+for)?|count\s+me\s+in|im\s+in"
    # "why not" is a yes on its own ("sure why not"), a question before more: "why not paid..."
    r"|go\s+on(?:\s+then)?|lets\s+do\s+it|sounds\s+good|why\s+not(?=\W*(?:$|#?[0-9]{3,8}\W*$|x+\W*$|thanks|ta\W*$))"
    r"|sure\s+thing|thats?\s+fine"
    r"|happy\s+to(?:\s+do\s+it)?|go\s+for\s+it|ill\s+be\s+there|i\s+will\s+be\s+there"
    r"|id\s+(?:love|like)\s+(?:to|that|it|this)(?:\s+one)?|i\s+want\s+(?:it|that|this)(?:\s+one)?"
    r"|yes+\s+im\s+available|im\s+available\s+for\s+(?:it|that|this)(?:\s+one)?|works\s+for\s+me"
    r"|sounds?(?:\s+(?:good|great|fine|perfect))?"
    r"|oke?y\s+doke?y?|okay\s+doke?y?|yes+|yy+|y|ya|yah|yeah+|yeh+|yea+|yep+|yup+|ye|yh|ok+|okay+|okey|okie|k|kk|accept|accepted"
    r"|sure|deal|aye"
    r"|si|sim|oui|tak|da|ja|absolutely|definitely"
    r"|yas+|alright|alrite|aight|defo|deffo|defs|def|of\s+course|course|oki"
    r"|100\s*%|(?:ill|i\s+will|id|i\s+would)\s+(?:have|like)\s+(?:it|that|this)(?:\s+one)?"
    r"|(?:im\s+)?up\s+for\s+it|ill\s+go|i\s+will\s+go"
    r"|(?:can|could|may)\s+i\s+(?:still\s+)?(?:take|have|get|do)\s+(?:it|this|that|the)"
    r"(?:\s+(?:one|shift|job))?"
)
_NO = (
    r"i\s+(?:cant|cannot)\s+(?:make\s+it|do\s+it|come|go)|i\s+(?:cant|cannot)(?=\W*$)"
    r"|(?:im\s+|i\s+am\s+)?not\s+coming(?:\s+in)?(?=\W*$)|(?:i\s+)?wont\s+be\s+coming(?:\s+in)?(?=\W*$)"
    r"|(?:i\s+)?wont\s+make\s+it|(?:im\s+)?not\s+(?:gonna|going\s+to)\s+make\s+it"
    r"|cant\s+(?:come|go)(?![a-z])|cant\s+make\s+it|cant\s+do\s+it|cant\s+(?:do\s+)?that(?:\s+one)?|no\s+thank\s+you|no\s+thanks"
    r"|no\s+ta|not\s+this\s+time|not\s+this\s+one|not\s+for\s+me|not\s+available|not\s+today"
    r"|not\s+(?:right\s+)?now|impossible"
    r"|(?:im\s+|i\s+am\s+)?not\s+interested|no\s+can\s+do|ill\s+pass|ill\s+give\s+it\s+a\s+miss|give\s+it\s+a\s+miss"
    r"|(?:have|got)\s+to\s+say\s+no|say\s+no|too\s+(?:far|early)(?:\s+for\s+me)?|im\s+good|ill\s+leave\s+it"
    r"|leave\s+it|ill\s+skip(?:\s+it)?|skip|another\s+time|maybe\s+next\s+time|next\s+time"
    r"|im\s+busy|busy\s+(?:then|that\s+day)|cant\s+that\s+day|not\s+that\s+one"
    r"|no+|n|nope|nah|na|decline|declined|reject|pass|unavailable|busy|cant|cannot"
    r"|nie|nu|non|nao|nein"
)
# Words that put one's own slip right: "i meant sunday", "sorry i meant no", "meant to say".
I_MEANT = r"(?:i\s+meant(?:\s+to\s+say)?|i\s+mean|meant\s+to\s+say)"
# The answer a slip is put right with: "sorry i meant yes", "quise decir que no" ("i meant what
# no"), "miało być nie" ("should have been no").
_PUT_RIGHT = rf"(?:{I_MEANT}(?:\s+what)?|should\s+have\s+been)"
# A pleasantry before a yes keeps it a yes: "great ill be there", "perfect, count me in"; and a
# no put right, "i meant yes".
_BEFORE_YES = (
    r"(?:great|perfect|lovely|cool|brilliant|fab|fabulous|fantastic|wonderful|excellent|nice"
    r"|amazing|awesome|thanks|thank\s+you|thank\s+u|cheers|ta|hi|hello|hiya"
    r"|no\s+(?:worries|problem|probs?)|np"
    r"|(?:just\s+)?(?:confirming|to\s+confirm)(?:\s+that)?|(?:i\s+)?confirm(?:ed)?"
    rf"|{_PUT_RIGHT})"
)
# A change of mind before a no keeps it a no: "actually cant make it", "turns out i cant";
# and a yes put right, "sorry i meant no".
_BEFORE_NO = rf"(?:actually|turns\s+out|after\s+all|unfortunately|sadly|ok|okay|so|{_PUT_RIGHT})"
_REPLY = re.compile(
    rf"^\W*(?:{_BEFORE_YES}\W+(?=(?:{_YES})(?![a-z]))|{_BEFORE_NO}\W+(?=(?:{_BEFORE_NO}\W+)*(?:{_NO})(?![a-z])))*"
    rf"(?:(?P<yes>(?:(?:{_YES})(?![a-z])\W*)+)|(?P<no>(?:(?:{_NO})(?![a-z])\W*)+))"
    r"(?:(?:to|for|on|ref|shift|job|offer|the|one|it)(?![a-z])\W*)*"
    # "the 7am one": a time of day, not an offer's number
    r"(?:#?(?P<ref>[0-9]{1,8})(?![0-9a-z%])(?!\s*(?:am|pm|percent)(?![a-z]))(?!\s*[-/.:]\s*[0-9])"
    # "no, 4 hours": hours or minutes, not an offer's number
    r"(?!\s*(?:h|hrs?|hours?|mins?|minutes?)(?![a-z])))?\W*"
    r"(?P<rest>.*)$"
)
_MILES = re.compile(r"(?<![0-9])[0-9]{1,3}\s*(?:miles?|mi|km)(?![a-z])")
# "no work", "no more shifts": no offers wanted, not a no to one
_NO_WORK = re.compile(r"^(?:more\s+)?(?:work|shifts?|offers?|jobs?)(?![a-z])")
_REF_THEN_REPLY = re.compile(
    rf"^\W*#?(?P<ref>[0-9]{{3,8}})(?!\s*%)\W*(?:(?P<yes>{_YES})|(?P<no>{_NO}))(?![a-z])\W*$"
)
# What may follow YES or NO without changing what it means.
_POLITE_WORDS = (
    r"(?:please|pls|plz|thanks|thank\s+you|thankyou|thank\s+u|thx|ta|cheers|sure|great|sorry"
    r"|mate|i\s+can|i\s+will|ill\s+take\s+it|take\s+it|ok|okay|x+|can\s+do"
    r"|(?:i\s+)?(?:can|could)\s+(?:still\s+)?do\s+(?:it|that|this)|(?:i\s+am|im)\s+still\s+(?:free|available|up\s+for\s+it)"
    r"|i\s+can\s+make\s+it|not\s+this\s+time|cant\s+make\s+it|busy|not\s+today|see\s+you\s+there"
    r"|see\s+you|lovely|perfect|brilliant|cool|fine|absolutely|definitely|then|one|that\s+one"
    r"|(?:i\s+)?cant\s+wait|looking\s+forward(?:\s+to\s+it)?"
    r"|this\s+one|it|that|this|accept|yes|no|go\s+on|me|in|for\s+me|again|sounds\s+good"
    r"|will\s+do|no\s+problem|np|of\s+course|love|hun|mate|dear|sir|madam|boss|very\s+much|and"
    r"|so\s+much|much|a\s+lot|ill\s+be\s+there|be\s+there|see\s+you\s+then|offer|shift|job"
    rf"|100\s*%|100\s+percent|see\s+you\s+(?:at\s+)?{_CLOCK_SAID}"
    rf"|{_DO_THE_WHOLE_SHIFT}|with\s+pleasure|gladly|happy\s+to|count\s+me\s+in|book\s+me|im\s+in|i\s+want\s+(?:it|to)"
    r"|i\s+accept\s+it|want\s+it|ill\s+take\s+this|this\s+one"
    r"|(?:im\s+|i\s+am\s+)?(?:very\s+|really\s+)?interested"
    r"|if\s+(?:(?:its|it\s+is|thats|that\s+is)\s+)?still\s+(?:going|available|open|free|there|on)"
    r"|send\s+(?:me\s+)?(?:the\s+)?(?:address"
    r"|details|postcode|location|info)"
    # A question the booking's own text answers: "yes pls what time", "yes whats the address".
    r"|what\s+time|what(?:s|\s+is|\s+s)?\s+the\s+(?:address|postcode|time|location)|where\s+is\s+it"
    r"|(?:what\s+time|when)\s+(?:do|does|should|will)\s+(?:i|it|we)\s+(?:start|finish|begin|end)"
    r"|when\s+is\s+it)"
)
# A no among the polite words after a yes: "ok, no thanks", "yes cant make it", "ok busy".
_NO_AFTER_THE_YES = re.compile(
    r"(?<![a-z])(?:no(?!\s+(?:problem|worries|bother))|not(?!\s+a\s+problem)|cant(?!\s+wait)|busy)(?![a-z])"
)
_POLITE = re.compile(rf"^(?:{_POLITE_WORDS}(?![a-z])\W*)*$")
# Something more after the YES or the NO: "yes and ...", "no thanks but ...", "yes ive moved ...".
_JOINED = (
    r"(?:by\s+the\s+way|btw|also|and|but|oh\s+and|ps|plus"
    # "and" in our other languages: "tak, i dodajcie mi sprzątanie" (not "no, i dont ...")
    r"|i(?=\s+(?:add|change|remove|put)(?![a-z]))|y|e|si)(?![a-z])"
)
_AND_TERMS = re.compile(rf"^\W*(?:(?:{_POLITE_WORDS}|{_JOINED})(?![a-z])\W*)*(?P<then>[a-z].*)$")
_A_JOINER = re.compile(rf"(?<![a-z]){_JOINED}")
# A question after the YES, about something the booking's text does not say: "yes ill take it.
# is there parking?", "tak, biorę. czy jest parking?". Not a condition ("if", "only", hours:
# "yes can i start at 10?"), nor whether the offer is still open, which the booking answers.
_QUESTION_BESIDES = re.compile(
    rf"^(?:{_POLITE_WORDS}(?![a-z])\W*)*"
    r"(?![^?]*(?<![a-z])(?:if|unless|only|just|but|not|no)(?![a-z]))(?![^?]*[0-9])"
    r"(?![^?]*still\s+(?:available|open|going|on|free|there))"
    # about the offer itself, which it tells before anything is taken: "yes whats the job?",
    # "ok what is it?", "yes how much does it pay?", "yes, tell me more?"
    r"(?![^?]*(?<![a-z])(?:what\s+(?:is|s)\s+(?:it|this|that)|whats\s+(?:it|this|that)"
    r"|(?:what|which)\s+(?:kind|type|sort|job|work|shift)|(?:the|what)\s+(?:job|work|shift)"
    r"|how\s+much|pay|paid|rate|money|when|what\s+time|how\s+long|how\s+many|how\s+far|far"
    r"|where|tell\s+me\s+more|more\s+(?:info|details)|details|info)(?![a-z]))"
    # small talk, no question about the work: "sim, e você?", "yes how are you?"
    r"(?!\W*(?:and\s+)?(?:you|u|yourself|how\s+are\s+(?:you|u)|hows\s+(?:you|u|it\s+going)"
    r"|you\s+ok|are\s+you\s+ok|how\s+about\s+you)\W*\?)"
    r"[^?]*[a-z][^?]*\?\W*$"
)
# Which offer a YES means, said by its day or its kind, not its number: "count me in for
# saturday", "yh ok for the kitchen one tmrw", "acepto el del sábado".
_WHICH_OFFER = re.compile(
    rf"^(?:(?:{_POLITE_WORDS}|for|on|the|at|of|de|[a-z]+\s+one|today|tonight|tomorrow|tmrw|tmr"
    r"|tomoz|2moro|2morrow|(?:this|tomorrow)\s+(?:morning|afternoon|evening|night|week|weekend)"
    r"|next\s+week|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
    # "ill be there tomorrow at 9": the offer's own start
    rf"|at\s+{_CLOCK_SAID})(?![a-z0-9])\W*)+$"
)
# "ill be there at 9" with no day: arriving on time for today's booking, not a yes
_AT_A_TIME_ONLY = re.compile(rf"^\W*at\s+{_CLOCK_SAID}\W*$")
_THERE_BY = re.compile(r"(?<![a-z])there\s+(?:for|by)\s+[0-9]{1,2}(?![0-9])")
_I_CAN = re.compile(r"(?<![a-z])can(?![a-z])")
_CANT_WORD = re.compile(r"^\W*(?:i\s+)?(?:cant|cannot)(?![a-z])")
_NEXT_TIME = re.compile(r"(?<![a-z])(?:(?:maybe\s+)?next\s+time|another\s+time)(?![a-z])")
_AND_FREE = re.compile(
    r"^(?:(?:please|pls|thanks|thank\s+you|sorry|soz)\W+)?(?:(?:and|but|&|also|plus)\W+"
    # "yes, im also free sunday 9-5", "tak, jestem też wolna w niedzielę" (Polish "i", "and",
    # left as it is), "yes im free sunday 9-5 too": more free time, said to be more
    r"|(?=(?:i\s+)?(?:i\s+am|im)\s+(?:also|too)\s)"
    r"|(?=(?:(?:i\s+am|im)\s+)?(?:free|available)\s.*\s(?:too|as\s+well)\W*$))"
    r"(?P<then>(?:\w+\s+){0,4}?(?:free|available|avail|can\s+do|can\s+work)(?![a-z]).*)$"
)
_TAKEN_OUTRIGHT = re.compile(
    r"(?<![a-z])(?:accept|accepted|i\s+accept|ill\s+take\s+it|i\s+will\s+take\s+it|count\s+me\s+in"
    r"|book\s+me(?:\s+in)?|take\s+it)(?![a-z])"
)
# A day first, then what follows it: "saturday, and free sunday 9-5 too".
_A_DAY_THEN = re.compile(r"^(?P<day>(?:the\s+|on\s+)?[a-z]+(?:\s+one)?)\W+(?P<rest>.+)$")
_FREE_BESIDES = re.compile(r"^(?P<then>(?:im\s+|i\s+am\s+)?(?:free|available|avail)(?![a-z]).*)$")
_THAT_ONE = re.compile(r"(?<![a-z])(?:that|this)(?:\s+one)?\W*$")
# Working elsewhere, as the reason for a NO: "cant im working that day", "sorry cant, got work".
_WORKING_THEN = re.compile(
    r"^(?:(?:sorry|im|i\s+am|ive|i\s+have|i|already|got|have)\W+)*(?:working|at\s+work|work"
    r"|another\s+(?:job|shift)|a\s+shift|my\s+other\s+job)(?:\s+(?:that\s+day|that\s+time|then"
    r"|(?:on\s+)?that\s+(?:morning|afternoon|evening|night)|elsewhere|already|sorry|too))*\W*"
)
_NEGATION = re.compile(r"(?<![a-z])(?:not|no|cant|cannot|wont|dont|unable|but)(?![a-z])")
# Why a worker passes on an offer, after the NO: "no sorry too far", "nah busy that day".
_A_REASON = re.compile(
    r"(?<![a-z])(?:sorry|cant|cannot|busy|far|time|day|today|tomorrow|tonight|week|weekend"
    r"|working|work|another|other|job|plans|away|holiday|sick|ill|thanks|thank|not|no|too|kids?"
    r"|family|appointment|then|that)(?![a-z])"
)
_EVERY_OFFER = re.compile(
    rf"^\W*(?:(?:i\s+)?(?:{_YES}|yes+|yeah|yep|yh|y|ok|okay|sure|please|pls|want|ill\s+(?:take|do)"
    r"|will\s+(?:take|do)|give\s+me)(?![a-z])\W*)*"
    r"(?:(?:to|for)\s+)?"
    r"(?:(?P<both>both|the\s+two)|all|all\s+(?:of\s+)?(?:them|three|the\s+offers|the\s+shifts))"
    r"(?:\s+(?:of\s+them|shifts|offers|days|please|pls|thanks|thank\s+you|x+))*\W*$"
)
# A question about the offer before its number: "ok what is 4821?", "ok is 4821 near me".
_ASKS_ABOUT = re.compile(
    r"(?<![a-z])(?:what|whats|where|wheres|how|when|who|which|is|are|can\s+you|could\s+you"
    r"|tell\s+me|more\s+about|info|details\s+(?:of|for|on))(?![a-z])|\?"
)
# Not free, for longer than one offer: "not available next week", "busy till the 20th".
_NOT_FREE = re.compile(r"^\W*(?:not\s+available|unavailable|im\s+busy|busy)(?![a-z])")
_AWAY_A_WHILE = re.compile(
    r"(?<![a-z])(?:(?:next|this|all|whole|the\s+whole)\s+week|weeks|month|till|until|til|holidays?"
    r"|vacation|christmas|xmas|[0-9]{1,2}(?:st|nd|rd|th)|[0-9]{1,2}[/.-][0-9]{1,2})(?![a-z0-9])"
)
# What else a "no ..." can be about: "no problem", "no weekends from now on", "no break".
_ELSE = re.compile(
    r"(?<![a-z])(?:problem|problems|worries|worry|bother|pay|paid|money|break|breaks"
    r"|weekends|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|nights"
    r"|more\s+texts|texts|messages|from\s+now\s+on|anymore|told|said|late|cancelling"
    r"|more\s+(?:offers|shifts|work|jobs))(?![a-z])|\?"
)
# A yes with a condition: "yes but only till 3" is taken, and the condition asked about.
_BUT_ASKS = re.compile(
    r"^(?:but|only)\s+(?:what|whats|where|wheres|how|who|whos|when|whens|which|is\s+it|is\s+there"
    r"|do\s+i|does\s+it)(?![a-z])"
)
_FAR_ASKED = re.compile(r"^\W*(?:(?:is|its|is\s+it|thats|that\s+is)\s+)?(?:too\s+)?far\W*$")


def far_asked(t: Text) -> bool:
    """ "too far?", "está lejos?": whether it is too far, asked, not a NO given."""
    return "?" in t.original and _FAR_ASKED.match(t.norm) is not None


_YES_ASKED = re.compile(r"^\W*(?:yes|yeah|y|ok|okay|tak|si|sim|da)\s*\?+\W*$")
_BUT = re.compile(
    r"^(?:but|only|if|as\s+long\s+as|except|unless)(?![a-z])"
    # "yes if its still going": no condition on the shift, only on the offer being open
    r"(?!\s+(?:its|it\s+is|thats|that\s+is)?\s*still\s+(?:going|available|open|free|there|on)\W*$)"
)
# A yes that is only being able: "can do", "i can" (not "yes", "ok").
_CAN_DO = re.compile(r"^(?:i\s+)?can(?:\s+do|\s+work)?\W*$")
# A yes to every offer but one day's: "yes but not the friday one".
_BUT_NOT_THE = re.compile(
    r"^(?:but\s+)?not\s+(?:the\s+|on\s+)?(?P<day>[a-z]+)(?:\s+(?:one|shift|job))?\W*$"
)
# A yes taken back at once: "id love to but cant", "yes but i cant that day sorry".
_BUT_CANT = re.compile(
    r"^(?:but|sadly|unfortunately)\W+(?:i\s+)?(?:cant|cannot|can\s+not|couldnt|could\s+not"
    r"|wont\s+be\s+able|(?:i\s+)?(?:am|m|im)\s+(?:not\s+able|busy|working|away))(?![a-z])"
)
# "... not friday", "..., friday no": another day's offer left as it is.
# "..., cant do saturday", "... and no to the sunday one", "... but i cant make friday"; or
# left open for now: "... and maybe saturday".
_NOT_THE_OTHER = (
    r"(?:\W+(?:but\s+|and\s+)?(?:not|no|(?:i\s+)?(?:cant|cannot|can\s+not)\s+(?:do|make|work)"
    r"(?:\s+it)?)\s+(?:to\s+|on\s+|for\s+)?(?:the\s+)?[a-z]+(?:\s+(?:one|shift))?"
    r"|\W+(?:the\s+)?[a-z]+(?:\s+(?:one|shift))?\s+(?:no|not|cant)"
    r"|\W+(?:and\s+|but\s+)?(?:maybe|perhaps|possibly)\s+(?:and\s+|also\s+)?(?:the\s+|on\s+)?[a-z]+"
    r"(?:\s+(?:one|shift|too|as\s+well|later))*"
    # "o de domingo talvez" ("de sunday maybe"): the day, then the maybe
    r"|\W+(?:and\s+)?(?:the\s+|on\s+|de\s+)?[a-z]+(?:\s+(?:one|shift))?\s+(?:maybe|perhaps))"
)
_THE_DAY_ONE = re.compile(
    r"^\W*(?:(?:yes|ok|okay)\W+)?(?:(?:i\s+)?(?:want|ll\s+take|ill\s+take|will\s+take|d\s+like|"
    r"id\s+like)\s+|(?:book\s+me\s+(?:in\s+)?(?:for|on)|give\s+me|take|only|just"
    r"|can\s+i\s+(?:do|have|take|get))\s+)?"
    rf"the\s+(?P<day>[a-z]+)\s+(?:shift|one|job)(?:\W+(?:please|pls))?{_NOT_THE_OTHER}?\W*(?:please|pls)?\W*$"
    # "saturday yes", "el sábado sí": the day, then the yes
    rf"|^\W*(?:the\s+|on\s+|this\s+|that\s+)?(?:one\s+)?(?:on\s+)?(?P<day2>[a-z]+)\W+(?:yes|yes\s+please)"
    rf"{_NOT_THE_OTHER}?\W*$"
    # "ill take the saturday", "ill take saturday, not friday": the one after a verb of taking
    r"|^\W*(?:(?:yes|ok|okay|please|pls|sure)\W+)*(?:i\s+)?(?:ll|ill|will)\s+take\s+(?:the\s+|it\s+)?"
    rf"(?P<day4>[a-z]+){_NOT_THE_OTHER}?\W*$"
    # "i want the one on saturday", "quero a de sábado", "o iau pe cea de sâmbătă"
    r"|^\W*(?:(?:yes|ok|okay|please|pls|sure)\W+)*(?:(?:i\s+)?(?:want(?:\s+to)?|ll\s+take(?:\s+it)?|ill\s+take"
    r"(?:\s+it)?|will\s+take|d\s+like|id\s+like)\s+)?(?:on\s+)?(?:the\s+)?(?:one|shift)\s+on\s+"
    rf"(?:the\s+)?(?P<day5>[a-z]+){_NOT_THE_OTHER}?\W*(?:please|pls)?\W*$"
    # "saturday one please"
    r"|^\W*(?P<day6>[a-z]+)\s+one\W*(?:please|pls)?\W*$"
    # "yes to saturday not friday"
    rf"|^\W*(?:yes|ok|okay)\W+(?:(?:to|for|on)\s+)?(?:the\s+)?(?P<day3>[a-z]+)(?:\s+(?:one|shift))?"
    rf"{_NOT_THE_OTHER}\W*$"
)
# An offer named by its place among those sent: "the first one", "2nd one please", "yes the last".
_THE_NTH_ONE = re.compile(
    r"^\W*(?:(?:yes|ok|okay|please)\W+)*(?:(?:i\s+)?(?:want(?:\s+to|\s+it)?|ll\s+take(?:\s+this)?"
    r"|ill\s+take(?:\s+this)?|will\s+take|d\s+like|id\s+like|can\s+do)\s+|(?:book\s+me\s+"
    r"(?:in\s+)?(?:for|on)|give\s+me|take|can\s+i\s+(?:do|have|take|get)|to|for|at)\s+)?"
    r"(?:the\s+|this\s+)?(?P<nth>first|1st|second|2nd|third|3rd|last)"
    r"(?:\s+(?:one|shift|job|offer))?"
    # "..., no to the second": the other left as it is
    r"(?:\s+yes)?(?:\W+(?:but\s+|and\s+)?(?:not|no)\s+(?:to\s+)?(?:the\s+)?(?:first|1st|second|2nd|third"
    r"|3rd|last|other)(?:\s+(?:one|shift|job|offer))?|\W+(?:the\s+)?(?:first|1st|second|2nd|third"
    r"|3rd|last|other)(?:\s+(?:one|shift|job|offer))?\s+(?:no|not|cant))?"
    r"\W*(?:please|pls|thanks|thank\s+you|works\s+for\s+me"
    r"|suits\s+me|is\s+fine|is\s+good)?\W*$"
)
_PLACE_WORDS = {"1st": "first", "2nd": "second", "3rd": "third"}
# An offer named by when it starts: "the 9am one", "yes the one at 2", "the morning shift".
_THE_TIME_ONE = re.compile(
    r"^\W*(?:(?:yes|ok|okay|please|pls)\W+)*(?:(?:i\s+)?(?:want|ll\s+take|ill\s+take|will\s+take"
    r"|d\s+like|id\s+like|can\s+do)\s+|(?:to|for)\s+)?(?:the\s+)?"
    rf"(?:(?:one|shift)\s+(?:at|from|starting\s+at)\s+(?P<time>{_CLOCK_SAID})"
    rf"|(?P<time2>{_CLOCK_SAID})\s+(?:one|shift|start)"
    r"|(?P<part>morning|afternoon|evening|night)\s+(?:one|shift))"
    r"\W*(?:please|pls|thanks|thank\s+you)?\W*$"
)
_YA_OR_NA = re.compile(r"^\W*(y|n)aa*h?\W*$")
# "I want (it)" as the whole answer, in any of our languages: "quero", "chcę", "vreau".
_WANT_IT_ALONE = re.compile(r"^\W*(?:quero|quiero|chce|vreau|i\s+want)\W*$")
# "me please", "ja poproszę", "yo por favor": the one offer, claimed
_ME_PLEASE = re.compile(r"^\W*me\W+(?:please|pls|plz)(?:\W+x+)?\W*$")
# "and the other one too", "ill take the other one as well": the offer still open, once one of
# two is taken
THE_OTHER = "other"
_THE_OTHER_ONE = re.compile(
    r"^\W*(?:(?:and|yes|ok|okay|also)\W+)*(?:(?:i\s*ll|ill|i\s+will|can\s+i)\s+(?:take|have|do)\s+"
    r"|(?:i\s+)?(?:want|can\s+do)\s+)?the\s+other\s+(?:one|shift|job|offer)"
    r"(?:\W+(?:too|as\s+well|also|please|pls|thanks|x+))*\W*$"
)
# "neither", "none of them": a no to every offer open.
_NONE_OF_THEM = re.compile(
    r"^\W*(?:(?:no|nope|sorry|thanks|actually)\W+)*(?:neither(?:\s+of\s+(?:them|those|these))?"
    r"|none\s+of\s+(?:them|those|these))(?:\W+(?:sorry|thanks|thank\s+you|actually|x+))*\W*$"
)
# A YES that warns of arriving late: taken only once the worker says they can do the whole shift.
_LATE_CAVEAT = re.compile(
    r"(?<![a-z])(?:might|may|maybe|could|possibly|probably|prob|bit|little)\s+(?:\w+\s+){0,4}?"
    r"(?:late|later|behind|delayed)(?![a-z])"
)

_DROP = re.compile(
    r"^\W*(?:(?:please|pls|plz|can\s+you|could\s+you|(?:i\s+)?(?:want|need|have)\s+to|i\s+must"
    r"|(?:i\s+)?(?:gotta|got\s+to))\s+)?(?:drop|cancel|cancell?|cancle|canel|cncl|canx)(?![a-z])\W*(?:(?:my|the|this|that|for|a)\s+)?"
    r"(?:(?:shift|booking|job)(?![a-z])\W*)?#?\s*(?P<ref>[0-9]{1,8})?(?![0-9])\W*(?P<rest>.*)$"
)
_DROP_ANYWHERE = re.compile(
    r"(?<![a-z])(?:drop|cancel|cancell?|cancle|cncl|canx)(?![a-z])\W*(?:(?:my|the|this|that|for"
    r"|out\s+of|on|all|every|[a-z]+days?|tomorrows?|todays?|tonights?)\s+)*(?:(?P<what>shift|shifts|booking"
    r"|job|work)(?![a-z])|#?(?P<ref>[0-9]{3,8})(?![0-9]))"
)
_COURTESY_ONLY = re.compile(
    r"(?<![a-z])(?:please|pls|plz|thanks|thank\s+you|thx|ta|sorry|x+|now|asap)(?![a-z])|[^a-z0-9]"
)
_OPT_OUT_WORDS = re.compile(
    r"(?<![a-z])(?:texts?|messages?|sms|subscription|everything|all|me|account|notifications?)"
    r"(?![a-z])"
)
_SHIFTS_NAMED = re.compile(r"(?<![a-z])(?:shifts?|bookings?|jobs?)(?![a-z])")
_BOOKED_THING = re.compile(
    r"(?<![a-z])(?:shifts?|bookings?|jobs?|work|it|that|this|one|both|them|please|pls)(?![a-z])"
)
_CANT = re.compile(
    r"(?<![a-z])(?:(?:cant|cannot|can\s+not|cnt|wont|unable\s+to|not\s+able\s+to|can\s+no\s+longer"
    r"|no\s+longer\s+able\s+to)\s+(?:make|do|attend|work|go\s+to|go|come\s+to|come\s+in\s+for"
    r"|come\s+in|come|cover|be\s+there|get\s+there|get\s+in)"
    r"|(?:not|never)\s+(?:going\s+to|gonna)\s+(?:make|be\s+able|come|get\s+there)"
    r"|(?:wont|will\s+not|shall\s+not)\s+be\s+able\s+to(?:\s+(?:make|come|do|work|go|get))?"
    r"|(?:wont|will\s+not)\s+be\s+(?:there|coming|in)"
    r"|(?:have|need|got)\s+to\s+(?:pull\s+out|drop\s+out|back\s+out|cancel)"
    r"|(?:something|sth)\s+(?:has\s+)?(?:came|come)\s+up|not\s+coming(?:\s+in)?|wont\s+be\s+in"
    r"|cant\s+attend|(?:cant|not\s+possible|impossible)\s+(?:on\s+)?(?:the\s+)?"
    r"(?:today|tonight|tomorrow|tmrw|[a-z]+day)"
    r"|(?:im|i\s+am)\s+(?:too\s+)?(?:sick|ill|unwell|poorly|not\s+(?:well|feeling\s+well))(?=.*(?:today|tonight"
    r"|tomorrow|day|shift))|(?:can|could)\s+i\s+(?:cancel|drop)"
    # Asking for cover: "can someone cover my shift tomorrow".
    r"|(?:can|could)\s+(?:someone|somebody|anyone|any1)\s+(?:else\s+)?(?:cover|take|do)"
    r"\s+(?:my|the|this|that|me\s+on|for\s+me\s+on|today|tonight|tomorrow|tmrw|[a-z]+day|mon|tues?"
    r"|weds?|thur?s?|fri|sat|sun)"
    # Off sick: "im off sick today", "calling in sick", "sick today sorry".
    r"|off\s+(?:sick|ill|poorly)|call(?:ing)?\s+in\s+(?:sick|ill)"
    r"|(?:sick|ill|unwell|poorly)\s+(?:today|tonight|tomorrow|tmrw)"
    r"|(?:pull|pulling|drop|dropping|back|backing)\s+out)(?![a-z])(?P<rest>.*)$"
)
_TAKE_ME_OFF = re.compile(
    r"(?<![a-z])(?:remove|take|drop|cancel)\s+me\s+(?:off|from|out\s+of|for|on)\s+"
    r"(?:the\s+|that\s+|this\s+|my\s+)?"
    r"(?:shift|job|booking|[0-9]{1,2}(?:st|nd|rd|th)|[a-z]+days?|tomorrow|tomorrows)(?![a-z])"
)
# "free monday but cant do evenings": the day before is offered, not given up.
# "cant do tomorrow, only saturday": the day after "only" is the one they can do.
_OFFERED_BEFORE = re.compile(
    r"(?<![a-z])(?:free|available|avail|can\s+do|can\s+work|ok"
    r"|(?:only|just)(?=\s+(?:on\s+|the\s+)?(?:mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tmrw)))"
    r"(?![a-z])"
)
# "thursday cant", "tomorrow i cant, sorry": a day, then that they cannot (and no more about it).
_DAY_THEN_CANT = re.compile(
    r"(?<![a-z])(?P<day>today|tonight|tomorrow|tmrw|[a-z]+day|mon|tues?|weds?|thu(?:rs?)?|fri|sat"
    r"|sun)\s+(?:i\s+)?(?:cant|cannot|wont|(?:is\s+)?not\s+possible|(?:is\s+)?impossible)"
    r"(?:\s+(?:make\s+it|make|do\s+it|come|go|work))?"
    # what follows is the reason: "mañana no puedo, tengo médico" reads "... cant i have doctor"
    r"(?=\s*(?:[,.!;:-]|$|sorry|my|because|as|im|but|however|cos|coz|cuz|since|due"
    r"|(?:i\s+|ive\s+)?(?:have|got|need)(?![a-z])))"
)
_NO_LONGER = re.compile(r"(?<![a-z])(?:anymore|any\s+more|after\s+all|no\s+longer)(?![a-z])")
# A reason for not coming: illness, children, transport, "something came up".
_REASON = re.compile(
    r"(?<![a-z])(?:sick|ill|unwell|poorly|covid|flu|fever|hospital|doctor|dentist|kid|kids|child"
    r"|son|daughter|baby|mum|mom|dad|family|emergency|funeral|car|bus|train|broke|broken"
    r"|childcare|child\s+care|babysitter|childminder|nanny|nursery|school|transport|lift"
    r"|something\s+came\s+up|came\s+up|sorry)(?![a-z])"
)
_FREE_TIME_NAMED = re.compile(r"(?<![a-z])(?:availability|availabilities|free\s+time)(?![a-z])")
_NOT_CANCELLING = re.compile(r"(?<![a-z])(?:not|no|never|dont)\s+(?:cancel|cancelling|drop)")


def carrier_stop(t: Text, ctx: Context) -> Parsed | None:
    """STOP and the other carrier words alone (in any of our languages), or opting out in so many
    words ("stop texting me", "unsubscribe me pls"); a longer sentence is no opt-out."""
    alone = _EDGES.sub("", fold(t.original))
    if alone in STOP_WORDS or alone in _carrier_words():
        return Parsed("stop", exact=True)
    if (_STOP_PHRASE.match(t.core) or t.core in _PLAIN_STOP) and _only_courtesy_dropped(t):
        return Parsed("stop")
    rest = t.core
    while (first := _STOP_FIRST.match(rest)) is not None:
        # "STOP STOP", "stop, i dont want messages anymore": STOP said, and said again
        rest = rest[first.end() :]
        if not rest or rest in _PLAIN_STOP or _STOP_PHRASE.match(rest):
            return Parsed("stop") if _only_courtesy_dropped(t) else None
    return None


_STOP_FIRST = re.compile(r"^stop(?:\W+|$)")


def opt_out_in_words(t: Text, ctx: Context) -> Parsed | None:
    """ "stop texting me, i found a job", "dejen de escribirme, ya no busco trabajo": opting out,
    with a reason (alone, carrier_stop reads it). "stop texting me about weekends" is a wish
    about offers: how to stop is asked."""
    if _DONE_WITH_WORK.search(t.norm):
        # "im not interested anymore", "found a job, dont need work now": how to stop is said
        return Parsed("unknown", ambiguous=True, ask="ask_how_to_stop")
    m = _OPT_OUT_SAID.match(t.core)
    if m is None:
        return None
    rest = m.group("rest")
    if _AWAY_A_WHILE.search(rest) or _UNTIL_A_DATE.search(rest):
        # "stop texting me till january", "nie wysyłajcie ofert do 15 grudnia": a pause, asked
        # back as BUSY till then, or for a person to set; never STOP for good
        return away_for_days(t.norm, ctx) or Parsed("unknown")
    spec, left = find_days(rest, ctx.at)
    if spec.weekdays and spec.date is None and not _AT_SOME_HOURS.search(left):
        # "stop sending offers on mondays", "stop texting me about weekends": no offers on
        # those days from now on, asked back as BUSY
        return Parsed("busy", days=spec.days, recurring=True)
    skills = find_skills(words_of(rest), ctx.skills)[0]
    if len(skills) == 1 and not _AT_SOME_TIMES.search(rest):
        # "please stop sending me care jobs": that work given up, asked back as SKILLS
        return Parsed("profile_update", skill=skills[0], detail="remove")
    if (
        _ABOUT_WHAT.match(rest)
        or _OFFERS_OF_A_KIND.search(rest)
        or _AT_SOME_TIMES.search(rest)
        or skills
    ):
        # "stop sending me cleaning offers", "nie wysyłajcie mi ofert na noc": some offers
        return Parsed("unknown", ambiguous=True, ask="ask_how_to_stop")
    return Parsed("stop")


_DONE_WITH_WORK = re.compile(
    r"(?<![a-z])(?:(?:im|i\s+am)\s+(?:not\s+interested\s+(?:anymore|any\s+more|now)"
    r"|no\s+longer\s+interested)"
    r"|^\W*(?:no\W+(?:thanks?\W+|thank\s+you\W+)?)?not\s+interested\s+(?:anymore|any\s+more)"
    # "please take me off", the list left unsaid
    r"|(?:take|remove)\s+me\s+off\W*$"
    r"|i\s+(?:dont|do\s+not|no\s+longer)\s+(?:want|need)\s+(?:any\s+)?(?:work|jobs?|shifts?|offers?)"
    r"(?:\s+(?:from\s+you|here))?\s+(?:anymore|any\s+more|now)"
    r"|i\s+no\s+longer\s+(?:want|need)\s+(?:any\s+)?(?:work|jobs?|shifts?|offers?)(?=\W*$)"
    # "i dont want any more offers" as the whole wish; "... on weekends" is a wish about days
    r"|i\s+(?:dont|do\s+not)\s+want\s+(?:any\s+more|more|these|your)\s+(?:work|jobs|shifts|offers)"
    r"(?=(?:\s+(?:from\s+you|please|thanks|thank\s+you))*\W*$)"
    r"|^\W*i\s+want\s+to\s+(?:leave|quit)(?:\s+(?:poems|this|the\s+app|the\s+service))?\W*$)"
    r"(?![a-z])"
)
_OPT_OUT_SAID = re.compile(
    r"^\W*(?:(?:done|ok|okay|enough|right|so|just|please|pls)\W+)*(?:stop\s+(?:texting|messaging"
    r"|sending|writing\s+to|(?:the|your|these|all\s+the|all\s+your)\s+(?:texts|messages|msgs))"
    r"(?:\s+me)?|(?:dont|do\s+not)\s+(?:text|message|write\s+to)\s+me"
    # "dont send me anything on sundays": as "stop sending me offers on sundays"
    r"|(?:dont|do\s+not|please\s+dont)\s+send(?:\s+me)?(?=\s+(?:any\s+)?(?:anything|offers?|work"
    r"|jobs?|shifts?|texts?|messages?)(?![a-z]))"
    r"|no\s+more\s+(?:texts?|messages?)|i\s+no\s+longer\s+want\s+(?:texts?|messages?)"
    r"|(?:take|remove)\s+me\s+(?:off|from)\s+(?:your|the)\s+(?:list|system))(?![a-z])"
    r"(?P<rest>.*[a-z].*)$"
)
_UNTIL_A_DATE = re.compile(
    r"(?<![a-z])(?:do|to|till|until)\s+(?:the\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s+[a-z]+"
    r"|(?<![a-z])(?:till|until|to)\s+(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december|next\s+\w+|the\s+new\s+year)(?![a-z])"
)
# "stop sending me texts after 9pm", "stop texting me so early": some hours, not all texts.
_AT_SOME_TIMES = re.compile(
    r"(?<![a-z])(?:after|before|until|till|early|late|mornings?|evenings?|nights?|weekends?"
    r"|[a-z]+days?)(?![a-z])|(?<![0-9£$€])[0-9]{1,2}(?:[:.][0-9]{2})?(?![0-9])"
)
# Hours said beside the days: "stop texting me on sundays after 6" is not the whole day.
_AT_SOME_HOURS = re.compile(
    r"(?<![a-z])(?:after|before|until|till|early|late|mornings?|evenings?|nights?)(?![a-z])"
    r"|(?<![0-9£$€])[0-9]{1,2}(?:[:.][0-9]{2})?(?![0-9])"
)
_OFFERS_OF_A_KIND = re.compile(r"(?<![a-z])(?:offers?|shifts?|nights?|weekends?)(?![a-z])")
_ABOUT_WHAT = re.compile(
    r"^\W*(?:about|on|for|at|during|with|when|after|before|the|any|weekend|weekends|nights?"
    r"|early|[a-z]+days?|offers?\s+(?:for|on|at))(?![a-z])"
)


def _only_courtesy_dropped(t: Text) -> bool:
    """ "stop pls thx" and "quiero darme de baja de los mensajes" opt out; "z optout" (a lone
    letter taken for a little word) does not, nor "la la unsubscribe" (a carrier word left
    alone once little words were read as nothing)."""
    said = set(t.norm.split()) - set(t.core.split())
    dropped = [key for _, key, canonical in t.entries if canonical == ""]
    bare = t.core in STOP_WORDS or t.core in _carrier_words()
    return (
        said <= _COURTESY and not any(len(key) == 1 for key in dropped) and not (bare and dropped)
    )


def _carrier_words() -> frozenset[str]:
    return frozenset(word for lang in languages().values() for word in lang.carrier)


def opt_in(t: Text, ctx: Context) -> Parsed | None:
    """START, UNSTOP or RESUME, alone; or "send me texts again"."""
    if _EDGES.sub("", t.norm) in START_WORDS:
        return Parsed("start", exact=True)
    return Parsed("start") if _START_PHRASE.match(t.core) else None


def help_request(t: Text, ctx: Context) -> Parsed | None:
    """HELP, INFO, "?", a greeting alone, or "what can i text"."""
    core = _HERE.sub("", " ".join(re.findall(r"[a-z]+|[0-9]+", t.core)))
    if (not t.words and "?" in t.norm) or t.phrase in _HELP_PHRASES or core in _HELP_PHRASES:
        return Parsed("help", exact=t.first in _HELP_FIRST)
    return None


def help_in_words(t: Text, ctx: Context) -> Parsed | None:
    """Nothing else in it, and it asks how this works: "what can i text u? new to this",
    "no entiendo como funciona", a greeting on its own ("holaa buenas", "hello hello")."""
    if _HOW_IT_WORKS.search(t.norm) or t.greeting_only:
        return Parsed("help")
    return None


_HOW_IT_WORKS = re.compile(
    r"(?<![a-z])(?:(?:what|which)\s+(?:can|do|should|must)\s+i\s+(?:text|write|send|type|say)"
    r"|how\s+(?:does|do)\s+(?:this|it|that)\s+work|how\s+(?:do|can)\s+i\s+use\s+(?:this|it)"
    r"|(?:i\s+)?(?:dont|do\s+not)\s+(?:understand|know\s+how)|what\s+commands|help\s+me\W*$"
    r"|new\s+to\s+this"
    # "how do i cancel a shift": the commands, DROP among them
    r"|how\s+(?:do|can|should|would)\s+i\s+(?:cancel|drop|give\s+up|pass\s+on)(?:\s+(?:a|my|the)\s+"
    r"(?:shift|booking|job|offer))?\W*$)(?![a-z])"
)


# Not yet decided: "maybe", "let me check and get back to you", "ill think about it".
_UNDECIDED = re.compile(
    r"^\W*(?:(?:ok|okay|hmm+|um+|erm|thanks|thank\s+you|yes|yeah|yep|sure|please|pls|but)\W+)*"
    r"(?:maybe|perhaps|possibly|not\s+sure(?:\s+yet)?|probably|i\s+think\s+so|i\s+guess\s+so"
    r"|(?:it\s+)?depends(?:\s+on)?"
    # a yes said as a hope: "yes i think so", "probably yes", "i might be able to"
    r"|(?:i\s+)?might\s+be\s+able\s+to|i\s+might(?=\W*$)|most\s+likely|hopefully"
    r"|(?:let\s+me|ill|i\s+will|i\s+need\s+to|i\s+have\s+to|need\s+to|have\s+to"
    r"|gotta|must)\s+(?:check|think|ask|see(?!\s+(?:you|u|ya))|confirm|look)|(?:ill|i\s+will|can\s+i|let\s+me)\s+(?:let"
    r"\s+you\s+know|get\s+back\s+to\s+you|come\s+back\s+to\s+you|text\s+you\s+back)"
    r"|(?:can|could|may)\s+i\s+think(?:\s+about\s+it|\s+it\s+over)?(?=\W*$)"
    r"|ill\s+think\s+about\s+it|thinking\s+about\s+it|give\s+me\s+(?:an?\s+(?:few\s+)?|[0-9]{1,2}\s*)?"
    r"(?:minutes?|mins?|secs?|seconds?|moment|bit|hours?|hrs?))(?![a-z])"
)


# Interested, and no more: "im interested", "me interesa". Wanting to hear more is no YES yet;
# the offer, with how to take it, is told again.
_INTERESTED = re.compile(
    r"^\W*(?:(?:im|i\s+am|i\s+would\s+be|id\s+be)\s+)?(?:very\s+|really\s+|definitely\s+)?"
    r"interested(?:\s+in\s+(?:it|this|that|the\s+(?:\w+\s+)?(?:job|shift|one|offer|work)))?"
    r"(?:\W+(?:thanks|thank\s+you|please|x+))*\W*$"
)


def undecided(t: Text, ctx: Context) -> Parsed | None:
    """ "maybe", "let me check", "im interested": unknown still, and marked so that with an
    offer open the worker hears till when it stays open, not that a person will read it."""
    if _UNDECIDED.search(t.core) or _INTERESTED.match(t.core):
        return Parsed("unknown", detail="undecided")
    return None


def thanks_only(t: Text, ctx: Context) -> Parsed | None:
    """ "thanks", "cheers, see you tomorrow", "no worries x": nothing asked and nothing to do.
    Still "unknown" (no command), marked so that nobody is troubled with it."""
    if _THANKS_ONLY.match(t.norm) or _TAKEN_IN.match(t.norm):
        return Parsed("unknown", courtesy=True)
    # "ok thanks for the info", "ok, dzięki za info": an ok before the thanks, once the yes
    # and no have been read
    after_ok = _OK_FIRST.sub("", t.norm, count=1)
    if after_ok != t.norm and after_ok.strip() and _THANKS_ONLY.match(after_ok):
        return Parsed("unknown", courtesy=True)
    return None


_OK_FIRST = re.compile(r"^\W*(?:ok+|okay|okey|alright|right)(?![a-z])\W*")


# A text taken in, and nothing asked: "yes i got the text", "ok i understand", "sí, entendido".
# Not in _THANKS_ONLY, which a yes or a no is first checked against: "ok see you tomorrow"
# to an offer for tomorrow takes it.
_TAKEN_IN = re.compile(
    r"^\W*(?:(?:ok|okay|yes|yeah|yep|alright|thanks?|thank\s+you)\W+)*(?:(?:i\s+)?understand"
    r"|understood|i\s+know|received|noted|(?:i\s+)?(?:got|saw|seen|read)\s+(?:it|(?:the|your)"
    r"\s+(?:text|message|msg|sms)))(?:\W+(?:thanks?|thank\s+you|x+))*\W*$"
)


_THANKS_ONLY = re.compile(
    r"^(?:[\s,.!?:;-]*(?:thanks?(?:\s+(?:you|u))?|thank\s+(?:you|u)|thx|thnx|tnx|tks|ty|ta|tq"
    r"|cheers|many\s+thanks|much\s+appreciated|appreciate\s+it|(?:very|so)\s+much|a\s+lot"
    r"|great|lovely|brilliant|perfect|cool|nice(?:\s+one)?|awesome|amazing|fab|fantastic|wonderful"
    r"|super|good\s+stuff|legend"
    r"|no\s+(?:worries|problem|probs|prob)|np|noted|got\s+it|understood|will\s+do|all\s+good"
    r"|see\s+(?:you|u|ya)(?:\s+(?:then|tomorrow|tmrw|soon|later|there|(?:on\s+)?[a-z]+day))?|cya"
    r"|bye|have\s+a\s+(?:good|nice|great)\s+(?:day|night|evening|weekend)|you\s+too"
    r"|for\s+(?:letting\s+me\s+know|the\s+(?:update|info|message|text|heads\s+up)|that)"
    # "thanks for the shift", "cheers for today": thanks for work done, nothing asked
    r"|for\s+(?:the|my|this|that|today|tonight|(?:the\s+)?(?:shift|work|job|booking|hours|day"
    r"|opportunity|chance|payment|money|offers?))(?:\s+(?:shift|work|job|booking|offers?|today|again))?"
    r"|x+|xo+|mate|hun|love|luv|dear|god\s+bless|bless|regards|kind\s+regards|haha+|lol"
    # praise of the work, as buyers end a day: "thanks she was great", "very happy with him"
    r"|(?:she|he|they)\s+(?:was|were|is|are|did)\s+(?:(?:really|very|so)\s+)?(?:great|brilliant"
    r"|lovely|amazing|fantastic|excellent|wonderful|very\s+good|good|a\s+star|a\s+great\s+job)"
    r"|(?:great|good|excellent)\s+(?:job|work|worker|carer)|well\s+done"
    r"|(?:very\s+|so\s+|really\s+)?happy\s+with\s+(?:her|him|them|the\s+work)"
    # Taking back a text sent by mistake: "wrong number sorry", "ignore that", "nevermind".
    r"|(?:(?:no|oh|oops)\W+)?(?:sorry\W+)?(?:wrong\s+(?:number|person|chat)|ignore\s+(?:that|this|it|my\s+last"
    r"(?:\s+(?:message|text|msg))?)|never\s*mind|nvm|forget\s+(?:it|that))(?:\W+sorry)?"
    # Glad faces and hearts only: a crying or angry face may be about something
    r"|[\U0001F600-\U0001F60F\U0001F617-\U0001F61A\U0001F642\U0001F917\u263A\u2764\u2665"
    r"\U0001F495-\U0001F49F\uFE0F\U0001F3FB-\U0001F3FF]+)"
    r"(?![a-z]))+[\s,.!?:;-]*$"
)


def help_fallback(t: Text, ctx: Context) -> Parsed | None:
    """ "help ..." that nothing else understood is still a call for help ("help yourself to tea"
    is not)."""
    if t.first in _HELP_FIRST and len(t.words) <= 4 and not _HELPING.match(t.norm):
        return Parsed("help")
    return None


_HELPING = re.compile(r"^help\s+(?:yourself|themselves|him|her|them|us|you)(?![a-z])")


def register(t: Text, ctx: Context) -> Parsed | None:
    """JOIN, REGISTER, SIGN UP, "i want to join", "im new, want work"; with what they do and
    where, when the text says ("JOIN E1 6AN cleaning")."""
    if not (_REGISTER.match(t.core) or _NEW_HERE.search(t.norm)):
        return None
    skills, _ = find_skills(t.words, ctx.skills)
    return Parsed(
        "register",
        skill=skills[0] if skills else None,
        skills=tuple(skills),
        exact=t.first in ("join", "register"),
        **place_in(t.norm),
    )


def yes_or_no(t: Text, ctx: Context) -> Parsed | None:
    """An answer to an offer: YES, Y 4821, YES4821, yes please, 👍, NO 4821, no thanks. A no
    thanks ("im good thanks", "not for me") is marked NO_THANKS: it is about offers alone, and
    with none open gives up no booking. A no that says they cannot ("cant make it") is marked
    UNABLE: after "Drop your shift?" it is no NO to the question."""
    if (asked := _STILL_OPEN_THEN.match(t.norm)) is not None:
        # "is the job on saturday still available? if so i can do it": the yes after the
        # question takes the offer (the day's, when it names one), as "yes" would
        then = _yes_or_no(t.said_as(asked["then"]), ctx)
        if (
            then is not None
            and then.intent == "accept"
            and not (then.ambiguous or then.asks_besides)
        ):
            return replace(then, days=then.days or _offer_day(asked["asked"], ctx))
    if (other := _NOT_THE_OTHER_DAY.match(t.norm)) is not None and is_day_word(
        other["day"] or other["day2"]
    ):
        # "acepto el del lunes pero no el del martes", "o iau pe cea de luni, pe cea de marți
        # nu": the yes to one day's offer, the other day's left open
        first = _yes_or_no(t.said_as(other["first"]), ctx)
        if first is not None and first.intent == "accept" and first.days and not first.ambiguous:
            return first
    answer = _yes_or_no(t, ctx)
    if answer is None and _OK_THANKS.match(t.norm):
        return Parsed("decline", detail=NO_THANKS)  # "im ok thanks", "im fine thanks"
    if answer is None or answer.intent != "decline" or answer.detail is not None:
        return answer
    if _NO_THANKS.match(t.norm) or _PASSING.match(t.norm.lstrip(" ,.!")):
        return replace(answer, detail=NO_THANKS)
    if _UNABLE.match(t.core):
        return replace(answer, detail=UNABLE)
    return answer


# Whether an offer is still open, asked, and what follows the question: "is it still available?
# ill take it", "czy ta praca w sobotę jest jeszcze aktualna? jeśli tak, to biorę".
_STILL_OPEN_THEN = re.compile(
    r"^(?P<asked>[^?]*(?:still\s+(?:available|going|open|on|there|free|up\s+for\s+grabs)"
    r"|available\s+still)[^?]*)\?+\W*(?:(?:if\s+(?:so|yes|it\s+is|its\s+still\s+\w+|not\s+taken)"
    r"|then|to)\W+)*(?P<then>[^?]+)$"
)


# A yes to one day's offer, then not to another day's: "..., not the tuesday", "... but no the
# one on tuesday", "..., the one on tuesday no".
_NOT_THE_OTHER_DAY = re.compile(
    r"^(?P<first>.+?)(?:\s*[,;.]\s*|\s+)(?:but\s+)?(?:(?:not?|and\s+not)\s+(?:the\s+)?(?:one\s+on\s+)?"
    r"(?P<day>[a-z]+)(?:\s+one)?|(?:the\s+one\s+on\s+|the\s+)?(?P<day2>[a-z]+)(?:\s+one)?\s+(?:no|not)"
    r")\W*$"
)


NO_THANKS = "no_thanks"
UNABLE = "unable"
_NO_THANKS = re.compile(
    # passing in so many words (_PASSING), or "im good", "leave it", "maybe next time"
    r"^\W*(?:no\W+ta(?![a-z])|im\s+(?:good|ok|okay|alright|fine)(?![a-z])|not\s+this\s+one"
    r"|pass(?![a-z])|(?:ill\s+)?leave\s+it|(?:maybe\s+)?(?:another|next)\s+time)"
)
_OK_THANKS = re.compile(
    r"^\W*(?:(?:no|nah)\W+)?im\s+(?:ok|okay|alright|fine)\W+(?:thanks?|thank\s+(?:you|u)|ty|cheers)"
    r"(?:\W+x+)?\W*$"
)
_UNABLE = re.compile(
    rf"^\W*(?:(?:sorry|so\s+sorry|{_BEFORE_NO})\W+)*(?:i\s+)?(?:cant|cannot|can\s+not|wont\s+(?:make|be\s+able)"
    r"|(?:im\s+|i\s+am\s+)?not\s+(?:coming|gonna|going\s+to)|unable)(?![a-z])"
)


def _yes_or_no(t: Text, ctx: Context) -> Parsed | None:
    if _THANKS_ONLY.match(t.norm):
        return None  # "no worries x" is thanks, not a NO
    if far_asked(t):
        return None  # "está lejos?": is it too far, asked, not a NO
    if (every := _EVERY_OFFER.match(t.core)) is not None:
        # "yes to both", "tak, obie": every offer open, when there are as many as it says
        return Parsed("accept", detail="both" if every.group("both") else "all")
    named = _THE_DAY_ONE.match(t.core)
    if named is not None and (
        days := _offer_day(
            next(
                named[key] for key in ("day", "day2", "day3", "day4", "day5", "day6") if named[key]
            ),
            ctx,
        )
    ):
        # "i want the saturday shift", "the saturday one": an offer named by its day
        return Parsed("accept", days=days)
    if (the_shift := _CAN_DO_THE_SHIFT.match(t.core)) is not None and (
        days := one_day(the_shift["day"], ctx.at)
    ) is not None:
        # "yes i can do the shift", "sí, puedo hacer el turno de mañana": the offer, taken
        return Parsed("accept", days=days)
    if (by_time := _THE_TIME_ONE.match(t.core)) is not None:
        # "the 9am one", "the morning shift": the offer that starts then, settled against those
        # open
        if by_time["part"]:
            return Parsed("accept", part_of_day=by_time["part"])
        clock = CLOCK.search(by_time["time"] or by_time["time2"])
        said = clock_from(clock) if clock is not None else None
        if said is not None:
            fixed = said.fixed()
            starts = (fixed,) if fixed is not None else said.readings()
            return Parsed("accept", starts=starts)
    if (nth := _THE_NTH_ONE.match(t.core)) is not None:
        # "the first one": which of the offers sent, settled against those open
        place = nth.group("nth")
        return Parsed("accept", detail=_PLACE_WORDS.get(place, place))
    if _WANT_IT_ALONE.match(fold(t.original)) or _ME_PLEASE.match(t.norm):
        return Parsed("accept")
    if _THE_OTHER_ONE.match(t.norm):
        return Parsed("accept", detail=THE_OTHER)
    if _NONE_OF_THEM.match(t.norm):
        return Parsed("decline", detail="all")
    if _YES_ASKED.match(fold(t.original)):
        return Parsed("unknown", detail="undecided")  # "yes?": a question, not yet a yes
    alone = _YA_OR_NA.match(fold(t.original))
    if alone is not None:
        # "ya", "na" on their own: texting's yes and no, whatever language the words also are
        return Parsed("accept" if alone.group(1) == "y" else "decline")
    core = t.core
    m = _REF_THEN_REPLY.match(core)
    if m is not None:
        return Parsed(
            "accept" if m.group("yes") else "decline", offer_ref=m.group("ref"), exact=True
        )
    m = _REPLY.match(core)
    if m is None:
        return None
    intent = "accept" if m.group("yes") else "decline"
    ref, rest = m.group("ref"), m.group("rest")
    if (
        intent == "accept"
        and ref is None
        and _CAN_DO.match(m.group("yes"))
        and t.original.rstrip().endswith("?")
    ):
        if not rest:
            return Parsed("unknown", detail="undecided")  # "mogę?", "puedo?": as "yes?" is
        if not re.search(r"[,.;:!]\s*$", m.group("yes")):
            # "mogę przyprowadzić dziecko?", "puedo llevar a mi hija?": can I ...?, asked; no
            # yes ("puedo, dónde es?" is one, its question besides)
            return None
    if intent == "decline" and _NO_WORK.match(rest) and away_for_days(t.norm, ctx) is not None:
        return None  # "no work until january please": away till then, read as such, not a pass
    if intent == "decline" and _NO_WORK.match(rest) and _MILES.search(rest):
        return None  # "no jobs more than 5 miles away": how far they go, not a pass
    if ref is not None and len(ref) <= 2 and _THERE_BY.search(core):
        return None  # "ill be there for 10": when they arrive, as "at 10" is, not offer 10
    if ref is not None and (
        re.search(rf"[£$€]\s*{ref}(?![0-9])", t.original)
        # "ill do it for 15": offers' numbers have four digits; two after "for" are money
        or (len(ref) <= 2 and re.search(rf"(?<![a-z])for\s+{ref}(?![0-9])", core))
    ):
        # "yes for £14": a yes at another rate, asked about; "no for £10": a no. Never offer 14.
        if intent == "decline":
            return Parsed(intent)
        return Parsed(intent, ambiguous=True, ask="ask_accept_rate")
    if (
        (more := _AND_TERMS.match(rest)) is not None
        and (terms := profile_update(Text.of(more["then"], "en"), ctx)) is not None
        and terms.intent == "profile_update"
        # with nothing joining them, only a move: "yes ive moved to E2 7DG"
        and (
            any(j.start() < more.start("then") for j in _A_JOINER.finditer(rest))
            or terms.postcode
            or terms.zip
        )
    ):
        # "yes please! by the way ive moved to E2 7DG", "yes and can you add cleaning to my
        # skills", "no thanks but my rate is 15 now": the answer, and the change asked back
        return Parsed(intent, offer_ref=ref, then=more["then"])
    if (free := _AND_FREE.match(rest)) is not None and find_ranges(free["then"], None)[0]:
        # "yes and im also free sunday 9-5", "no thanks but free sun 10-4": the answer, and
        # free time besides (`then`)
        return Parsed(intent, offer_ref=ref, then=free["then"])
    if (
        intent == "accept"
        and ref is None
        and (named := _A_DAY_THEN.match(rest)) is not None
        and (free := _AND_FREE.match(named["rest"])) is not None
        and find_ranges(free["then"], None)[0]
        and (days := _offer_day(named["day"], ctx))
    ):
        # "yes to saturday and im free sunday 9-5 too": the Saturday offer taken, and free time
        # besides; never both days read as free time with the offer left open
        return Parsed(intent, days=days, then=free["then"])
    if intent == "accept" and _BUT_CANT.match(rest):
        # the no that follows the yes is the answer: a pass, asked back before it is made
        return Parsed("decline", offer_ref=ref)
    other = _BUT_NOT_THE.match(rest) if intent == "accept" and ref is None else None
    if other is not None and len(said := _offer_day(other["day"], ctx)) == 1:
        # "yes but not the friday one": the offer on any other day, when there is one
        return Parsed(intent, days=tuple(day for day in WEEKDAYS if day not in said))
    if intent == "accept" and _BUT_ASKS.match(rest):
        return None  # "sure but whats the address", "vale pero cuánto pagan": the question first
    if (
        intent == "accept"
        and ref is None
        and _CAN_DO.match(m.group("yes"))
        and ONLY_THESE_TIMES.match(rest)
    ):
        return None  # "can do only weekends", "mogę tylko rano": the times they work, asked back
    if intent == "accept" and (_BUT.match(rest) or _LATE_CAVEAT.search(rest)):
        # "yes but only till 3", "ill take it, might be 5 mins late": the condition asked about;
        # "yes but for 15 an hour": a rate, when the offer pays the worker's own
        ask = "ask_accept_rate" if find_rate(rest)[0] is not None else "ask_accept_condition"
        return Parsed(intent, offer_ref=ref, ambiguous=True, ask=ask)
    if intent == "accept" and _POLITE.match(rest) and _NO_AFTER_THE_YES.search(rest):
        # "ok, no thanks", "yes cant make it", "ok not this time": the no after the yes is the
        # answer, a pass asked back before it is made; never a booking
        return Parsed("decline", offer_ref=ref)
    if (
        intent == "accept"
        and not _POLITE.match(rest)
        and _QUESTION_BESIDES.match(rest)
        # "y en cocina cuánto se cobra?": the Spanish "and", not a Y
        and fold(m.group("yes")).strip(" ,.!") != "y"
    ):
        # taken, and the question read by a person: the offer does not wait for the answer
        return Parsed(intent, offer_ref=ref, asks_besides=True)
    if _POLITE.match(rest):
        # N, or NO, NIE, NU typed as the command: with no number, the offer just asked about;
        # ACCEPT, AKCEPTUJĘ... alone: the changed hours waiting, however long after they came
        bare = intent == "decline" and typed_as_the_command(t.original, "N")
        accepted = intent == "accept" and fold(t.original.strip(" .!?")) in _command_words("ACCEPT")
        return Parsed(intent, offer_ref=ref, exact=ref is not None or bare or accepted)
    if (
        intent == "accept"
        and _WHICH_OFFER.match(rest)
        and not _AT_A_TIME_ONLY.match(rest)
        and (ref is None or len(ref) >= 3)
        and not _I_CAN.search(m.group("yes"))
    ):
        # "count me in for saturday": the offer named by its day; "can do tmrw" is free time
        return Parsed(intent, offer_ref=ref, days=_offer_day(rest, ctx) if ref is None else ())
    if intent == "accept" and ref and len(ref) >= 3 and not _NEGATION.search(rest):
        return Parsed(intent, offer_ref=ref)  # "yes to 2215, and im free sat too 9-1"
    if intent == "decline" and _NEXT_TIME.search(rest):
        # "nu pot atunci, am nunta, poate data viitoare": maybe next time is about an offer
        return Parsed(intent, offer_ref=ref or find_ref(rest))
    if intent == "decline" and (working := _WORKING_THEN.match(rest)) is not None:
        # "cant im working that day", and free time besides: "... but free sunday 10-4"
        after = rest[working.end() :]
        free = _AND_FREE.match(after) or _FREE_BESIDES.match(after)
        if free is not None and find_ranges(free["then"], None)[0]:
            return Parsed(intent, offer_ref=ref, then=free["then"])
        if not after:
            return Parsed(intent, offer_ref=ref)
    if (
        intent == "decline"
        and _CANT_WORD.match(m.group("no"))
        and not _THAT_ONE.search(m["no"])
        and not rest.startswith("that day")
    ):
        # "cant make 4821", "cant do tuesday": a booking given up is read as such; "cant do
        # that one, too far" and "cant make it that day" answer what was asked
        return None
    if intent == "decline" and _PASSING.match(m.group("no")) and not _ELSE.search(rest):
        # "no thanks, got my little one that day": passing in so many words, whatever follows
        return Parsed(intent, offer_ref=ref or find_ref(rest))
    if intent == "decline" and _NOT_FREE.match(m.group("no")) and _AWAY_A_WHILE.search(rest):
        return None  # "not available next week, on holiday": away, for a person to read
    if intent == "decline" and (ref or _A_REASON.search(rest)) and not _ELSE.search(rest):
        # "no 4821 too far", "no sorry im busy": a reason may follow a NO to an offer
        if ref is None and _CANT_DAY.search(rest) and not find_ref(rest):
            return None  # "no, cant do tuesday": which shift, a booking or an offer, is asked
        return Parsed(intent, offer_ref=ref or find_ref(rest))
    if (
        intent == "accept"
        and _TAKEN_OUTRIGHT.search(m.group("yes"))
        and "?" not in rest
        and not _NEGATION.search(rest)
        and not find_days(rest, ctx.at)[0].said_a_day
        and not find_ranges(rest, None)[0]
        and not find_ref(rest)
    ):
        # "ok accept, sper sa prind autobuzul la timp": taken in so many words, and a remark
        return Parsed(intent, offer_ref=ref)
    if (
        ref is None
        and (said := find_ref(rest))
        and not _NEGATION.search(rest)
        and not find_ranges(rest, None)[0]
        and not _ASKS_ABOUT.search(rest)
    ):
        # "Yes, I would be happy to take the shift on Thursday, reference 7734."; with hours
        # ("can do thurs 8am-4pm, 97214") it is free time, and the number a place
        return Parsed(intent, offer_ref=said)
    return None  # "yes i can work sat" is availability; "yes 4821 and 5102" is two answers


def free_day_as_a_yes(body: str, at: datetime, language: str | None) -> tuple[str, ...] | None:
    """ "yes i can do tomorrow", "tak, mogę jutro", "sí, estoy libre el viernes": a yes, then
    a day said as free time with no hours. Alone it asks the hours; from a worker with an offer
    open on that day it takes that offer. The one weekday said, () when none is, or None when
    the text is no such yes."""
    said = _YES_FREE_ON.match(Text.of(body, language).core)
    return None if said is None else one_day(said["day"], at)


def one_day(said: str, at: datetime) -> tuple[str, ...] | None:
    """The one weekday that `said` (canonical words) names and nothing else, () when it names none, None when it
    says more than a day."""
    if any(not is_day_word(word) and word not in _BESIDE_THE_DAY for word in words_of(said)):
        return None  # hours, a but, a question: more than a day
    spec, _ = find_days(said, at)
    if spec.part_of_day:
        return None  # "yes i can do tomorrow morning": an offer's hours may be others
    if spec.date is not None:
        return (WEEKDAYS[spec.date.weekday()],)
    if spec.days and len(spec.days) == 1 and not spec.recurring:
        return spec.days
    return None if spec.said_a_day else ()


# A yes, then being free: "yes i can do", "yeah im free", "ok can work" (the core, in English).
_YES_FREE_ON = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|ya|sure|ok|okay|of\s+course|definitely)\W+(?:i\s+)?"
    r"(?:can(?:\s+(?:do|work|come(?:\s+in)?|make\s+it|cover(?:\s+it)?|be\s+there))?|could\s+do"
    r"|(?:i\s*)?(?:m|am)\s+(?:free|available|around)|free|available)(?P<day>(?:\W+[a-z0-9]+)*)\W*$"
)
# "i can do the shift", "yes i want that job", "can take this shift tomorrow" (the core)
_CAN_DO_THE_SHIFT = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|yup|ya|sure|ok|okay)\W+)?(?:i\s+)?(?:can\s+(?:do|take|work"
    r"|cover)|could\s+do|will\s+(?:do|take)|ill\s+(?:do|take)|want|would\s+like|id\s+like)\s+"
    r"(?:(?:the|that|this|your|ur)\s+)?(?:shift|job)(?P<day>(?:\W+[a-z0-9]+)*?)\W*$"
)
_BESIDE_THE_DAY = frozenset({"on", "for", "the", "this", "that", "day", "too", "also", "then"})


def _typed_as_drop(original: str) -> bool:
    """Whether a text begins with DROP as some language's replies spell it ("DROP", "anuluj",
    "CANCELAR"), not a word the reader mended into it ("dorp")."""
    first = re.match(r"\W*([^\W\d_]+)", fold(original))
    return first is not None and first.group(1) in {"drop", "cancel", *_command_words("DROP")}


def typed_as_the_command(original: str, command: str) -> bool:
    """Y or N, or TAK, NIE, SIM, NÃO..., typed as the command (one letter, or in capitals), as
    the replies ask: "N", "NIE", "Y"; not "no" or "yes" said in words."""
    said = original.strip(" .!?")
    return fold(said) in _command_words(command) and (len(said) == 1 or said.isupper())


@cache
def _command_words(command: str) -> frozenset[str]:
    """The word each language's replies give for a command: for N "n", "nie", "nu", "nao"."""
    return frozenset(fold(lang.commands[command]) for lang in languages().values())


def _offer_day(rest: str, ctx: Context) -> tuple[str, ...]:
    """The one day a YES names its offer by ("yes saturday", "tak, ten na jutro"), if any."""
    spec, _ = find_days(rest, ctx.at)
    if spec.date is not None:
        return (WEEKDAYS[spec.date.weekday()],)
    return spec.days if len(spec.days) == 1 else ()


# The NOs that are a whole answer to an offer on their own.
_PASSING = re.compile(
    r"no\W+thank|not\s+this\s+time|ill\s+pass|(?:ill\s+)?give\s+it\s+a\s+miss|(?:ill\s+)?skip"
    r"|not\s+for\s+me|not\s+interested"
)
_CANT_DAY = re.compile(r"(?<![a-z])(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|weekends?)(?![a-z])")  # fmt: skip


def pass_on(t: Text, ctx: Context) -> Parsed | None:
    """Passing on an offer in words: "i'll pass on this one", "tej nie wezmę, za daleko",
    "essa não dá, muito longe". Asked back before anything changes, as any NO in words is."""
    if (
        _PASS.search(t.norm)
        or (_THIS_ONE.match(t.core) and _TOO.search(t.norm))
        or (_TOO.match(t.core) and _CANT_TAKE.search(t.norm))
    ):
        # "za wczesnie dla mnie, nie dam rady tej wziac": the reason first, then the NO
        return Parsed("decline", offer_ref=find_ref(t.norm), days=_days(t.norm, ctx))
    return None


_CANT_TAKE = re.compile(
    r"(?<![a-z])(?:cant\s+make\s+it|cant\s+do\s+(?:it|that|this)|cant\s+take\s+(?:it|that|this))"
    r"(?![a-z])"
)
_PASS = re.compile(
    r"(?<![a-z])(?:wont\s+take|will\s+not\s+take|not\s+taking|(?:dont|do\s+not)\s+want)\s+"
    r"(?:it|this|that)(?:\s+one)?(?![a-z])|(?<![a-z])(?:(?:ill|i\s+will|i|gonna|going\s+to)\s+)?pass"
    r"\s+on\s+(?:it|this|that|[0-9]{3,8})(?:\s+one)?(?![a-z])|^\W*(?:ill|i\s+will|i|gonna)\s+pass(?![a-z])"
    r"|(?<![a-z])(?:give|giving)\s+(?:this|that|it)(?:\s+one)?\s+a\s+miss(?![a-z])"
    r"|(?<![a-z])(?:ill\s+)?skip\s+(?:this|that|it)(?:\s+one)?(?![a-z])"
    r"|(?<![a-z])this\s+time\s+(?:i\s+)?(?:cant|cannot|cant\s+make\s+it|no|not)(?![a-z])"
    r"|(?<![a-z])(?:cant|cannot)\s+(?:make\s+it\s+)?this\s+time(?![a-z])|(?<![a-z])not\s+this\s+time(?![a-z])"
    r"|(?<![a-z])pass\s+(?:this|that)(?:\s+one)?(?![a-z])"
    # "pay too low", "not enough money": a no to the offer with its reason
    r"|^\W*(?:(?:no|nah|sorry)\W+)*(?:the\s+)?(?:pay|money|rate)(?:\s+is|s)?\s+(?:too\s+(?:low|little)"
    r"|not\s+enough)(?![a-z])"
    r"|^\W*(?:(?:no|nah|sorry)\W+)*(?:its\s+|thats\s+)?not\s+enough\s+(?:money|pay)(?![a-z])"
    r"|^\W*(?:(?:no|nah|sorry)\W+)*(?:it\s+)?(?:doesnt|does\s+not|dont)\s+pay\s+enough(?![a-z])"
    # "i wont be able to take the shift on thursday", "nie mogę przyjąć tej zmiany"
    r"|(?<![a-z])(?:wont|cant|cannot|unable\s+to)\s+(?:be\s+able\s+to\s+)?(?:take|accept)\s+(?:the|this"
    r"|that)\s+(?:shift|offer|job)(?![a-z])|(?<![a-z])decline\s+(?:this|that|the)\s+(?:one|shifts?"
    r"|offer)(?![a-z])"
    r"|(?<![a-z])(?:cant|cannot|wont|not)(?![a-z]).*(?<![a-z])for\s+(?:that|this|so\s+little)\s+"
    r"(?:money|price|rate|pay|amount)(?![a-z])"
    # Taken already: "sorry im already booked that day", "already got work then".
    r"|(?<![a-z])(?:im|i\s+am|i\s+m)\s+already\s+(?:booked|working|busy)(?![a-z])"
    r"|(?<![a-z])already\s+(?:got|have)\s+(?:a\s+|another\s+)?(?:shift|job|work|booking)(?![a-z])"
    # A reason, then the answer: "too little for the journey, no thanks", "..., ill pass".
    r"|[,.;]\s*(?:no\s+thanks?(?:\s+you)?|(?:ill|i\s+will|gonna)\s+pass)\W*$"
    # Not at that pay: "not for 12 quid an hour".
    r"|(?<![a-z])not\s+for\s+(?:£|\$|€)?[0-9]+(?:[.,][0-9]+)?\s*(?:quid|pounds?|dollars?|euros?"
    r"|an?\s+hour|per\s+hour|ph|/h|/hr)(?![a-z])"
)
# "this one no, too far", "not that one", "i cant do this one, too far"
_THIS_ONE = re.compile(
    r"^\W*(?:(?:on\s+the\s+)?(?:this|that)(?:\s+one)?\W+(?:no|not|cant)|not\s+(?:this|that)"
    r"(?:\s+one)?|i\s+cant\s+do\s+(?:this|that)\s+one)(?![a-z])"
)
_TOO = re.compile(r"(?<![a-z])(?:too\s+(?:far|early|late|short|long)|not\s+for\s+me)(?![a-z])")


_YES_THEN_DROP = re.compile(
    r"^\W*(?:(?:yes+|yeah|yep|y|ok|okay|sure|please|pls)\W+)+(?:drop|cancel)"
    r"(?:\s+(?:it|please|pls|thanks))*\W*$"
)


def cancel(t: Text, ctx: Context) -> Parsed | None:
    """Giving up a booked shift: DROP 4821 (exact), and in words: "cant make it wednesday",
    "I won't be able to come tomorrow", "need to cancel 4821", "can i drop thursdays shift";
    with the part of the day said ("cant do tomorrow afternoon"), which of two bookings it is."""
    found = _given_up(t, ctx)
    if found is None or found.exact or found.then:
        return found
    if found.offer_ref is None and _days_on_end(t.norm, ctx):
        return None  # "cant work 20 dec to 3 jan": away those days, not one booking given up
    if found.offer_ref is None and not found.days and _PARTS_OF_EVERY_DAY.search(t.norm):
        return None  # "cant do mornings anymore": how they work from now on, for a person
    part = find_days(t.norm, ctx.at)[0].part_of_day
    return replace(found, part_of_day=part) if part else found


_PARTS_OF_EVERY_DAY = re.compile(r"(?<![a-z])(?:mornings|afternoons|evenings|nights)(?![a-z])")


def _days_on_end(norm: str, ctx: Context) -> bool:
    """Whether a text names dates from one day to a later one ("20 dec to 3 jan")."""
    said = date_range(norm)
    if said is None:
        return False
    first, last = first_of_range(said, ctx.at), last_of_range(said, ctx.at)
    return first is not None and last is not None and first < last


def _given_up(t: Text, ctx: Context) -> Parsed | None:
    if _NOT_CANCELLING.search(t.norm) or _FREE_TIME_NAMED.search(t.norm):
        return None  # "not cancelling, just running late"; "cancel my availability": free time
    if _TAKE_ME_OFF.search(t.norm):
        if find_days(t.norm, ctx.at)[0].recurring:
            return None  # "take me off mondays": how they work, not a booking given up
        return Parsed("cancel", offer_ref=find_ref(t.norm), days=_days(t.norm, ctx))
    if _YES_THEN_DROP.match(t.core):
        # "yes drop it", "tak, anuluj": DROP alone, said as the answer to "Drop your shift?"
        return Parsed("cancel", exact=True)
    m = _DROP.match(t.core)
    if m is not None:
        ref, rest = m.group("ref"), m.group("rest")
        if ref is not None:
            # "DROP 4821" acts at once; in a longer sentence, or misspelt, it is asked back first.
            exact = _typed_as_drop(t.original) and not _COURTESY_ONLY.sub("", rest).strip()
            return Parsed("cancel", offer_ref=ref, days=_days(rest, ctx), exact=exact)
        if _OPT_OUT_WORDS.match(rest) and not _SHIFTS_NAMED.search(rest):
            return None  # "cancel my texts" is an opt-out in other words; STOP is asked for later
        days = _days(rest, ctx)
        if not _COURTESY_ONLY.sub("", rest).strip(" .!?") and t.first in ("drop", "cancel"):
            # DROP alone: the booking the exchange just asked about, if it did; else asked which
            return Parsed("cancel", exact=True)
        if _EVERY_BOOKING.search(rest):
            # "cancel all my shifts", "drop both": each asked back with its own DROP
            return Parsed("cancel", days=days, detail="all")
        if not rest.strip(" .!?") or days or _BOOKED_THING.search(rest) or _REASON.search(rest):
            return Parsed("cancel", days=days)
        return None  # "drop off point is where?", "cancel el autobus": not about a booking
    m = _DROP_ANYWHERE.search(t.norm)
    if m is not None and not _OPT_OUT_WORDS.search(t.norm[m.end() :][:12]):
        return Parsed("cancel", offer_ref=m.group("ref"), days=_days(t.norm, ctx))
    if _SICK_ALONE.match(t.norm):
        # "sorry im sick", "jestem chora": the booking coming soonest, asked back, never dropped
        return Parsed("cancel", days=_days(t.norm, ctx))
    m = _CANT.search(t.norm)
    if m is None:
        m = _DAY_THEN_CANT.search(t.norm)
        if m is None:
            return None
        # "w sobotę nie mogę, ale w niedzielę mogę 9-17": free time offered after the "but"
        contrast = _CONTRAST.search(t.norm, m.end())
        then = t.norm[contrast.end() :] if contrast is not None else None
        ref = find_ref(t.norm[: contrast.start()] if contrast is not None else t.norm)
        return Parsed("cancel", offer_ref=ref, days=_days(m.group("day"), ctx), then=then)
    # The day may be in the words matched ("cant tomorrow") or after them ("cant make it wed"),
    # up to a "but": "cant tomorrow but yes to friday" gives up tomorrow, not Friday.
    rest = t.norm[m.start() :]
    then = None
    if (contrast := _CONTRAST.search(rest)) is not None:
        then = rest[contrast.end() :]
        rest = rest[: contrast.start()]
        if contrast.group() == "instead":
            # "cant tomorrow, wednesday instead": the clause before "instead" is offered.
            rest = _CLAUSE.split(rest)[0] if _CLAUSE.search(rest) else rest
            then = None
    # "cant do tomorrow, can do wednesday": a day offered after is not given up.
    if (offered := _OFFERED_BEFORE.search(rest, m.start("rest") - m.start())) is not None:
        # "only saturday" is "can do saturday", whose offer, if open, is shown
        can_do = rest[offered.end() :] if offered.group() in ("only", "just") else None
        then = (f"can do{can_do}" if can_do else rest[offered.start() :]) + (
            f" {then}" if then else ""
        )
        rest = rest[: offered.start()]
    ref = find_ref(rest)
    # "tuesday cant make it, my kid is ill": the day is said before, when not after; and not
    # before a "but": "friday is fine but cant make it" keeps Friday.
    before = _CONTRAST.split(t.norm[: m.start()])[-1]
    in_rest = _days(rest, ctx)
    days = in_rest or (() if _OFFERED_BEFORE.search(before) else _days(before, ctx))
    spec, _ = find_days(rest, ctx.at)
    if spec.recurring or (not in_rest and find_days(before, ctx.at)[0].recurring):
        # "cant work weekends", "take me off weekends, cant do them anymore": how they work,
        # not a booking given up
        return None
    said_when = ref is not None or bool(days) or spec.date is not None
    # "i cant do the shift", "não posso fazer o turno": one shift, booked or offered
    one_shift = _ONE_SHIFT.search(rest)
    every = "all" if ref is None and _EVERY_BOOKING.search(rest) else None
    if said_when or one_shift or every or _NO_LONGER.search(rest) or _REASON.search(t.norm):
        return Parsed("cancel", offer_ref=ref, days=days, then=then, detail=every)
    return None


# Ill, and no more said: "sorry im sick", "feeling unwell today x".
_SICK_ALONE = re.compile(
    r"^\W*(?:(?:sorry|so\s+sorry|hi|hello|morning|good\s+morning)\W+)*"
    r"(?:(?:im|i\s+am|i\s+m|feeling|im\s+feeling|i\s+feel|i\s+got|ive\s+got|got|i\s+have)\s+)?"
    r"(?:really\s+|very\s+|so\s+|too\s+|quite\s+)?(?:sick|ill|unwell|poorly|not\s+well|not\s+feeling"
    r"\s+well|under\s+the\s+weather|covid|the\s+flu|flu|a\s+(?:high\s+)?(?:fever|temperature)"
    r"|a\s+(?:bad\s+)?cold|(?:a\s+|the\s+)?(?:stomach|sickness|tummy)\s+bug|food\s+poisoning"
    r"|a\s+migraine)"
    r"(?:\W+(?:sorry|so\s+sorry|x+|today|now|this\s+morning))*\W*$"
)
# Every booking, not one: "all my shifts", "both", "any of my shifts this week".
_EVERY_BOOKING = re.compile(
    r"(?<![a-z])(?:all\s+(?:of\s+)?(?:my|the|them|those|these)(?:\s+(?:shifts|bookings|jobs))?"
    r"|all\s+(?:shifts|bookings|jobs)|both(?:\s+(?:of\s+them|shifts|bookings|jobs))?"
    r"|(?:every|each)\s+(?:shift|booking|job)|any\s+of\s+(?:my|the|them)(?:\s+(?:shifts|bookings"
    r"|jobs))?|everything)(?![a-z])"
)
_CONTRAST = re.compile(r"(?<![a-z])(?:but|however|though|although|instead)(?![a-z])")
_ONE_SHIFT = re.compile(r"(?<![a-z])(?:shift|booking)(?![a-z])")
_CLAUSE = re.compile(r"[,;.!]|(?<![a-z])(?:and|or|so)(?![a-z])")
_NOT_AFTER_ALL = re.compile(
    r"(?<![a-z])(?:not|no\s+longer)\s+(?:available|free|able\s+to\s+(?:do|make|work))(?![a-z])"
    r"(?P<rest>.*)(?<![a-z])(?:after\s+all|anymore|any\s+more)(?![a-z])"
)


def given_up(t: Text, ctx: Context) -> Parsed | None:
    """ "not available saturday after all": a day promised and now given up is a booking to drop."""
    m = _NOT_AFTER_ALL.search(t.norm)
    if m is None:
        return None
    return Parsed("cancel", offer_ref=find_ref(t.norm), days=_days(m.group("rest"), ctx))


def _days(s: str, ctx: Context) -> tuple[str, ...]:
    """The weekdays a text names, or the weekday of the one date it gives ("tomorrow"). In the
    small hours "tomorrow" may be the day after the night, today: both are named, and the
    question back names the booking's date."""
    spec, _ = find_days(s, ctx.at)
    if spec.days:
        return spec.days
    if spec.date is None:
        return ()
    said = (spec.date,)
    if spec.label == "tomorrow" and ctx.at.hour < SMALL_HOURS_END:
        said = (ctx.at.date(), spec.date)
    return tuple(WEEKDAYS[day.weekday()] for day in said)
