"""Word lists, reporting verbs and the text patterns every pass of quote extraction shares.

Lexicons are lowercase. Role words never belong to a name; person titles make a phrase a role;
institution and place words sit inside roles. Reporting verbs are matched in lower case
("participating States" is no verb); only sentence-opening phrases ("According to") also match
capitalized.
"""

from __future__ import annotations

import re

PERSON_TITLES = frozenset(
    """minister ministers deputy secretary general director directors head heads chair chairman
    chairwoman chairperson president vice representative commissioner co-ordinator coordinator
    ambassador adviser advisor officer spokesperson spokesman spokeswoman chief commander governor
    mayor speaker member envoy rapporteur professor judge prosecutor counsellor counselor manager
    expert assistant executive leader founder officials official coordinator analyst researcher
    teacher specialist consultant delegate administrator inspector superintendent major colonel
    brigadier lieutenant captain admiral sergeant ombudsman ombudsperson chancellor premier senator
    mp mep sheriff lawyer attorney editor journalist principal dean rector undersecretary
    under-secretary prime co-chair leiterin leiter direktor direktorin präsident präsidentin sprecher
    sprecherin vorsitzende vorsitzender botschafter botschafterin ministerin abteilungsleiterin
    abteilungsleiter chef cheffe directeur directrice commandant conseiller représentant ministre
    руководитель заместитель председатель глава директор министр посол представитель координатор
    советник начальник президент секретарь сотрудник сотрудница специалист эксперт помощник
    консультант член депутат судья прокурор мэр аким омбудсмен уполномоченный менеджер
    преподаватель журналист редактор командир ректор спикер посланник аналитик наблюдатель
    тренер модератор focal monitor observer facilitator moderator trainer
    lecturer economist activist advocate negotiator négociateur négociatrice verhandlungsführer
    verhandlungsführerin délégué déléguée ambassadeur ambassadrice président présidente
    secrétaire porte-parole représentante conseillère coordonnateur coordonnatrice coordinateur
    coordinatrice maire juge procureure rapporteure député députée sénateur sénatrice commissaire
    experte responsable adjoint adjointe abgeordnete abgeordneter delegierte delegierter
    представителем руководителем директором министром председателем координатором послом советником
    главой заместителем секретарем секретарём уполномоченным
    делегат комиссар спецпредставитель представительница руководительница beauftragte beauftragter sonderbeauftragte
    sonderbeauftragter generalsekretär generalsekretärin vertreter vertreterin berater beraterin
    koordinator koordinatorin mitglied staatssekretär staatssekretärin bürgermeister bürgermeisterin
    kommissar kommissarin hochkommissar hochkommissarin""".split()
)
INSTITUTION_WORDS = frozenset(
    """osce odihr hcnm un eu nato office offices mission missions programme program project centre
    center department unit council committee commission assembly parliament parliamentary presidency
    chairmanship chairpersonship secretariat institution institutions agency organization
    organisation rights human beings persons people minorities media freedom democratic security
    co-operation cooperation development trade justice defence defense interior finance economy
    economic education health environment environmental energy migration trafficking terrorism
    police policing gender equality democracy democratization elections electoral governance law
    youth children women issues matters relations affairs foreign internal national international
    special senior acting permanent personal first high central regional federal state states
    government ministry division section team group bank fund court tribunal forum network alliance
    combating countering anti-trafficking politico-military military transnational threats border
    management strategic operations republic federation kingdom union united nations europe european
    council's world day week conference meeting year task force board service services
    statistics public civil society authority authorities city municipality region district
    province county presence institute institut foundation academy university school college
    museum library association chamber bureau inspectorate directorate prosecution activity
    mission büro zentrum sekretariat ministerium kommission rat osze обсе бдипч оон
    миссия миссии миссией миссию офис офиса офисе центр центра центре бюро представительство
    представительства программа программы проект проекта секретариат секретариата организация
    организации министерство министерства комиссия комиссии совет совета парламент парламента""".split()
) | frozenset(
    # A ministry's portfolio, listed after the title ("Minister of Culture, Information, Sports and Youth
    # Policy Name"): the last item runs into the name with nothing but capitals between.
    """policy policies culture information sport sports tourism labour labor welfare agriculture transport
    infrastructure science technology innovation communications digital family families social
    protection veterans housing planning""".split()
)
# Places that sit between a role and a name ("Minister of Foreign Affairs of Malta Ian Borg").
PLACE_WORDS = frozenset(
    """albania andorra armenia austria azerbaijan belgium belarus bosnia herzegovina bulgaria canada
    croatia cyprus czechia denmark estonia finland france georgia germany greece hungary iceland
    ireland italy kazakhstan kyrgyzstan latvia liechtenstein lithuania luxembourg malta moldova
    monaco mongolia montenegro netherlands macedonia norway poland portugal romania russia serbia
    slovakia slovenia spain sweden switzerland tajikistan turkey türkiye turkmenistan ukraine
    uzbekistan america vienna warsaw prague skopje belgrade sarajevo pristina tirana chisinau kyiv
    kiev minsk tbilisi yerevan baku astana bishkek dushanbe ashgabat tashkent podgorica osh
    kosovo north south east west northern southern eastern western south-east south-eastern
    caucasus balkans asia mediterranean baltic black sea danube""".split()
) | frozenset(
    # Russian writes the country after the role in the genitive ("министр иностранных дел Словении Матей
    # Кос"): the participating States (and the Vatican) in the nominative and the genitive.
    """австрия австрии азербайджан азербайджана албания албании андорра андорры армения армении беларусь
    беларуси бельгия бельгии болгария болгарии босния боснии герцеговина герцеговины ватикан ватикана
    великобритания великобритании венгрия венгрии германия германии греция греции грузия грузии дания
    дании ирландия ирландии исландия исландии испания испании италия италии казахстан казахстана канада
    канады кипр кипра кыргызстан кыргызстана киргизия киргизии латвия латвии литва литвы лихтенштейн
    лихтенштейна люксембург люксембурга македония македонии мальта мальты молдова молдовы молдавия
    молдавии монако монголия монголии нидерланды нидерландов норвегия норвегии польша польши португалия
    португалии россия россии румыния румынии сербия сербии словакия словакии словения словении сша
    таджикистан таджикистана туркменистан туркменистана турция турции узбекистан узбекистана украина
    украины финляндия финляндии франция франции хорватия хорватии черногория черногории чехия чехии
    швейцария швейцарии швеция швеции эстония эстонии""".split()
)
# Honorifics that say the person is a man or a woman, in the languages releases are written in.
MALE_HONORIFICS = frozenset("mr mr. sir m. monsieur herr hr. г-н г-на господин sr. señor signor".split())
# The feminine forms of the ambassador's rank say the person is a woman; the masculine ones do not (French
# writes "Madame l'Ambassadeur", German "Botschafter" may stand for any holder).
FEMALE_HONORIFICS = frozenset(
    """ms ms. mrs mrs. madam dame mme mme. mlle mlle. madame frau г-жа г-жи госпожа sra. señora signora
    botschafterin ambassadrice""".split()
)
# Written before a name and never part of it (`name` drops them; a role ending in one drops it too). The
# ambassador's rank is one in every language (GOLD_CONVENTIONS: "without honorifics (Ms., Ambassador)"):
# "the Head of Mission, Ambassador Name" and "die Leiterin der Mission, Botschafterin Name" give the same role.
HONORIFICS = MALE_HONORIFICS | FEMALE_HONORIFICS | frozenset(
    """ambassador dr dr. prof prof. professor h.e. excellency colonel hon hon. dott. dott.ssa mag. ing. посол
    botschafter ambassadeur""".split()
)
# French "M." (Monsieur) opening a name: written like an initial, read as the honorific.
FRENCH_MISTER = "M"
# Lowercase words that qualify a title written before a name ("national programme officer",
# "национальный сотрудник"): the institution words and these adjectives.
ROLE_MODIFIERS = INSTITUTION_WORDS | frozenset(
    """senior junior chief former local legal political field programme project police border
    национальный национальная старший старшая главный главная первый первая исполнительный
    исполнительная специальный специальная региональный региональная международный международная
    бывший бывшая постоянный постоянная личный личная верховный верховная генеральный генеральная
    специальным постоянным личным региональным национальным генеральным верховным
    stellvertretende stellvertretender
    stellvertretenden ehemalige ehemaliger ehemaligen amtierende amtierender amtierenden""".split()
)
# Military and police ranks: written before a name like an honorific ("Rector of the Academy, Major
# General Name"), so a comma segment of ranks only is no part of the role.
RANKS = frozenset(
    """general major colonel lieutenant captain brigadier admiral vice-admiral rear-admiral sergeant
    marshal commodore lieutenant-general major-general lieutenant-colonel brigadier-general oberst
    generalmajor generalleutnant hauptmann oberstleutnant генерал генерал-майор генерал-лейтенант
    майор полковник подполковник лейтенант капитан""".split()
)
# Capitalized words that start sentences or clauses and are never part of a name.
STOP_CAPS = frozenset(
    """the a an this that these those in on at during after before following today yesterday he she
    they we it his her our their its as while with by for from according commenting marking speaking
    addressing and but also however if when where there here i you all both each every some many
    january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday mr ms die der das ein eine le la les""".split()
)
FEMALE_NAMES = frozenset(
    """miriam ingrid astrid sigrid ingibjörg helen ellen karin kristin carmen doris agnes ruth esther
    rachel claire marie anne ann catherine elizabeth margaret alice sarah iris emily nancy mary
    jennifer kathleen michelle nicole simone beatrice isabel isabelle jane jill joan kate liz lynn
    judith gertrud brigitte""".split()
)
MALE_NAMES_ENDING_A = frozenset(
    "luca andrea nikola ilya mustafa joshua sasha nikita musa hamza isa kosta sava toma jiří костя илья никита".split()
)
# Common male first names of the region: a pronoun must not pick a man for "she" (or the reverse)
# because a name was simply unknown.
MALE_NAMES = frozenset(
    """michael thomas peter john james david paul mark marek jan lars hans klaus karl carl stefan stephan
    martin andreas alexander alexandr aleksandr aleksandar andrei andrey andriy dmitri dmitry dmytro
    sergei sergey serhiy ivan igor oleg pavel petr piotr pierre jean jacques françois philippe
    luis carlos juan josé miguel antonio giovanni marco paolo giuseppe matteo lorenzo francesco
    george giorgi georg jürgen wolfgang werner frank markus matthias tomasz tomas tomáš jakub
    krzysztof zbigniew miroslav milan dragan zoran goran nenad aleksandr vladimir viktor victor
    robert richard william henry edward charles daniel christian christoph christopher sebastian
    erik eric henrik nils olaf ole sven anders bjorn björn mikhail mihail ion vasile gheorghe
    mehmet ahmet ali ahmed mohammed muhammad omar hassan kemal emre murat aibek nurlan bakhyt
    rustam timur azamat farid rashid arman aram armen davit levan vakhtang ilir arben besnik edi
    kurt ralf rolf gerhard helmut dieter uwe lukas felix max maximilian jonas tobias simon
    иван сергей александр дмитрий андрей алексей михаил владимир николай павел игорь олег
    виктор юрий борис евгений тимур рустам азамат нурлан айбек бакыт марат ерлан""".split()
)
FEMALE_SUFFIXES = ("a", "ine", "ette", "elle", "iese", "ise", "rid", "ova", "eva", "ina", "aya", "ая", "ья")
# Surnames that carry the gender (Slavic and Central Asian forms), read when the first name says nothing.
FEMALE_SURNAME_SUFFIXES = ("ova", "eva", "ská", "ová", "ова", "ева", "ина", "ая", "ская")
MALE_SURNAME_SUFFIXES = ("ov", "ev", "ski", "sky", "skiy", "ский", "ов", "ев", "ин", "ий")
PRONOUNS = {"he": "m", "she": "f", "er": "m", "sie": "f", "il": "m", "elle": "f", "он": "m", "она": "f"}
# A small set of lowercase words a subject phrase ("the head of the mission") may contain.
SUBJECT_WORDS = frozenset(
    """the a an of for on to in at and also further then later again finally today yesterday
    he she they it its his her their our new former current acting deputy head chief
    from le la les l’ de du des der die das des und für""".split()
)
FUNCTION_WORDS = frozenset(
    """has had have is was were are will would who which that said says and but also however
    together as with in at on for from to after before during while when where whose whom""".split()
)
TITLE_CUES = frozenset(
    """conference report campaign publication guidebook handbook manual guide document declaration
    resolution strategy programme program project initiative law act bill statute event seminar
    workshop forum meeting exhibition festival competition theme slogan motto title titled entitled
    called named dubbed book study film series platform network newspaper magazine website course
    training session panel roundtable plan agreement convention recommendations guidelines
    so-called brochure leaflet toolkit video podcast app portal award prize operation exercise
    festival форум проект программа конференция кампания доклад konferenz kampagne bericht projekt
    programm guide rapport campagne projet""".split()
)
# Words that may stand between a title noun and the quoted title ("a conference entitled “…”").
TITLE_LINKS = frozenset(
    """entitled titled called named dubbed on of about the a an its their his her our new first
    annual joint regional national international 2-day two-day three-day year’s year's под
    названием""".split()
)

# Reporting verbs.
VERBS_EN = (
    r"said|says|added|adds|stressed|stresses|noted|notes|underlined|underlines|underscored|"
    r"emphasi[sz]ed|emphasi[sz]es|stated|states|explained|explains|highlighted|pointed\s+out|"
    r"remarked|commented|declared|announced|concluded|continued|observed|affirmed|reaffirmed|"
    r"recalled|insisted|urged|warned|told|tells|asked|argued|acknowledged|wrote|writes|replied|"
    r"reiterated|mentioned|cautioned|suggested|claimed|confirmed|maintained|summari[sz]ed|"
    r"asserted|[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of"
)
VERBS_DE = (
    r"sagte|sagt|betonte|betont|erklärte|erklärt|ergänzte|ergänzt|berichtete|berichtet|kündigte|fügte|"
    r"unterstrich|unterstreicht|meinte|meint|warnte|warnt|forderte|fordert|kommentierte|kommentiert|"
    r"kritisierte|kritisiert|erläuterte|erläutert|bekräftigte|bekräftigt|mahnte|mahnt|"
    r"sagten|betonten|erklärten|erläuterten"
)
VERBS_FR = (
    r"a(?:-t-(?:il|elle))?\s+(?:déclaré|souligné|ajouté|précisé|expliqué|affirmé|indiqué|noté|rappelé|"
    r"estimé|insisté|conclu|poursuivi|répondu|résumé|averti|dit)|[Ss]elon|déclare|souligne|ajoute"
)
VERBS_RU = (
    r"сказал[аи]?|заявил[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|сообщил[аи]?|пояснил[аи]?|"
    r"уточнил[аи]?|напомнил[аи]?|заключил[аи]?|констатировал[аи]?|резюмировал[аи]?|"
    r"считает|говорит|говорится|сообщается|отмечается|подчеркивается|подчёркивается|"
    r"[Пп]о\s+(?:его|её|ее|их)?\s*словам"
)
# After the French auxiliary "a": up to three lower-case words ("pour sa part"), then a lower-case past
# participle ("salué", "insisté", "dit", "ouvert"); lower case, so "a prosecutor from Chisinau" is none.
FRENCH_PARTICIPLE_AFTER_AUXILIARY = r"(?:[a-zà-ÿ’']+\s+){0,3}?[a-zà-ÿ]+(?:é|i|is|it|ert|u)(?![\w-])"
VERB = rf"(?:{VERBS_EN}|{VERBS_DE}|{VERBS_FR}|{VERBS_RU})"
# Case-sensitive: a reporting verb is written in lower case ("participating States" is no verb);
# only the phrases that open a sentence ("According to X, …") also match capitalized.
VERB_RE = re.compile(rf"(?<![\w-])(?:{VERB})(?![\w-])")
# A reporting verb right after a name ("Biaudet also said") or right before it ("said Biaudet").
VERB_AFTER_NAME_RE = re.compile(rf"\s+(?:\w+\s+)?(?:{VERB})(?![\w-])")
VERB_BEFORE_NAME_RE = re.compile(rf"(?<![\w-])(?:{VERB})\s+(?:the\s+)?\Z")
VERB_SO_DE = re.compile(r"(?<![\w-])so(?![\w-])")  # "„…“, so Müller": German only, "so" is English too

# Text patterns the passes share.
WORD_RE = re.compile(r"[^\W_][\w’'\-]*")
WHITESPACE_RE = re.compile(r"\s+")
LEADING_SPACE_RE = re.compile(r"\s*")


def _upper_class() -> str:
    """A character class of every uppercase letter in the Basic Multilingual Plane."""
    upper = [chr(c) for c in range(0x10000) if chr(c).isupper()]
    return "".join(re.escape(ch) for ch in upper)


UPPER = _upper_class()
CAP_WORD = rf"(?:[{UPPER}]\.(?=\s)|[{UPPER}][\w’'\-]*)"
WINDOW = 300  # characters of context read on either side of a quote

# Where a clause ends: sentence punctuation (not after an initial or an abbreviated honorific: Mr, Mrs,
# Prof, Mme…) or a quotation mark. An initial is one capital after a word boundary ("John M. Smith"); an
# acronym's last capital ends a sentence like any word ("…, Head of the delegation of the OSCE. “…”").
CLAUSE_END = r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St))(?<!\b(?:Mrs|Mme|Hon))(?<!\b(?:Prof|Mlle))[.!?;](?=\s|$)|[\"“”«»„]"
CLAUSE_END_RE = re.compile(CLAUSE_END)
LAST_CLAUSE_END_RE = re.compile(rf"(?s:.*)(?:{CLAUSE_END})")
# Words around a reporting verb that name nobody.
ADVERBS = frozenset("also then further later again today auch ebenfalls также".split())
# Words that continue the sentence's own subject ("… “a tool”, and urged States …"): a verb after them
# has no subject of its own, so it attributes nothing to the quote.
CONJUNCTIONS = frozenset("and but or yet so also then und aber oder sowie et mais ou и а но или".split())


def last_clause_end(text: str, lo: int, hi: int) -> int:
    """Where the clause that runs up to `hi` begins: after the last clause end in text[lo:hi], else lo.

    One greedy match backtracking from `hi`: it costs the distance to the nearest clause end, which
    is short in prose, and at most the window."""
    match = LAST_CLAUSE_END_RE.match(text, lo, hi)
    return match.end() if match else lo
