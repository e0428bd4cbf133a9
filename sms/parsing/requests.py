"""Questions and complaints: DISPUTE, APPEAL, WHY, MY DATA, EARNINGS, RATES, SHIFTS."""

from __future__ import annotations

import re
from dataclasses import replace

from sms.parsing.availability import has_hours
from sms.parsing.complaints import category_in, urgent_category
from sms.parsing.days import find_days, whole_day
from sms.parsing.keywords import I_MEANT, far_asked
from sms.parsing.places import place_in
from sms.parsing.reading import fuzzy
from sms.parsing.result import Parsed
from sms.parsing.shiftday import WRONG_PLACE, says_finished, says_held_up
from sms.parsing.text import Context, Text, find_ref, split_ref
from sms.parsing.vocab import find_skills

_DISPUTE_WORDS = ("dispute", "disputes", "disputed", "complaint", "complain", "complaints")
# A break not had: a complaint on its own, or the timesheet's break beside hours finished.
_NO_BREAK_SAID = r"(?:no|didnt\s+get\s+(?:a|my))\s+break"
_PAY_COMPLAINT = re.compile(
    r"(?<![a-z])(?<!no )(?<!not a )(?<!any )(?:problems?|issues?)(?![a-z])(?!\s+(?:at\s+all|thanks))"
    r"|(?<![a-z])(?<!no\s)(?:complain\w*|dispute\w*|unfair|wrong(?!\s+(?:number|person|text))|incorrect"
    r"|underpaid|under\s*paid|short\s*paid|short\s*changed|ripped\s+off|scammed|not\s+right(?!\s+now)"
    r"|not\s+(?:been\s+|being\s+)?paid|no\s+pay|unpaid|still\s+not\s+paid"
    r"|(?:didnt|did\s+not|havent|have\s+not|hasnt|has\s+not|never|dont|wasnt|was\s+not|werent"
    r"|not|still\s+not|still\s+havent)\s+(?:been\s+|get\s+|got\s+|getting\s+|gotten\s+)?"
    r"(?:pay|paid|payed)"
    r"|(?:havent|hasnt|didnt|wasnt|have\s+not|did\s+not)\s+i\s+(?:been\s+|got\s+|get\s+)?paid"
    r"|(?:owe|owes)\s+me|missing\s+(?:pay|money|hours|wages)|(?:want|wanting)\s+(?:paying|my\s+money)"
    r"|(?:pay|money|hours|wages)\s+(?:is\s+|are\s+)?(?:missing|short|wrong)"
    r"|only\s+(?:got\s+|been\s+|get\s+)?paid|(?:they\s+)?only\s+paid|paid\s+(?:me\s+)?(?:only|just)"
    r"|paid\s+(?:me\s+)?(?:for\s+)?[0-9.,]+\s*(?:hours?|hrs?|h)\s+(?:but|not|when|and|y|e|a|i|si)"
    r"|paid\s+.{0,20}less|less\s+than\s+(?:my|the|i|what)|said\s+my\s+rate\s+was"
    rf"|changed\s+my\s+hours|{_NO_BREAK_SAID}|sent\s+(?:me\s+)?home"
    r"|(?:money|pay|hours)\s+missing|missing\s+(?:money|pay|hours)|refused\s+to\s+pay"
    # "kept me waiting 2 hours"; "kept me an extra hour" is staying on, the hours to be sent
    r"|kept\s+me(?!\s+(?:(?:an?\s+)?(?:extra|another|additional)|late|later|longer|on|over)(?![a-z]))"
    r"|extra\s+hours?\s+(?:not|unpaid|without)|overtime|dont\s+match|doesnt\s+match"
    # "i did 6 hours but the sheet says 5": the hours recorded, put in question
    r"|(?:time\s*)?sheets?\s+(?:says?|said|shows?|showed|has|had)\s+(?:only\s+)?[0-9]"
    # "worked 4 hours but got paid for 3", "pracowałam 4 godziny a zapłacili 3": hours worked,
    # then fewer paid (never a rate: "paid 13 an hour")
    r"|(?:worked|did|done)\s+[0-9.,]+\s*(?:hours?|hrs?|h)(?![a-z]).*?(?<![a-z])(?:paid|payed|pay)"
    r"(?:\s+(?:me|us|for|only|just))*\s+[0-9.,]+(?![0-9.,])"
    r"(?!\s*(?:pounds?|quid|£|p(?![a-z])|an?\s+hour|per|ph(?![a-z])|/\s*h))"
    r"|treated\s+me\s+badly|not\s+happy\s+with\s+(?:the\s+|my\s+)?(?:pay|money|hours)"
    r"|(?:nobody|no\s+one|noone)\s+(?:was\s+)?there|locked\s+out|wrong\s+amount"
    r"|(?:they|client|buyer|manager|home|she|he)\s+cancel\w*\s+on\s+me|who\s+will\s+pay\s+me"
    r"|(?:hours|timesheet|it|app|text)\s+(?:on\s+\S+\s+)?says?\s+[0-9.,]+\s*(?:h|hrs?|hours?)?\s+but"
    # "they cancelled me when i was there, i want a travel refund", "came for nothing"
    r"|they\s+cancell?ed\s+me|(?:travel|fare|bus|train)\s+(?:refund|money)|refund"
    r"|(?:came|went|got\s+there|travell?ed)\s+(?:\w+\s+)?for\s+nothing|not\s+needed\s+(?:any\s*more|after\s+all)"
    # "they paid me $15 an hr but the job said $19": figures that do not agree
    r"|paid\s+(?:me\s+)?[£$€]?[0-9]+(?:[.,][0-9]+)?.{0,30}?(?<![a-z])but(?![a-z]).{0,30}?[£$€]?[0-9]"
    r"|(?:offer|job|advert|ad|text|it)\s+said\s+[£$€]?[0-9].{0,40}?(?<![a-z])paid(?![a-z])"
    r"|only\s+got\s+[0-9].{0,40}?(?<![a-z])but\s+(?:i\s+)?(?:did|worked)\s+[0-9]"
    r"|stayed\s+(?:late|till|until|on)|should\s+have\s+been|(?:rate|pay)\s+(?:is|was)\s+wrong"
    r"|turned\s+me\s+away|(?:dont|do\s+not|didnt|did\s+not)\s+need\s+(?:me|us|anyone|anybody)(?!\s+to(?![a-z]))"
    r"|cancel\w*\s+(?:when|after|once|while)\s+i\s+(?:was|had|got)"
    # Figures that do not agree: "only $96, i worked 6 hrs", "put me 5 hours and i worked 7",
    # "paid 11 instead of 13", "its short £26", "payslip says 13.00 but the offer said 13.50"
    r"|(?:short|missing)\s+(?:by\s+)?[£$€]?[0-9]+|[0-9]+\s*(?:hours?|hrs?|h|pounds?|quid)\s+(?:missing|short)"
    r"|(?:paid|pay|rate|gave|got)\W.{0,30}instead\s+of\s+[£$€]?[0-9]+|instead\s+of\s+[£$€][0-9]+"
    r"|should\s+(?:be|have\s+been)\s+[£$€]?[0-9]+"
    r"|only\s+[£$€][0-9]+|(?:put|marked|counted|gave|booked)\s+(?:me\s+)?(?:for\s+)?[0-9.,]+\s*(?:hours?"
    r"|hrs?|h)\s+(?:but|and|when|y|e|a)|says?\s+[£$€]?[0-9.,]+\s+but\s+(?:the\s+)?(?:offer|job|shift|it)"
    r"|(?:paid|pay)\s+(?:me\s+)?late|late\s+(?:pay|payment)"
    r"|(?:turned\s+up|got\s+there|arrived|came)\s.{0,60}cancel\w*|comments?\s+about\s+my"
    r"|(?:calls?|called)\s+me\s+(?:a\s+)?(?:stupid|names|idiot)|keeps?\s+shouting"
    # What was worked against what they count: "i was there 6 hours but they say 4", "worked
    # 9-5 but they paid me 6"; sent away before the end: "told me to leave after 2 hours".
    r"|(?:worked|did|was\s+there)\s+[^0-9]{0,15}[0-9].{0,30}\b(?:but|and)\s+(?:they\s+|she\s+|he\s+)?"
    r"(?:only\s+|just\s+)?(?:paid|pay|say|says|said|put|marked|counted|wrote)(?:\s+(?:me|it))?"
    r"(?:\s+(?:for|as|only|just))?\s+[£$€]?[0-9]"
    r"|told\s+(?:me\s+)?to\s+(?:leave|go\s+home)(?:\s+(?:early|after))?)(?![a-z])"
)
_APPEAL = re.compile(r"(?<![a-z])appeal(?![a-z])")
# A no-show contested: "they marked me no show but i was there", "says i didnt turn up".
_NO_SHOW_CONTESTED = re.compile(
    r"(?<![a-z])(?:(?:marked|put|recorded|logged|said|says|saying|reported)\s+(?:me\s+)?(?:down\s+)?"
    r"(?:as\s+)?(?:a\s+)?no\s*-?\s*show|(?:i\s+)?(?:wasnt|was\s+not)\s+a\s+no\s*-?\s*show"
    r"|(?:says|said|saying)\s+i\s+(?:didnt|did\s+not|never)\s+(?:turn|show)\s+up)(?![a-z])"
)
_HOW_COME = re.compile(r"^how\s+come(?![a-z])")

_DELETE = re.compile(
    r"(?<![a-z])(?:delete|remove|erase|wipe|forget)\s+(?:all\s+)?(?:of\s+)?(?:me|my\s+(?:data"
    r"|account|details|info|information|profile|number|personal\s+data|stuff)|everything)(?![a-z])"
    r"(?!\s+from\s+(?:the\s+|that\s+|this\s+)?(?:shift|job|booking|offer))"
    r"|(?<![a-z])(?:my\s+)?(?:data|details|info|information|number|account)\s+(?:to\s+be\s+)?"
    r"(?:deleted|removed|erased|wiped)(?![a-z])"
)
_DELETE_ALONE = frozenset(("delete", "delete data", "delete account", "delete all"))
_MINE = (
    r"(?:my|me|mine)\s+(?:personal\s+)?(?:data|details|info|information|file|record|records"
    r"|profile|account)|me(?![a-z])(?!\s+\w)"
)
_WHO_SAW = re.compile(
    r"(?<![a-z])who(?:s|\s+has|\s+have|\s+can|\s+could|\s+did|\s+else)?\s+(?:\w+\s+){0,2}?"
    r"(?:saw|seen|see|sees|looked|look|viewed|view|accessed|access|checked|read)(?![a-z])"
    rf"(?:\s+(?:at|into))?\s+(?:{_MINE})(?![a-z])"
    r"|^who\s+saw$|^who\s+(?:has\s+)?seen$"
    rf"|(?<![a-z])(?:which|what)\s+\w+\s+(?:has|have)\s+(?:seen|looked\s+at|viewed)\s+(?:{_MINE})(?![a-z])"
    rf"|(?<![a-z])(?:have|has)\s+seen\s+(?:{_MINE})(?![a-z])"
    rf"|(?<![a-z])who\s+(?:has\s+)?(?:accessed|looked\s+at|been\s+looking\s+at)\s+(?:\w+\s+)?(?:{_MINE})"
    rf"|(?<![a-z])(?:has|have|did)\s+(?:any\s*one|anybody|someone|somebody|staff)\s+(?:\w+\s+){{0,4}}?"
    rf"(?:looked|seen|viewed|accessed|checked|read)(?:\s+(?:at|into))?\s+(?:{_MINE})(?![a-z])"
)
_MY_RECORD = re.compile(
    r"(?<![a-z])my\s+(?:work\s+)?(?:record|records|history|points|penalty\s+points)(?![a-z])"
    r"|(?<![a-z])(?:how\s+many|any)\s+(?:penalty\s+)?points|(?:am\s+i|have\s+i\s+been|im)\s+"
    r"(?:banned|suspended|blocked|paused|barred)|penalty\s+points?(?![a-z])"
)
_MY_DATA = re.compile(
    r"(?<![a-z])my\s+(?:data|info|information|details|personal\s+(?:data|info|details)|profile)"
    r"(?![a-z])|(?<![a-z])(?:know|have|hold|keep|store)\s+(?:\w+\s+){0,2}?(?:about|on)\s+me(?![a-z])"
    r"|(?<![a-z])what\s+data(?![a-z])"
    # The worker's own terms: "whats my rate", "how much do i charge" (MY DATA says them)
    r"|^\W*(?:what\s+is|whats|what\s+s|what)\s+my\s+(?:hourly\s+)?(?:rate|price|postcode|area"
    r"|skills?|notice)(?:\s+(?:on\s+file|now|at\s+the\s+moment|here|with\s+you|(?:per|an|a)\s+hour))?\W*$|^\W*how\s+much\s+(?:do|am)\s+i\s+(?:charge|charging|ask|asking)\W*$"
    r"|^\W*what\s+(?:rate|price)\s+(?:am\s+i\s+on|do\s+i\s+(?:have|charge))\W*$|^\W*my\s+rate\W*$"
)
# "add it to my profile": a change to make, not a question about what is held.
_ADDING = re.compile(r"(?<![a-z])(?:add|put)(?![a-z])")

# The worker themself: "what did i earn". "Near me" is a place, not the worker's own figures.
_SELF = re.compile(
    r"(?<![a-z])(?<!near\s)(?<!round\s)(?<!around\s)(?<!by\s)(?:i|im|ive|id|me|my|mine)(?![a-z])"
)
_EARNINGS_FIRST = frozenset(
    ("earnings", "earning", "earned", "payslip", "payslips", "statement", "statements", "balance",
     "wages", "pay", "paid", "payments")
)  # fmt: skip
_MY_PAY = re.compile(
    r"(?<![a-z])my\s+(?:pay|earnings|wages|money|payslips?|statements?|balance|income|payments?)"
    r"(?![a-z])|(?<![a-z])(?:total|this\s+(?:week|months?)s?)\s+(?:earnings|pay|wages)(?![a-z])"
    r"|(?<![a-z])(?:earnings|wages)\s+(?:this|for\s+the)\s+(?:week|month)(?![a-z])"
)
_EARN_WORDS = re.compile(
    r"(?<![a-z])(?:earn\w*|paid|payed|owed|wages|tax|money"
    r"|how\s+much\s+(?:have|did|do|will|would|am)\s+i\s+(?:make|made|get|got|getting|owed))"
    r"(?![a-z])"
)
_EARNED = re.compile(
    r"(?<![a-z])(?:how\s+much\s+money\s+(?:did|have|do|am|i)|how\s+much\s+(?:have|did)\s+i\s+(?:earn"
    r"|earned|earnt|make|made)|my\s+total(?:\s+so\s+far)?|total\s+so\s+far|whens?\s+payday"
    r"|when\s+(?:is|s)\s+payday|when\s+do\s+i\s+get\s+paid"
    r"|how\s+many\s+hours\s+(?:did|have|do)\s+i\s+(?:do|done|work|worked|put\s+in)"
    r"|(?:pay|payment|money|wages)\s.{0,40}when\s+does\s+it\s+come(?:\s+in)?)(?![a-z])"
)
_MONEY_ARRIVED = re.compile(
    r"(?<![a-z])(?:money|pay|payment|wages)\s+(?:for\s+\S+\s+)?(?:go|gone|went|come|came|arrive"
    r"|arrived|land|landed)(?:\s+(?:in|through))?(?![a-z])"
)

_RATES_FIRST = frozenset(("rates", "rate", "prices", "price"))
_RATES_ASKED = re.compile(
    r"(?<![a-z])(?:how\s+much\s+(?:do|does|is|are|can|will|would|for|they|an?|the|per|pay|should"
    r"|to\s+charge|to\s+ask|people)"
    r"|what\s+(?:do|does|did|will|would|is|are|can|should)\s+(?:\w+\s+){0,4}?(?:pay|pays|paying"
    r"|earn|earns|make|makes|get|gets|getting|charge|charges|charging|rate|rates|wage|ask)"
    r"|(?:going|average|avg|usual|typical|normal|current)\s+(?:rate|rates|pay|wage|wages|price)"
    r"|(?:rates?|pay|wages?)\s+(?:for|in|round|around|near)|what\s+is\s+\w+\s+going\s+for"
    r"|how\s+much\s+does\s+(?:it|one)\s+(?:pay|get)"
    r"|what\s+(?:rates?|pay|wages?)\s+(?:do|does|did|are|is|can)\s+(?:\w+\s+){0,3}?(?:get|gets|getting"
    r"|earn|earns|paid|charge|charges|charging|make|makes))(?![a-z])"
)

_SHIFTS_FIRST = frozenset(
    ("shifts", "shift", "jobs", "job", "work", "gigs", "gig", "vacancies", "openings", "offers",
     "bookings", "booking")
)  # fmt: skip

# A day a question asks about: "for saturday", "on the weekend", "tmrw".
_FOR_A_DAY = (
    r"(?:(?:for|on)\s+)?(?:the\s+)?(?:today|tonight|tomorrow|tmrw|this\s+week|next\s+week"
    r"|(?:this\s+)?weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?"
    r"|weds?|thur?s?|fri|sat|sun)(?![a-z])"
)

_A_DAY = r"(?:(?:today|tonight|tomorrow|tmrw)s?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)"
_SHIFTS_ASKED = re.compile(
    r"(?<![a-z])(?:any|got|have\s+you\s+got|is\s+there|are\s+there|what|which|more|need|needs"
    r"|looking\s+for|want)\s+(?:\w+\s+){0,2}?(?:work|shifts?|jobs?|gigs?|offers?|vacancies|bookings?)"
    r"(?![a-z])"
    r"|(?<![a-z])(?:shifts?|jobs?|work)\s+(?:available|going|near|today|tomorrow|tmrw|this\s+week)"
    r"(?![a-z])"
    r"|(?<![a-z])(?:got|have\s+you\s+got|is\s+there|anything)\s+(?:\w+\s+)?(?:for\s+me|going"
    r"|on)(?![a-z])|(?<![a-z])what\s+(?:have|do)\s+i\s+(?:got|have)\s+on(?![a-z])"
    # "what do i have tomorrow", "what have i got on friday": the worker's own bookings
    r"|^(?:so\s+)?what\s+(?:do\s+i\s+have|have\s+i\s+got|i\s+have)\s+(?:on\s+)?(?:today|tonight"
    r"|tomorrow|tmrw|this\s+week|next\s+week|(?:this\s+|next\s+)?[a-z]+day|mon|tues?|weds?"
    r"|thur?s?|fri|sat|sun)\W*$"
    r"|(?<![a-z])my\s+(?:shifts|bookings|jobs|offers|schedule|rota|timetable)(?![a-z])"
    r"|(?<![a-z])where\s+(?:am|do)\s+i\s+(?:working|work|going)(?![a-z])"
    # "i need more hours", "chcę więcej godzin", "can i work more hours": more work wanted
    r"|(?<![a-z])(?:need|want|looking\s+for|like)\s+(?:to\s+)?(?:some\s+|a\s+few\s+)?(?:more\s+)?hours"
    r"(?![a-z])|(?<![a-z])(?:can|could)\s+i\s+(?:get|have|work|do)\s+(?:some\s+|a\s+few\s+)?more"
    r"\s+(?:hours|work|shifts)(?![a-z])"
    # "what days are available", "whats available tomorrow": the work on offer, asked about
    r"|(?<![a-z])(?:what|whats|which)\s+(?:days?\s+)?(?:is|are|s)?\s*available(?![a-z])"
    r"|(?<![a-z])(?:got|have\s+you\s+got|anything|something)\s+(?:\w+\s+)?for\s+(?:today|tonight"
    r"|tomorrow|tmrw|the\s+weekend|weekend|this\s+week|next\s+week|[a-z]+day|mon|tues?|weds?"
    r"|thur?s?|fri|sat|sun)(?![a-z])"
    r"|(?<![a-z])(?:do|have)\s+i\s+(?:still\s+)?(?:have|got)\s+(?:any\s+|a\s+)?(?:shifts?|bookings?"
    r"|jobs?|work)(?![a-z])"
    r"|(?<![a-z])(?:anythin|anything)\s+(?:going|on)(?![a-z])|(?<![a-z])when\s+am\s+i\s+booked(?![a-z])"
    r"|(?<![a-z])(?:what\s+time|when)\s+(?:(?:today|tonight|tomorrow|tmrw)\s+)?(?:do|does|am|should)?"
    r"\s*i\s+(?:start|work|need\s+to\s+be\s+there)"
    r"|(?<![a-z])(?:send|resend)\s+(?:it|me\s+(?:the\s+)?(?:offer|shift|it))\s+again(?![a-z])"
    r"|(?<![a-z])who\s+will\s+pay\s+me(?![a-z])"
    r"|(?<![a-z])what\s+is\s+on(?![a-z])|(?:have|got)\s+(?:i\s+)?(?:got\s+)?anything\s+(?:booked|on)"
    r"|do\s+i\s+have\s+any(?:thing)?\s+(?:booked|on|shifts|work)"
    r"|(?:^|\W)(?:any|(?:do|have)\s+you\s+(?:have|got)\s+(?:any\s+)?)(?:care|cleaning|kitchen|childcare|warehouse|hospitality|gardening|driving"
    r"|labouring|retail|admin|security|removals|petcare)(?![a-z])"
    r"|(?<![a-z])(?:(?:when|where|what\s+time)\s*(?:is|s)|whens|wheres|whats)\s+(?:my|the)\s+(?:next\s+)?"
    r"(?:shift|job|booking)(?![a-z])"
    r"|(?<![a-z])(?:when|what\s+days?)\s+(?:do|am)\s+i\s+(?:work|working|start|starting)(?![a-z])"
    r"|(?<![a-z])how\s+many\s+(?:hours|shifts)\s+(?:do|have)\s+i\s+(?:(?:got|have)\s+)?(?:booked|on)(?![a-z])"
    r"|(?<![a-z])(?:anything|something|any\s+work)\s+(?:for\s+me|today|tomorrow|tonight|this"
    r"|next|on|going|available|near)(?![a-z])|^(?:anything|something|any\s+work)\W*$"
    r"|(?<![a-z])(?:what|which)\s+(?:shifts|jobs|bookings)\s+(?:do\s+)?i\s+have(?![a-z])"
    rf"|(?<![a-z])(?:(?:have|got)\s+i\s+(?:got\s+)?|do\s+i\s+have\s+)anything\s+{_FOR_A_DAY}"
    # "anything saturday?", "jest coś w sobotę?": the whole text
    rf"|^\W*(?:is\s+there\s+)?(?:anything|something|any\s+work)\s+{_FOR_A_DAY}\W*$"
    # About a booking already made: "am i still booked for tomorrow", "whats the address".
    r"|(?<![a-z])(?:am|are)\s+(?:i|we)\s+(?:still\s+)?(?:booked|on|working)(?![a-z])"
    r"|(?<![a-z])(?:im|i\s+am)\s+still\s+(?:booked|working|on\s+for|on\W*$)(?![a-z])"
    r"|^\W*(?:what\s+is|whats|what\s+s|wheres|where\s+is)\s+the\s+(?:address|postcode|location"
    r"|place)(?:\s+(?:for|of)\s+(?:the\s+|my\s+)?(?:shift|job|booking|tomorrow|today|[a-z]+day))?"
    r"(?:\s+(?:again|please|pls|plz))?\W*$"
    r"|(?<![a-z])(?:(?:send|text|give)\s+me|(?:can|could)\s+(?:i|u|you)\s+(?:have|get|send(?:\s+me)?))"
    r"\s+the\s+(?:address|postcode|location)(?![a-z])"
    # "can u send me the details again", "details again pls": the booking's text once more
    r"|(?<![a-z])(?:send|text|resend|give)\s+(?:(?:me|us)\s+)?(?:the\s+|my\s+)?(?:shift\s+|job\s+"
    r"|booking\s+)?(?:details|info)(?![a-z])|^\W*(?:the\s+)?details\s+again(?![a-z])"
    r"|(?<![a-z])when\s+is\s+my\s+next(?![a-z])"
    r"|(?<![a-z])but\s+(?:what\s+is|whats|what\s+s|wheres|where\s+is)\s+(?:the|it)(?:\s+(?:address"
    r"|postcode|location|place))?\W*$"
    # The booking's hours and way there: "what time does it start", "how long is the shift".
    r"|(?<![a-z])(?:what\s+time|when)\s+(?:does|do|will|should|shall|must)\s+(?:it|the\s+(?:shift"
    r"|job)|my\s+(?:shift|job)|we|i)\s+(?:start|finish|end|begin|be\s+there|come|arrive"
    r"|get\s+there|leave)(?![a-z])"
    r"|^\W*what\s+time(?:\s+(?:today|tonight|tomorrow|tmrw|is\s+it|again))?\W*$"
    r"|^\W*(?:and\s+|so\s+|ok\s+|okay\s+)?(?:where\s+is|wheres)\s+(?:it|that|this|the\s+(?:shift|job|place))"
    r"(?:\s+(?:again|exactly|then|please|pls))*\W*$"
    r"|(?<![a-z])how\s+do\s+i\s+get\s+there(?![a-z])"
    # "yes is this still available?": whether the offer is still open
    r"|(?<![a-z])(?:is|it)\s+(?:this|that|it|the|my)(?:\s+#?[0-9]{3,8})?(?:\s+one|\s+shift|\s+job)?\s+still"
    r"\s+(?:available|open|going|on|free|happening)(?![a-z])"
    r"|(?<![a-z])(?:did\s+i\s+get|have\s+i\s+got|did\s+i\s+have)\s+(?:(?:the|that|this)\s+(?:job|shift|one)|it)(?![a-z])|(?<![a-z])(?<!im\s)(?<!am\s)(?:still\s+available|still\s+open)\W*$"
    r"|(?<![a-z])how\s+(?:long|many\s+hours)\s+is\s+(?:the|my|it|this)\s*(?:shift|job|booking)?\W*$"
    r"|(?<![a-z])where\s+(?:do|should|shall|am)\s+i\s+(?:need\s+to\s+|have\s+to\s+|meant\s+to\s+)?"
    r"(?:go|be|going)(?![a-z])"
    # "is tomorrow still on?", "czy jutro jest aktualne?", "mâine rămâne valabil?": whether
    # that day's booking stands; "¿mañana trabajo?", "trabalho amanhã?": whether they work then
    rf"|(?<![a-z])is\s+(?:(?:the|my)\s+)?{_A_DAY}(?:\s+(?:shift|job|one|booking))?\s+still\s+"
    r"(?:on|happening|going(?:\s+ahead)?|booked|ok|okay)(?![a-z])"
    rf"|(?<![a-z]){_A_DAY}\s+(?:\w+\s+)?still\s+on\W*\?"
    rf"|(?<![a-z])still\s+on\s+for\s+{_A_DAY}\W*\?"
    rf"|^\W*(?:{_A_DAY}\s+(?:i\s+)?work|work\s+{_A_DAY})\W*\?\W*$"
)
_CAN_WORK = re.compile(
    r"(?<![a-z])(?<!can\s)(?:i\s+)?(?:can|could)\s+(?:work|do\s+a\s+shift)(?![a-z])"
)
# "im available to work today from 12": time on offer, whatever else the text asks.
_SAYS_FREE = re.compile(
    r"(?<![a-z])(?:(?:im|i\s+am)\s+(?:free|available)|available\s+to\s+work)(?![a-z])"
)
_GIVING_UP = re.compile(r"(?<![a-z])(?:cancel|drop)(?![a-z])")
# "ile na magazynie w NG7": how much, and a kind of work.
_HOW_MUCH_SKILL = re.compile(
    r"^how\s+much\s+(?:\w+\s+){0,3}?(?:care|cleaning|kitchen|childcare|warehouse|hospitality"
    r"|gardening|driving|labouring|retail|admin|security|removals|petcare)(?![a-z])"
)
# "how much should i ask for cleaning": the worker's own price, from the market's figures.
_ASKING_PRICE = re.compile(r"(?<![a-z])(?:should|ask|charge)(?![a-z])")
# What a question is about when it asks WHY: offers, shifts, work, or the worker.
_WHY_ABOUT = re.compile(
    r"(?<![a-z])(?:offers?|shifts?|jobs?|work|booking|bookings|texts?|messages?|i|me|my|get|got"
    r"|getting|picked|chosen|someone\s+else|nothing|never)(?![a-z])"
)


def appeal(t: Text, ctx: Context) -> Parsed | None:
    """APPEAL D123 i was there the whole time; or any text asking to appeal."""
    if t.first == "appeal" or fuzzy(t.first, ("appeal",)):
        ref, detail = split_ref(t.after_first_word())
        ref = ref or _dispute_ref(t.norm)
        return _with_detail("appeal", ref, detail, "ask_appeal")
    if _APPEAL.search(t.norm):
        return Parsed("appeal", offer_ref=_dispute_ref(t.norm), detail=t.original)
    return None


def urgent(t: Text, ctx: Context) -> Parsed | None:
    """A text about safety or conduct ("the client is getting aggressive"): a dispute, marked so a
    person reads it first, whatever else it says."""
    category = urgent_category(t.norm)
    if category is None:
        return None
    days = _weekdays(t, ctx)
    return Parsed(
        "dispute", offer_ref=find_ref(t.norm), detail=t.original, category=category, days=days
    )


# Trouble named, and no more: "a problem", "some issues".
_TROUBLE = re.compile(r"problems?|issues?")
# Trouble that keeps happening is a complaint about the work: "problem with the rota again".
_AGAIN = re.compile(r"(?<![a-z])(?:again|always|every\s+time|keeps?)(?![a-z])")


def dispute(t: Text, ctx: Context) -> Parsed | None:
    """DISPUTE 4821 they paid 2 hours not 4; "they didnt pay me"; "problem with tuesday"."""
    if t.first in _DISPUTE_WORDS or fuzzy(t.first, ("dispute", "complaint")):
        ref, detail = split_ref(t.after_first_word())
        found = _with_detail("dispute", ref, detail, "ask_dispute_ref" if ref else "ask_dispute")
        return replace(found, category=category_in(t.norm), days=_weekdays(t, ctx))
    if _NO_SHOW_CONTESTED.search(t.norm):
        # the hours were worked, the buyer says none: for the franchisee to decide
        return Parsed(
            "dispute", detail=t.original, category=category_in(t.norm), days=_weekdays(t, ctx),
            offer_ref=find_ref(t.norm),
        )  # fmt: skip
    if (
        _FREE_TIME_FIRST.match(t.norm)
        and all(_ONLY_A_RATE.fullmatch(m.group(0)) for m in _PAY_COMPLAINT.finditer(t.norm))
        and has_hours(t, ctx)
    ):
        return None  # "available tomorrow 9-5 for cleaning only £14": free time on its terms
    if _I_MEANT.search(t.norm) and all(
        _WRONG_ALONE.fullmatch(m.group(0)) for m in _PAY_COMPLAINT.finditer(t.norm)
    ):
        return None  # "stop, wrong one, I meant sunday": their own slip put right, no complaint
    complaints = [m.group(0) for m in _PAY_COMPLAINT.finditer(t.norm)]
    if (
        WRONG_PLACE.search(t.norm)
        and _WHERE.search(t.norm)
        and all(_WRONG_ALONE.fullmatch(said) for said in complaints)
    ):
        # "im at the wrong address i think, where exactly is it?": where the booking is, told
        return Parsed("shifts_query")
    if (
        (own := _OWN_DETAIL.search(t.norm)) is not None
        and complaints
        and all(_WRONG_ALONE.fullmatch(said) for said in complaints)
        and category_in(t.norm) is None
    ):
        # "my name is spelled wrong", "źle napisaliście moje imię": the worker's own details,
        # asked for again, never a complaint about a shift
        postcode = own["what"].startswith(("post", "zip"))
        return Parsed(
            "profile_update", ambiguous=True, ask="ask_postcode" if postcode else "ask_name"
        )
    if (
        complaints
        and all(_TROUBLE.fullmatch(said) for said in complaints)
        and says_held_up(t)
        and category_in(t.norm) is None
        and not _AGAIN.search(t.norm)
    ):
        return None  # "i have a problem, my car wont start": held up on the way, no complaint
    if (said := _PAY_COMPLAINT.search(t.norm)) is not None and not _NO_OFFERS_COMING.search(t.norm):
        said_only = all(
            _ONLY_A_WORD.fullmatch(m.group(0).strip()) for m in _PAY_COMPLAINT.finditer(t.norm)
        )
        if _WHAT_IF.match(t.norm) or (_A_QUESTION.match(t.norm) and said_only):
            # "is it a problem if i bring my own apron", "is overtime paid": a question, not
            # a complaint; "how do i complain" asks what went wrong
            if _DISPUTE_WORD.search(said.group(0)):
                return Parsed("dispute", ambiguous=True, ask="ask_dispute")
            return None
        if (
            says_finished(t)
            and not _GRIEVANCE.search(t.norm)
            and all(
                _NO_BREAK.fullmatch(m.group(0).strip()) for m in _PAY_COMPLAINT.finditer(t.norm)
            )
        ):
            return None  # "done 6 hrs no break": the timesheet's break, for the checkout
        return Parsed(
            "dispute",
            offer_ref=_dispute_ref(t.norm),
            detail=t.original,
            category=category_in(t.norm),
            days=_weekdays(t, ctx),
            hours_worked=_hours_said(t.norm),
        )
    return None


_FREE_TIME_FIRST = re.compile(
    r"^\W*(?:(?:hi|hello|hiya)\W+)?(?:(?:im|i\s+am|i\s+m)\s+)?(?:available|free|avail|can\s+(?:do|work))"
    r"(?![a-z])"
)
_OWN_DETAIL = re.compile(
    r"(?<![a-z])my\s+(?P<what>(?:first\s+|last\s+|sur|full\s+)?name|postcode|post\s+code|zip)"
    r"(?![a-z])"
)
_WHERE = re.compile(r"(?<![a-z])where(?![a-z])")
_I_MEANT = re.compile(rf"(?<![a-z]){I_MEANT}(?![a-z])")
_WRONG_ALONE = re.compile(r"wrong")
_ONLY_A_RATE = re.compile(r"only\s+[£$€][0-9]+")
_WHAT_IF = re.compile(r"^\W*what\s+(?:happens\s+)?if(?![a-z])")
_A_QUESTION = re.compile(r"^\W*(?:is|are|does|do|did|can|could|will|would|should|how)(?![a-z])")
# Words that make a complaint only when said as one, not asked about.
_ONLY_A_WORD = re.compile(
    r"problems?|issues?|wrong|incorrect|overtime|complain\w*|dispute\w*|unfair|not\s+right(?!\s+now)"
)
_DISPUTE_WORD = re.compile(r"complain|dispute")
_NO_BREAK = re.compile(_NO_BREAK_SAID)
# What makes "no break" beside the hours a complaint: "again", "not ok", "every time".
_GRIEVANCE = re.compile(
    r"(?<![a-z])(?:again|not\s+(?:ok|okay|fair|right|good|acceptable|legal|allowed)|unfair|illegal"
    r"|ridiculous|every\s+time|always|never|disgusting|a\s+joke|complain\w*|report)(?![a-z])"
)
_DISPUTE_REF = re.compile(r"(?<![a-z0-9])d\s?([0-9]{1,6})(?![0-9])")
# The hours a worker says they did: "but i did 8", "doing 10 hrs".
_SAID_HOURS = re.compile(
    r"(?<![a-z])(?:did|worked|doing|done|do)\s+([0-9]{1,2}(?:[.,][0-9]{1,2})?)(?:\s*(?:h|hrs?|hours?))?"
    r"(?![0-9])(?!\s*(?:-|to|till?|until)\s*[0-9])"  # "worked 9-5" is times of day, not 9 hours
)


def _dispute_ref(s: str) -> str | None:
    """A dispute's reference ("D31") or a booking's number in free text."""
    m = _DISPUTE_REF.search(s)
    return f"D{m.group(1)}" if m else find_ref(s)


def _hours_said(s: str) -> float | None:
    m = _SAID_HOURS.search(s)
    if m is None:
        return None
    hours = float(m.group(1).replace(",", "."))
    if re.match(r"\s+and\s+a\s+half(?![a-z])", s[m.end() :]):
        hours += 0.5  # "i worked 6 and a half"
    return hours if 0 < hours <= 24 else None


def _weekdays(t: Text, ctx: Context) -> tuple[str, ...]:
    spec, _ = find_days(t.norm, ctx.at)
    return spec.days


def _with_detail(intent: str, ref: str | None, detail: str, ask: str) -> Parsed:
    """The command with its free text; without any, the question that asks for it."""
    if detail:
        return Parsed(intent, offer_ref=ref, detail=detail, exact=True)
    data = (("ref", ref),) if ref else ()
    return Parsed(intent, offer_ref=ref, ambiguous=True, ask=ask, ask_data=data)


def why(t: Text, ctx: Context) -> Parsed | None:
    """WHY, WHY 4821, why didnt i get that job, how come i never get offers."""
    if t.first == "why":
        ref, rest = split_ref(t.after_first_word())
        rest_norm = t.norm.split(" ", 1)[1] if " " in t.norm else ""
        if ref is None and rest and not _WHY_ABOUT.search(rest_norm):
            return None  # "why is everything so expensive": not about the exchange
        # "why didnt i get the shift 4821?": the offer named after the question, if any
        return Parsed("why", offer_ref=ref or find_ref(rest_norm), exact=ref is not None)
    if _HOW_COME.match(t.phrase) and _WHY_ABOUT.search(t.norm[8:]):
        return Parsed("why", offer_ref=find_ref(t.norm))
    if _NO_OFFERS_COMING.search(t.norm):
        # "im not getting any offers, is something wrong?": what WHY tells
        return Parsed("why")
    return None


_NO_OFFERS_COMING = re.compile(
    r"(?<![a-z])(?:im\s+|i\s+am\s+|i\s+)?(?:not\s+getting|never\s+get|dont\s+get|havent\s+(?:got"
    r"|had|been\s+getting))\s+(?:any\s+)?(?:offers|texts\s+about\s+work|work\s+offers)(?![a-z])"
)


def data_request(t: Text, ctx: Context) -> Parsed | None:
    """DELETE MY DATA, WHO SAW, MY RECORD, MY DATA and their everyday wordings."""
    s = t.phrase
    if _DELETE.search(s) or s in _DELETE_ALONE:
        return Parsed("delete_data", exact=s in ("delete my data", "delete"))
    if _WHO_SAW.search(s):
        return Parsed("who_saw", exact=s == "who saw")
    if _MY_RECORD.search(s) or s in ("record", "history"):
        return Parsed("my_record", exact=s == "my record")
    if (_MY_DATA.search(s) and not _ADDING.search(s)) or s in ("data", "mydata"):
        return Parsed("my_data", exact=s == "my data")
    return None


def earnings(t: Text, ctx: Context) -> Parsed | None:
    """EARNINGS, my pay, how much have i earned, when do i get paid, did the money go in."""
    s = t.phrase
    if _FOR_THE_OFFER.search(s) or _TOO_LITTLE.search(s):
        # "how much do i get paid for that one": the offer's pay, not the worker's; "i cant do
        # it for that money": a NO to it
        return None
    short = len(t.words) <= 3 and not {"rate", "rates"} & set(t.words)
    ref = find_ref(t.norm)
    said = _MY_PAY.search(s) or _MONEY_ARRIVED.search(s) or _EARNED.search(s)
    if (t.first in _EARNINGS_FIRST and short) or said:
        return Parsed("earnings", offer_ref=ref)
    if _SELF.search(s) and _EARN_WORDS.search(s):
        return Parsed("earnings", offer_ref=ref)
    return None


_FOR_THE_OFFER = re.compile(
    r"^how\s+much\s+(?:\w+\s+){0,4}?(?:for|on)\s+(?:that|this|the|it)(?:\s+(?:one|shift|job|offer))?$"
    r"|^how\s+much\s+(?:is|does)\s+(?:it|that|this|that\s+one|this\s+one)\s+pay"
    # "how much?", "ile?", "cuánto es?" on their own: what the offer pays
    r"|^how\s+much(?:\s+(?:is\s+it|is\s+that|then|an\s+hour|per\s+hour))?$"
)
_TOO_LITTLE = re.compile(
    r"(?<![a-z])(?:cant|cannot|wont|not|no)(?![a-z]).*(?<![a-z])for\s+(?:that|this|the|so\s+little)"
    r"(?:\s+(?:money|price|rate|pay|amount))?\W*$"
)
_NOT_WANTED = re.compile(
    r"(?<![a-z])(?:dont|do\s+not|no\s+longer)\s+(?:want|need|send)(?![a-z])"
    r"|(?<![a-z])(?:stop\s+sending|pause|on\s+hold|no\s+more)(?![a-z])"
    # "i only want to work mornings": a wish about offers, for a person, not a question
    r"|(?<![a-z])only\s+(?:want|do)(?![a-z])"
)
_NIGHT = re.compile(r"(?<![a-z])(?:nights?|overnight|night\s+shifts?)(?![a-z])")


# What the exchange itself takes: "how much do you take", "whats the fee", "ile bierzecie
# prowizji". Its own answer: nothing from the worker's pay, and the buyer's published fee.
_FEE_ASKED = re.compile(
    r"(?<![a-z])(?:how\s+much\s+(?:do|does|will)\s+(?:you|u|poems|the\s+exchange|you\s+guys)\s+"
    r"(?:take|charge|keep|get|make)|(?:what|whats|what\s+s)\s+(?:is\s+)?(?:the|your)\s+(?:fee|fees"
    r"|cut|commission|markup)|(?:do|will)\s+(?:you|u)\s+(?:take|charge)\s+(?:a\s+|any\s+)?(?:fee|fees"
    r"|cut|commission)|how\s+do\s+(?:you|u)\s+make\s+(?:money|a\s+living)|(?:any|is\s+there\s+a)"
    r"\s+(?:fee|fees|commission)|^\W*(?:fee|fees|commission)\W*$"
    # "do i pay anything", "do i have to pay you": whether joining costs the worker
    r"|(?:do|will|must)\s+i\s+(?:have\s+to\s+|need\s+to\s+)?pay\s+(?:anything|you|a\s+fee|for\s+(?:this"
    r"|it|poems|the\s+service))|is\s+(?:this|poems)\s+free(?:\s+to\s+(?:join|use))?\W*$"
    r"|is\s+it\s+free\s+to\s+(?:join|use)"
    # "what percentage do you take", "how does the markup work", "whats your cut"
    r"|(?:what|how\s+much)\s+(?:percentage|percent|%|share|cut)\s+(?:do|does|will)\s+(?:you|u|poems)"
    r"|how\s+(?:does|do)\s+(?:the|your)\s+(?:fee|fees|markup|mark\s+up|commission)\s+work"
    r"|(?:whats|what\s+is)\s+(?:the|your)\s+(?:percentage|percent|share))(?![a-z])"
)


def rates_query(t: Text, ctx: Context) -> Parsed | None:
    """RATES cleaning E1, what does care pay, how much do babysitters get round here; what the
    exchange takes ("how much do you take"), as `detail` "fee"."""
    if _FEE_ASKED.search(t.norm):
        return Parsed("rates_query", detail="fee")
    asked = (
        t.first in _RATES_FIRST
        or _HOW_MUCH_SKILL.match(t.phrase) is not None
        or _FOR_THE_OFFER.search(t.phrase) is not None
        or (
            _RATES_ASKED.search(t.phrase) is not None
            and (_SELF.search(t.phrase) is None or _ASKING_PRICE.search(t.phrase) is not None)
        )
    )
    if not asked:
        return None
    skills, _ = find_skills(t.words, ctx.skills)
    # "RATES childcare E3 tue evening": the published figures for that time of the week.
    spec, _ = find_days(t.norm, ctx.at)
    night = _NIGHT.search(t.norm) is not None
    return Parsed(
        "rates_query",
        skill=skills[0] if skills else None,
        days=spec.days[:1] if len(spec.days) == 1 else (),
        part_of_day="night" if night else spec.part_of_day,
        **place_in(t.norm),
    )


# Whom to see on arrival: "who do i ask for", "whats the managers number".
_CONTACT_ASKED = re.compile(
    r"(?<![a-z])(?:who\s+(?:do|should|shall|will|must)\s+i\s+(?:ask\s+for|report\s+to|speak\s+to"
    r"|talk\s+to|see|meet|call|ring|look\s+for|find)|who\s+(?:is|s)\s+(?:the|my)\s+(?:contact"
    r"|manager|supervisor|boss|person\s+in\s+charge)|(?:what\s+is|whats|what\s+s)\s+the\s+(?:contact"
    r"|managers?|supervisors?)(?:\s+(?:number|name|phone))?|contact\s+(?:number|name|person|details)"
    r"|(?:number|phone)\s+(?:for|of)\s+the\s+(?:manager|supervisor|client|place|home))(?![a-z])"
)


# How far the work is, asked: answered with where it is, which the worker can judge.
_HOW_FAR = re.compile(
    r"(?<![a-z])(?:how\s+far|how\s+many\s+miles|(?:is|its)\s+(?:it|that|this)\s+far"
    r"|is\s+it\s+(?:near|close)(?:\s+to\s+me)?\W*$)(?![a-z])"
)
# "where?", "when?", "what time?" on their own: about the offer or booking open
_WHEN_OR_WHERE_ALONE = re.compile(
    # ("a gdzie to jest?", "and where is it", "dónde es el trabajo": the same, asked on)
    r"^\W*(?:(?:and|a|so|ok|but)\s+)?(?:when|where|where\s*abouts|what\s+time"
    r"|how\s+(?:many|much)\s+hours|how\s+long|which\s+day)(?:\s+(?:is\s+it|is\s+that|then"
    r"|(?:is\s+(?:it\s+)?)?the\s+(?:job|work|shift|place)))?(?:\s+(?:again|exactly))?\W*$"
    # "what is it?", "who is it for?", "whats the job?": the offer, told again
    r"|^\W*(?:(?:what|who)\s+is\s+it(?:\s+for)?|what\s+is\s+the\s+(?:job|work|shift)|who\s+for"
    r"|for\s+whom?)\W*$"
    # "tell me more", "more info please", "details?": the offer, told again
    r"|^\W*(?:(?:ok|yes|sure|hi)\W+)?(?:(?:can\s+you\s+|could\s+you\s+)?tell\s+me\s+more"
    r"|more\s+(?:info|information|details)|(?:any\s+)?(?:details|info))"
    r"(?:\s+(?:please|pls|about\s+it|on\s+it))*\W*$"
)


def shifts_query(t: Text, ctx: Context) -> Parsed | None:
    """SHIFTS, jobs, any work, any cleaning shifts today, got anything for me; whom to ask for
    at the booking ("who do i ask for"), as `detail` "contact"."""
    if _CONTACT_ASKED.search(t.phrase):
        return Parsed("shifts_query", detail="contact")
    if _HOW_FAR.search(t.norm) or far_asked(t) or _WHEN_OR_WHERE_ALONE.match(t.core):
        # "how far is it?", "está lejos?", "where?", "when?": where and when it is, told
        return Parsed("shifts_query")
    first = t.first in _SHIFTS_FIRST and not any(w.isdecimal() and len(w) >= 4 for w in t.words)
    skills, _ = find_skills(t.words, ctx.skills)
    any_skill = t.first in ("any", "anything") and bool(skills) and len(t.words) <= 6
    if not first and not any_skill and _SHIFTS_ASKED.search(t.norm) is None:
        return None
    if _NOT_WANTED.search(t.phrase):
        return None  # "i dont want weekend work anymore": not free then, not asking
    if _GIVING_UP.search(t.phrase):
        return None  # "cancel all my shifts this week": giving them up, not asking about them
    if has_hours(t, ctx) or _CAN_WORK.search(t.phrase) or _SAYS_FREE.search(t.phrase):
        # "work sat 9-5", "i can work tomorrow morning": time offered, not asked about
        return None
    spec, _ = find_days(t.norm, ctx.at)
    day = whole_day(spec, ctx.at)
    return Parsed(
        "shifts_query",
        skill=skills[0] if skills else None,
        start=day[0] if day else None,
        end=day[1] if day else None,
        days=spec.days,
        exact=t.phrase == "shifts",
        **place_in(t.norm),
    )
