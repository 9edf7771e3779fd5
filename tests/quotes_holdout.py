"""Held-out release excerpts for quote and speaker extraction, with what a reader expects.

Written in our own words, in the styles OSCE (and a few European Parliament) press releases use,
BEFORE reading the extractor's code, so that the cases are not shaped by it. The people are invented.
Expectations follow ../shared/osce/GOLD_CONVENTIONS.md and fixtures/README.md:

- a quote's `text` is exactly the characters between its opening and closing marks (nested marks and
  a trailing comma or full stop inside the marks kept); a quotation continued over paragraphs (opening
  mark at each paragraph's start, closing only at the end) is one quote, paragraphs joined by a space;
  `paragraph` is the 0-based index of the paragraph where it opens;
- `speaker` is the full name as first introduced, without honorifics; None for an institution or an
  unnamed person;
- `speakers` lists each quoted person once, in order of first quote, with the fullest role phrase the
  text gives (leading article and parenthetical acronyms or countries dropped), None when none;
- titles of reports, conferences, campaigns, projects and laws, scare quotes, quoted terms and
  slogans, and «names» are not quotes.

Used by bench/quotes.py (the held-out section) and tests/test_quotes_holdout.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HeldOutCase:
    """One excerpt: its paragraphs and the quotes (text, speaker, paragraph) and speakers (name, role)."""

    name: str
    language: str
    paragraphs: tuple[str, ...]
    quotes: tuple[tuple[str, str | None, int], ...]
    speakers: tuple[tuple[str, str | None], ...]


CASES: tuple[HeldOutCase, ...] = (
    HeldOutCase(
        name="said-secretary-general-after",
        language="en",
        paragraphs=(
            "VIENNA, 3 March 2023 – Officials from twenty participating States met at the OSCE Secretariat "
            "today for a round table on protecting critical digital infrastructure.",
            "“Digital infrastructure is now a shared responsibility, and no State can protect it alone,” "
            "said OSCE Secretary General Marta Lindqvist.",
            "The participants reviewed the confidence-building measures the Organization adopted in 2016.",
        ),
        quotes=(
            ("Digital infrastructure is now a shared responsibility, and no State can protect it alone,", "Marta Lindqvist", 1),
        ),
        speakers=(("Marta Lindqvist", "OSCE Secretary General"),),
    ),
    HeldOutCase(
        name="appositive-head-of-mission-colon",
        language="en",
        paragraphs=(
            "SKOPJE, 12 May 2021 – Forty municipal election officials completed a two-day course on "
            "counting and tabulation organized by the OSCE Mission to Skopje.",
            "Tomas Varga, Head of the OSCE Mission to Skopje, said: “Transparent counting is what gives "
            "voters confidence in the result.”",
        ),
        quotes=(("Transparent counting is what gives voters confidence in the result.", "Tomas Varga", 1),),
        speakers=(("Tomas Varga", "Head of the OSCE Mission to Skopje"),),
    ),
    HeldOutCase(
        name="according-to-partial",
        language="en",
        paragraphs=(
            "KYIV, 9 September 2019 – A new civic education curriculum developed with OSCE support was "
            "presented to school directors from six regions.",
            "According to Ambassador Irena Kostova, the OSCE Project Co-ordinator in Ukraine, “the new "
            "curriculum will reach more than five thousand teachers by the end of the year.”",
        ),
        quotes=(
            ("the new curriculum will reach more than five thousand teachers by the end of the year.", "Irena Kostova", 1),
        ),
        speakers=(("Irena Kostova", "OSCE Project Co-ordinator in Ukraine"),),
    ),
    HeldOutCase(
        name="told-participants-then-he-said",
        language="en",
        paragraphs=(
            "YEREVAN, 21 November 2018 – Thirty young journalists took part in a week-long course on "
            "fact-checking supported by the OSCE Office in Yerevan.",
            "Lukas Brenner, Deputy Head of the OSCE Office in Yerevan, told participants that the course "
            "was only a first step.",
            "“Each of you will carry these skills back to your own newsrooms,” he said.",
        ),
        quotes=(("Each of you will carry these skills back to your own newsrooms,", "Lukas Brenner", 2),),
        speakers=(("Lukas Brenner", "Deputy Head of the OSCE Office in Yerevan"),),
    ),
    HeldOutCase(
        name="surname-adding-that",
        language="en",
        paragraphs=(
            "PODGORICA, 8 June 2022 – Clemens Koller, the Head of the OSCE Mission to Montenegro, today "
            "opened a training centre for judges and prosecutors in Podgorica.",
            "“We have seen real progress on the ground,” Koller said, adding that more work was needed on "
            "witness protection.",
        ),
        quotes=(("We have seen real progress on the ground,", "Clemens Koller", 1),),
        speakers=(("Clemens Koller", "Head of the OSCE Mission to Montenegro"),),
    ),
    HeldOutCase(
        name="partial-quote-in-sentence",
        language="en",
        paragraphs=(
            "VIENNA, 30 July 2020 – The OSCE Special Representative for Combating Trafficking in Human "
            "Beings, Ana Delgado, presented new guidelines on identifying victims.",
            "Delgado said the guidelines were “a practical tool for front-line workers who meet victims "
            "first”, and urged States to translate them.",
        ),
        quotes=(("a practical tool for front-line workers who meet victims first", "Ana Delgado", 1),),
        speakers=(("Ana Delgado", "OSCE Special Representative for Combating Trafficking in Human Beings"),),
    ),
    HeldOutCase(
        name="quote-over-two-paragraphs",
        language="en",
        paragraphs=(
            "BISHKEK, 5 October 2020 – The ODIHR Election Observation Mission presented its preliminary "
            "findings at a press conference today.",
            "“The elections were well organized and voters could choose between distinct alternatives.",
            "“However, the misuse of administrative resources blurred the line between State and party,” "
            "said Jonas Ekberg, Head of the ODIHR Election Observation Mission.",
        ),
        quotes=(
            (
                "The elections were well organized and voters could choose between distinct alternatives. "
                "However, the misuse of administrative resources blurred the line between State and party,",
                "Jonas Ekberg",
                1,
            ),
        ),
        speakers=(("Jonas Ekberg", "Head of the ODIHR Election Observation Mission"),),
    ),
    HeldOutCase(
        name="speaker-two-paragraphs-before",
        language="en",
        paragraphs=(
            "TBILISI, 4 April 2019 – OSCE Special Representative for the South Caucasus Raimo Halonen "
            "visited villages near the administrative boundary line on Thursday.",
            "He met residents and local officials to discuss water supply and freedom of movement.",
            "“People here want to tend their fields and visit their relatives without fear,” he said.",
        ),
        quotes=(("People here want to tend their fields and visit their relatives without fear,", "Raimo Halonen", 2),),
        speakers=(("Raimo Halonen", "OSCE Special Representative for the South Caucasus"),),
    ),
    HeldOutCase(
        name="she-added",
        language="en",
        paragraphs=(
            "ASTANA, 14 March 2017 – Forty civil servants attended a seminar on gender-responsive "
            "budgeting organized by the OSCE Programme Office in Astana.",
            "“Gender equality is not a women’s issue; it is a governance issue,” said Lea Sommer, Gender "
            "Adviser at the OSCE Programme Office in Astana.",
            "“We see the difference as soon as ministries start to collect the data,” she added.",
        ),
        quotes=(
            ("Gender equality is not a women’s issue; it is a governance issue,", "Lea Sommer", 1),
            ("We see the difference as soon as ministries start to collect the data,", "Lea Sommer", 2),
        ),
        speakers=(("Lea Sommer", "Gender Adviser at the OSCE Programme Office in Astana"),),
    ),
    HeldOutCase(
        name="two-people-one-paragraph",
        language="en",
        paragraphs=(
            "BELGRADE, 2 February 2016 – The Ministry of Interior and the OSCE Mission to Serbia signed an "
            "agreement on community policing.",
            "“Trust is built step by step,” said Minister of Interior Darko Petrović, while the Head of the "
            "OSCE Mission to Serbia, Anna Weiss, said: “Today’s agreement is one such step.”",
        ),
        quotes=(
            ("Trust is built step by step,", "Darko Petrović", 1),
            ("Today’s agreement is one such step.", "Anna Weiss", 1),
        ),
        speakers=(
            ("Darko Petrović", "Minister of Interior"),
            ("Anna Weiss", "Head of the OSCE Mission to Serbia"),
        ),
    ),
    HeldOutCase(
        name="chairperson-in-office-and-minister",
        language="en",
        paragraphs=(
            "VILNIUS, 15 February 2011 – OSCE Chairperson-in-Office and Lithuanian Foreign Minister "
            "Audrius Valaitis today called on the sides to resume negotiations without delay.",
            "“There is no alternative to dialogue, and every month of delay costs lives,” Valaitis said.",
        ),
        quotes=(("There is no alternative to dialogue, and every month of delay costs lives,", "Audrius Valaitis", 1),),
        speakers=(("Audrius Valaitis", "OSCE Chairperson-in-Office and Lithuanian Foreign Minister"),),
    ),
    HeldOutCase(
        name="chair-in-office-comma-minister",
        language="en",
        paragraphs=(
            "HELSINKI, 10 January 2025 – The Finnish OSCE Chairmanship presented its priorities to the "
            "Permanent Council.",
            "“Our Chairmanship will keep the human dimension at the heart of our work,” said the OSCE "
            "Chair-in-Office, Minister for Foreign Affairs of Finland Kari Nieminen.",
        ),
        quotes=(("Our Chairmanship will keep the human dimension at the heart of our work,", "Kari Nieminen", 1),),
        speakers=(("Kari Nieminen", "OSCE Chair-in-Office, Minister for Foreign Affairs of Finland"),),
    ),
    HeldOutCase(
        name="the-ambassador-said",
        language="en",
        paragraphs=(
            "ASHGABAT, 18 April 2018 – The Head of the OSCE Centre in Ashgabat, Ambassador Natalia Drozd, "
            "opened a workshop on cross-border trade for customs officers.",
            "“Border communities benefit most when customs services work together,” the Ambassador said.",
        ),
        quotes=(("Border communities benefit most when customs services work together,", "Natalia Drozd", 1),),
        speakers=(("Natalia Drozd", "Head of the OSCE Centre in Ashgabat"),),
    ),
    HeldOutCase(
        name="report-title-then-quote",
        language="en",
        paragraphs=(
            "WARSAW, 2 July 2020 – ODIHR today published a report, “Hate Crime Data Collection in the OSCE "
            "Region: Gaps and Good Practice”, with figures from 42 participating States.",
            "“Without reliable data, governments cannot design a proper response,” said ODIHR Director "
            "Katrin Holm.",
        ),
        quotes=(("Without reliable data, governments cannot design a proper response,", "Katrin Holm", 1),),
        speakers=(("Katrin Holm", "ODIHR Director"),),
    ),
    HeldOutCase(
        name="conference-title-then-stated",
        language="en",
        paragraphs=(
            "VIENNA, 7 March 2019 – The two-day conference “Women in Security: From Commitment to Action” "
            "brought together 150 participants from ministries and civil society.",
            "The event was organized by the OSCE Gender Issues Programme.",
            "“Half of the population cannot be an afterthought in security planning,” stated Clara Mendes, "
            "the OSCE Senior Adviser on Gender Issues.",
        ),
        quotes=(("Half of the population cannot be an afterthought in security planning,", "Clara Mendes", 2),),
        speakers=(("Clara Mendes", "OSCE Senior Adviser on Gender Issues"),),
    ),
    HeldOutCase(
        name="campaign-and-slogan-only",
        language="en",
        paragraphs=(
            "PRISTINA, 25 November 2021 – The OSCE Mission in Kosovo launched the campaign “Say No to "
            "Violence” in ten secondary schools.",
            "Pupils carried banners reading “Respect is for everyone” and “Speak up, stand up” through the "
            "town centre.",
        ),
        quotes=(),
        speakers=(),
    ),
    HeldOutCase(
        name="scare-quotes-then-representative",
        language="en",
        paragraphs=(
            "VIENNA, 22 August 2022 – The OSCE Representative on Freedom of the Media criticized new laws "
            "that label independent outlets as “undesirable” or “foreign agents”.",
            "Such “protection” of the information space only narrows pluralism, she said.",
            "“Journalists must be able to work without being stigmatized,” said Representative on Freedom "
            "of the Media Sofia Marchetti.",
        ),
        quotes=(("Journalists must be able to work without being stigmatized,", "Sofia Marchetti", 2),),
        speakers=(("Sofia Marchetti", "Representative on Freedom of the Media"),),
    ),
    HeldOutCase(
        name="institution-statement",
        language="en",
        paragraphs=(
            "SARAJEVO, 11 October 2023 – The OSCE Mission to Bosnia and Herzegovina welcomed the "
            "appointment of the new members of the Central Election Commission.",
            "“The Mission remains committed to supporting the Commission in its work,” the Mission said in "
            "a statement.",
        ),
        quotes=(("The Mission remains committed to supporting the Commission in its work,", None, 1),),
        speakers=(),
    ),
    HeldOutCase(
        name="anonymous-participant",
        language="en",
        paragraphs=(
            "GJILAN, 6 June 2018 – Teachers from twelve schools received new teaching materials in three "
            "languages.",
            "One participant, a history teacher, put it simply: “We finally have materials our pupils can "
            "relate to.”",
        ),
        quotes=(("We finally have materials our pupils can relate to.", None, 1),),
        speakers=(),
    ),
    HeldOutCase(
        name="nested-single-quotes",
        language="en",
        paragraphs=(
            "VIENNA, 12 August 2021 – Young people from across the OSCE region met online on International "
            "Youth Day.",
            "“Young people told us: ‘We want to be heard, not only consulted,’ and we listened,” said Elif "
            "Demir, OSCE Youth Focal Point.",
        ),
        quotes=(("Young people told us: ‘We want to be heard, not only consulted,’ and we listened,", "Elif Demir", 1),),
        speakers=(("Elif Demir", "OSCE Youth Focal Point"),),
    ),
    HeldOutCase(
        name="stray-inch-mark",
        language="en",
        paragraphs=(
            "OSH, 3 May 2017 – Police seized 40 kilograms of cannabis and a 9\" knife during a joint "
            "operation.",
            "“Cross-border co-operation made this result possible,” said Colonel Petar Stojanov, head of "
            "the regional border police.",
        ),
        quotes=(("Cross-border co-operation made this result possible,", "Petar Stojanov", 1),),
        speakers=(("Petar Stojanov", "head of the regional border police"),),
    ),
    HeldOutCase(
        name="unclosed-quote-before-said",
        language="en",
        paragraphs=(
            "TIRANA, 19 January 2016 – The OSCE Presence in Albania handed over equipment to the State "
            "Election Commission.",
            "“We will continue to support the Commission in the run-up to the elections, said Head of "
            "Presence Karin Lund.",
        ),
        quotes=(("We will continue to support the Commission in the run-up to the elections,", "Karin Lund", 1),),
        speakers=(("Karin Lund", "Head of Presence"),),
    ),
    HeldOutCase(
        name="straight-curly-mix",
        language="en",
        paragraphs=(
            "TIRANA, 2 December 2015 – Civil society organizations met the OSCE Presence in Albania.",
            "\"Our door is always open to civil society,” said Ambassador Jan Novak, Head of the OSCE "
            "Presence in Albania.",
            "“Reform takes patience and partners,\" he added.",
        ),
        quotes=(
            ("Our door is always open to civil society,", "Jan Novak", 1),
            ("Reform takes patience and partners,", "Jan Novak", 2),
        ),
        speakers=(("Jan Novak", "Head of the OSCE Presence in Albania"),),
    ),
    HeldOutCase(
        name="europarl-rapporteur-before-and-shadow-after",
        language="en",
        paragraphs=(
            "Plenary session: Parliament adopted new rules on the traceability of online sellers on Tuesday.",
            "Rapporteur Anna Kowalska (EPP, PL) said: “This law closes loopholes that fraudsters have "
            "exploited for years.”",
            "“We listened to small businesses at every stage,” said Marco Bellini (S&D, IT), shadow "
            "rapporteur for the file.",
        ),
        quotes=(
            ("This law closes loopholes that fraudsters have exploited for years.", "Anna Kowalska", 1),
            ("We listened to small businesses at every stage,", "Marco Bellini", 2),
        ),
        speakers=(("Anna Kowalska", "Rapporteur"), ("Marco Bellini", "shadow rapporteur for the file")),
    ),
    HeldOutCase(
        name="europarl-name-party-rapporteur-said",
        language="en",
        paragraphs=(
            "The Internal Market Committee backed the draft labelling rules by 35 votes to 4.",
            "Klaus Berger (EPP, DE), rapporteur, said: “Consumers deserve to know what they are buying and "
            "where it was made.”",
        ),
        quotes=(("Consumers deserve to know what they are buying and where it was made.", "Klaus Berger", 1),),
        speakers=(("Klaus Berger", "rapporteur"),),
    ),
    HeldOutCase(
        name="german-low-high-marks",
        language="de",
        paragraphs=(
            "WIEN, 3. Mai 2022 – Die OSZE hat heute einen Bericht über die Lage der Medienfreiheit vorgestellt.",
            "„Pressefreiheit ist kein Privileg, sondern eine Voraussetzung für Demokratie“, sagte die "
            "OSZE-Beauftragte für Medienfreiheit, Helena Brandt.",
            "Brandt fügte hinzu: „Wir werden die Entwicklungen in allen Teilnehmerstaaten genau beobachten.“",
        ),
        quotes=(
            ("Pressefreiheit ist kein Privileg, sondern eine Voraussetzung für Demokratie", "Helena Brandt", 1),
            ("Wir werden die Entwicklungen in allen Teilnehmerstaaten genau beobachten.", "Helena Brandt", 2),
        ),
        speakers=(("Helena Brandt", "OSZE-Beauftragte für Medienfreiheit"),),
    ),
    HeldOutCase(
        name="german-campaign-and-erklaerte",
        language="de",
        paragraphs=(
            "CHISINAU, 4. Oktober 2019 – Die OSZE-Mission hat die Kampagne „Gemeinsam gegen Hass“ in "
            "zwanzig Schulen gestartet.",
            "„Jede Schule, die mitmacht, sendet ein deutliches Signal an die ganze Gemeinde“, erklärte "
            "Botschafter Markus Weiler, Leiter der OSZE-Mission in Moldau.",
        ),
        quotes=(
            ("Jede Schule, die mitmacht, sendet ein deutliches Signal an die ganze Gemeinde", "Markus Weiler", 1),
        ),
        speakers=(("Markus Weiler", "Leiter der OSZE-Mission in Moldau"),),
    ),
    HeldOutCase(
        name="russian-guillemets-said",
        language="ru",
        paragraphs=(
            "ДУШАНБЕ, 5 апреля 2018 г. – Офис ОБСЕ в Таджикистане провел семинар по вопросам "
            "пограничной безопасности.",
            "«Сотрудничество между пограничными службами укрепляет доверие в регионе», – сказал глава "
            "Офиса ОБСЕ в Таджикистане Игорь Соколов.",
        ),
        quotes=(("Сотрудничество между пограничными службами укрепляет доверие в регионе", "Игорь Соколов", 1),),
        speakers=(("Игорь Соколов", "глава Офиса ОБСЕ в Таджикистане"),),
    ),
    HeldOutCase(
        name="russian-named-places-not-quotes",
        language="ru",
        paragraphs=(
            "ДУШАНБЕ, 12 мая 2019 г. – Семинар прошел в учебном центре «Рушд» при участии общественной "
            "организации «Мост доверия».",
            "«Мы благодарны ОБСЕ за многолетнюю поддержку наших инициатив», – отметила заместитель "
            "министра Мадина Рахимова.",
        ),
        quotes=(("Мы благодарны ОБСЕ за многолетнюю поддержку наших инициатив", "Мадина Рахимова", 1),),
        speakers=(("Мадина Рахимова", "заместитель министра"),),
    ),
    HeldOutCase(
        name="russian-podcherknul",
        language="ru",
        paragraphs=(
            "БИШКЕК, 20 июня 2021 г. – Центр ОБСЕ в Бишкеке передал оборудование местным органам власти.",
            "«Это оборудование поможет муниципалитетам лучше отвечать на запросы граждан», – подчеркнул "
            "руководитель Центра ОБСЕ в Бишкеке Павел Смирнов.",
        ),
        quotes=(
            ("Это оборудование поможет муниципалитетам лучше отвечать на запросы граждан", "Павел Смирнов", 1),
        ),
        speakers=(("Павел Смирнов", "руководитель Центра ОБСЕ в Бишкеке"),),
    ),
    HeldOutCase(
        name="possessive-role-told-journalists",
        language="en",
        paragraphs=(
            "KYIV, 16 February 2015 – The OSCE’s Chief Monitor, Hakan Aydın, told journalists in Kyiv that "
            "the number of ceasefire violations had doubled in a week.",
            "“What we see on the ground is deeply worrying,” Aydın said.",
        ),
        quotes=(("What we see on the ground is deeply worrying,", "Hakan Aydın", 1),),
        speakers=(("Hakan Aydın", "OSCE’s Chief Monitor"),),
    ),
    HeldOutCase(
        name="stressed-that-then-she-noted",
        language="en",
        paragraphs=(
            "COPENHAGEN, 6 July 2018 – The OSCE Parliamentary Assembly closed its annual session.",
            "Parliamentary Assembly President Lena Holmgren stressed that “dialogue must continue even when "
            "it is hardest.”",
            "She noted: “The Assembly has always been a bridge between capitals.”",
        ),
        quotes=(
            ("dialogue must continue even when it is hardest.", "Lena Holmgren", 1),
            ("The Assembly has always been a bridge between capitals.", "Lena Holmgren", 2),
        ),
        speakers=(("Lena Holmgren", "Parliamentary Assembly President"),),
    ),
    HeldOutCase(
        name="interrupted-by-attribution",
        language="en",
        paragraphs=(
            "CHISINAU, 28 September 2017 – Prosecutors and police officers completed a course on "
            "victim-centred investigations.",
            "“The training gave us practical tools,” said one participant, Olga Ivanova, a prosecutor from "
            "Chisinau. “Now we know how to work with victims without causing more harm.”",
        ),
        quotes=(
            ("The training gave us practical tools,", "Olga Ivanova", 1),
            ("Now we know how to work with victims without causing more harm.", "Olga Ivanova", 1),
        ),
        speakers=(("Olga Ivanova", "prosecutor from Chisinau"),),
    ),
    HeldOutCase(
        name="stand-alone-continuation",
        language="en",
        paragraphs=(
            "CHISINAU, 3 March 2016 – Representatives of both banks of the Dniester met in Bender.",
            "Deputy Head of the OSCE Mission to Moldova Kai Hoffmann said: “The settlement process needs "
            "concrete steps, not only declarations.”",
            "“Freedom of movement for residents on both banks must be the first of them.”",
        ),
        quotes=(
            ("The settlement process needs concrete steps, not only declarations.", "Kai Hoffmann", 1),
            ("Freedom of movement for residents on both banks must be the first of them.", "Kai Hoffmann", 2),
        ),
        speakers=(("Kai Hoffmann", "Deputy Head of the OSCE Mission to Moldova"),),
    ),
    HeldOutCase(
        name="honorific-surname",
        language="en",
        paragraphs=(
            "VIENNA, 23 May 2019 – Ms. Ruth Adler, Director of the OSCE Conflict Prevention Centre, briefed "
            "the Permanent Council on the early warning system.",
            "“Early warning only works if it leads to early action,” Ms. Adler said.",
        ),
        quotes=(("Early warning only works if it leads to early action,", "Ruth Adler", 1),),
        speakers=(("Ruth Adler", "Director of the OSCE Conflict Prevention Centre"),),
    ),
    HeldOutCase(
        name="two-introduced-surname-back-references",
        language="en",
        paragraphs=(
            "SARAJEVO, 14 June 2017 – Minister of Justice Vesna Kralj and the Head of the OSCE Mission to "
            "Bosnia and Herzegovina, Brian O’Neill, signed a memorandum on judicial training.",
            "“This memorandum gives judges the training they have asked for,” Kralj said.",
            "O’Neill said the Mission would fund the first three courses. “We are proud to be part of it,” "
            "he added.",
        ),
        quotes=(
            ("This memorandum gives judges the training they have asked for,", "Vesna Kralj", 1),
            ("We are proud to be part of it,", "Brian O’Neill", 2),
        ),
        speakers=(
            ("Vesna Kralj", "Minister of Justice"),
            ("Brian O’Neill", "Head of the OSCE Mission to Bosnia and Herzegovina"),
        ),
    ),
    HeldOutCase(
        name="hyphenated-name",
        language="en",
        paragraphs=(
            "PRAGUE, 11 September 2018 – The OSCE Economic and Environmental Forum opened in Prague.",
            "“Good governance and a clean environment go hand in hand,” said Jean-Pierre Lefèvre, OSCE "
            "Co-ordinator of Economic and Environmental Activities.",
        ),
        quotes=(("Good governance and a clean environment go hand in hand,", "Jean-Pierre Lefèvre", 1),),
        speakers=(("Jean-Pierre Lefèvre", "OSCE Co-ordinator of Economic and Environmental Activities"),),
    ),
    HeldOutCase(
        name="law-titles-then-chairperson",
        language="en",
        paragraphs=(
            "BISHKEK, 17 April 2014 – Parliament adopted amendments to the Law “On Peaceful Assemblies” "
            "and the Law “On Mass Media” in their second reading.",
            "“We have taken the Representative’s recommendations into account,” said Aigul Bekova, "
            "Chairperson of the Parliamentary Committee on Human Rights.",
        ),
        quotes=(("We have taken the Representative’s recommendations into account,", "Aigul Bekova", 1),),
        speakers=(("Aigul Bekova", "Chairperson of the Parliamentary Committee on Human Rights"),),
    ),
    HeldOutCase(
        name="project-title-then-project-manager",
        language="en",
        paragraphs=(
            "SARAJEVO, 30 November 2020 – The three-year project “Strengthening Local Governance in the "
            "Western Balkans” came to an end with a conference in Sarajevo.",
            "“This project has already changed how municipalities talk to citizens,” said Project Manager "
            "Dino Ramić.",
        ),
        quotes=(("This project has already changed how municipalities talk to citizens,", "Dino Ramić", 1),),
        speakers=(("Dino Ramić", "Project Manager"),),
    ),
    HeldOutCase(
        name="quoted-terms-only",
        language="en",
        paragraphs=(
            "VIENNA, 10 October 2022 – Experts discussed so-called “deep fakes” and what they called "
            "“information disorder” at a workshop for editors.",
            "Participants agreed that media literacy should start in primary school.",
        ),
        quotes=(),
        speakers=(),
    ),
    HeldOutCase(
        name="title-with-comma-inside-then-quote",
        language="en",
        paragraphs=(
            "VIENNA, 19 April 2023 – The conference, “Partnerships Against Trafficking: Protecting Children "
            "Online,” was opened by the OSCE Special Representative, Mirko Salo.",
            "“Children are online long before they can read,” said Salo.",
        ),
        quotes=(("Children are online long before they can read,", "Mirko Salo", 1),),
        speakers=(("Mirko Salo", "OSCE Special Representative"),),
    ),
    HeldOutCase(
        name="chairmanship-statement-colon",
        language="en",
        paragraphs=(
            "TIRANA, 8 March 2020 – In a statement issued today, the Albanian OSCE Chairmanship said: “We "
            "condemn this attack on journalists in the strongest terms.”",
        ),
        quotes=(("We condemn this attack on journalists in the strongest terms.", None, 0),),
        speakers=(),
    ),
    HeldOutCase(
        name="warned-then-concluded",
        language="en",
        paragraphs=(
            "WARSAW, 27 January 2019 – ODIHR marked International Holocaust Remembrance Day with a "
            "commemoration in Warsaw.",
            "“We must not let the memory of the victims fade,” warned Marek Zieliński, Director of the "
            "National Remembrance Institute.",
            "“Remembrance is a duty, not a ritual,” he concluded.",
        ),
        quotes=(
            ("We must not let the memory of the victims fade,", "Marek Zieliński", 1),
            ("Remembrance is a duty, not a ritual,", "Marek Zieliński", 2),
        ),
        speakers=(("Marek Zieliński", "Director of the National Remembrance Institute"),),
    ),
    HeldOutCase(
        name="question-asked",
        language="en",
        paragraphs=(
            "VIENNA, 3 May 2016 – World Press Freedom Day was marked with a panel on the safety of journalists.",
            "“Who will protect journalists if not the State?” asked Tobias Engel, Senior Adviser to the "
            "OSCE Representative on Freedom of the Media.",
        ),
        quotes=(("Who will protect journalists if not the State?", "Tobias Engel", 1),),
        speakers=(("Tobias Engel", "Senior Adviser to the OSCE Representative on Freedom of the Media"),),
    ),
    HeldOutCase(
        name="pa-country-in-parentheses",
        language="en",
        paragraphs=(
            "MINSK, 12 October 2015 – International observers presented their preliminary conclusions.",
            "“Voting was calm, but the count lacked the transparency voters are entitled to,” said Pia "
            "Lindgren (Sweden), Special Co-ordinator and leader of the OSCE short-term observers.",
        ),
        quotes=(("Voting was calm, but the count lacked the transparency voters are entitled to,", "Pia Lindgren", 1),),
        speakers=(("Pia Lindgren", "Special Co-ordinator and leader of the OSCE short-term observers"),),
    ),
    HeldOutCase(
        name="the-head-of-mission-said",
        language="en",
        paragraphs=(
            "PRISTINA, 1 March 2018 – Ambassador Lars Øberg, Head of the OSCE Mission in Kosovo, visited "
            "municipal community offices in the north.",
            "The offices help residents obtain civil documents and property records.",
            "“Every resident deserves the same service, whatever language they speak,” the Head of Mission "
            "said.",
        ),
        quotes=(("Every resident deserves the same service, whatever language they speak,", "Lars Øberg", 2),),
        speakers=(("Lars Øberg", "Head of the OSCE Mission in Kosovo"),),
    ),
    HeldOutCase(
        name="interrupted-then-continued-over-paragraph",
        language="en",
        paragraphs=(
            "OSIJEK, 4 May 2012 – The OSCE Office in Zagreb presented results of its community policing "
            "programme.",
            "“We have trained 300 police officers this year,” said Police Adviser Dana Weber. “They now "
            "lead community meetings in their own districts.",
            "“Next year we will focus on rural areas, where trust is lowest.”",
        ),
        quotes=(
            ("We have trained 300 police officers this year,", "Dana Weber", 1),
            (
                "They now lead community meetings in their own districts. "
                "Next year we will focus on rural areas, where trust is lowest.",
                "Dana Weber",
                1,
            ),
        ),
        speakers=(("Dana Weber", "Police Adviser"),),
    ),
    HeldOutCase(
        name="indirect-speech-only",
        language="en",
        paragraphs=(
            "VIENNA, 14 December 2017 – The Secretary General said the Organization would strengthen its "
            "support to field operations in the coming year.",
            "He also welcomed the adoption of the unified budget by the Permanent Council.",
        ),
        quotes=(),
        speakers=(),
    ),
    HeldOutCase(
        name="underlined-colon-opening-remarks",
        language="en",
        paragraphs=(
            "DUSHANBE, 22 October 2019 – A regional seminar on countering violent extremism opened in Dushanbe.",
            "In her opening remarks, Ambassador Sara Lind, Head of the OSCE Programme Office in Dushanbe, "
            "underlined: “Prevention works best when communities, not only the police, are involved.”",
        ),
        quotes=(
            ("Prevention works best when communities, not only the police, are involved.", "Sara Lind", 1),
        ),
        speakers=(("Sara Lind", "Head of the OSCE Programme Office in Dushanbe"),),
    ),
    HeldOutCase(
        name="scare-quote-and-real-quote-same-paragraph",
        language="en",
        paragraphs=(
            "VIENNA, 13 May 2014 – The OSCE Chief Monitor, Ertan Kaya, spoke about the so-called "
            "“referendum” held in parts of the region.",
            "Kaya described the vote as illegitimate. “No participating State recognizes its outcome,” he "
            "said.",
        ),
        quotes=(("No participating State recognizes its outcome,", "Ertan Kaya", 1),),
        speakers=(("Ertan Kaya", "OSCE Chief Monitor"),),
    ),
    HeldOutCase(
        name="straight-quotes-explained-who-is",
        language="en",
        paragraphs=(
            "ALMATY, 9 November 2013 – Water management officials from five Central Asian States met in Almaty.",
            "\"Shared rivers need shared rules,\" explained Dilnoza Karimova, who is the Environmental "
            "Officer at the OSCE Programme Office in Astana.",
        ),
        quotes=(("Shared rivers need shared rules,", "Dilnoza Karimova", 1),),
        speakers=(("Dilnoza Karimova", "Environmental Officer at the OSCE Programme Office in Astana"),),
    ),
    HeldOutCase(
        name="institution-spokesperson-unnamed",
        language="en",
        paragraphs=(
            "VIENNA, 5 August 2021 – The OSCE Secretariat condemned the shelling of a civilian area.",
            "“Attacks on civilians are unacceptable under any circumstances,” an OSCE spokesperson said.",
        ),
        quotes=(("Attacks on civilians are unacceptable under any circumstances,", None, 1),),
        speakers=(),
    ),
)


def quotes_as_dicts(case: HeldOutCase) -> list[dict]:
    """The expected quotes in the record's shape (text, speaker, paragraph)."""
    return [{"text": text, "speaker": speaker, "paragraph": paragraph} for text, speaker, paragraph in case.quotes]


def speakers_as_dicts(case: HeldOutCase) -> list[dict]:
    """The expected speakers in the record's shape (name, role)."""
    return [{"name": name, "role": role} for name, role in case.speakers]
