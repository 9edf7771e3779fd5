"""Sixth held-out set for quote and speaker extraction: 30 invented release excerpts.

Written for issue 11, after the fifth set (bench/quotes_holdout_e.py) had been used for tuning, to give
an honest unseen measurement of the final code. Its author did NOT read the extractor (scraper/), its
tests, the first held-out set, the first measurements or the cases of the second to fifth sets; only
the gold conventions (../shared/osce/GOLD_CONVENTIONS.md), the data format of the fourth and fifth sets
(reused here by import), the scoring code of bench/quotes.py and the visible text of three OSCE pages
for their style. Every excerpt, name and event is invented; no sentence is copied from a real page.

20 excerpts in the OSCE's voices (Chairpersonship, Secretary General, ODIHR, HCNM, RFoM, field
operations in Skopje, Bishkek, Ashgabat and Serbia, the Parliamentary Assembly, the Special
Representative for Combating Trafficking) and 10 of other organizations (UN agencies, ministries,
NGOs, parliaments). 22 in English, 4 in Russian, 2 in French, 2 in German.

11 cases are marked `hard`: consecutive quoted paragraphs whose speaker changes; a title alone
("the High Commissioner", "The Minister") at the quote; a quotation over two paragraphs; a page whose
every quoted span is a title, hashtag or scare quote; straight single marks with an apostrophe inside;
an opening appositive of an unusual shape ("newly named as …") then a pronoun; a joint statement of
two officials (speaker None) beside a quote of one of them; a British "MP" after the name.

The expectations follow the fourth set's rules (see its docstring): `text` exactly between the marks
(without a typesetter's spaces inside guillemets), one entry for a quotation over several paragraphs,
two for one interrupted by an attribution; `speaker` the full name as first introduced without
honorifics, None for an institution, an unnamed official, an anonymous person or words attributed to
two people at once; `role` the fullest role phrase the text gives, leading article and bracketed
acronyms dropped, verbatim otherwise, None if none. No EP capitals and no party brackets occur here,
so `affiliation` and `name_raw` are always None. Self-check: `uv run python -m bench.quotes_holdout_f`.
"""

from __future__ import annotations

from bench.quotes_holdout_b import ExpectedQuote as Q
from bench.quotes_holdout_d import ExpectedSpeakerD as S
from bench.quotes_holdout_d import HeldOutCaseD, problems

__all__ = ["CASES", "problems"]

NB = "\u00a0"  # the no-break space a French typesetter puts inside guillemets

CASES: list[HeldOutCaseD] = [
    # ---------------------------------------------------------------- OSCE, English
    HeldOutCaseD(
        name="osce-cio-water-conference",
        paragraphs=(
            "TASHKENT, 12 April 2027 – OSCE Chairperson-in-Office Lieven Dauwe today opened a two-day "
            "conference on shared rivers and regional security in Central Asia, bringing together water "
            "ministers from five participating States.",
            "“Water does not stop at a border post, and neither should our co-operation,” said Dauwe. "
            "“Every dam and every canal in this region is also a question of trust between neighbours.”",
            "The conference will close on Thursday with a set of joint recommendations.",
        ),
        quotes=(
            Q("Water does not stop at a border post, and neither should our co-operation,", "Lieven Dauwe", 1),
            Q("Every dam and every canal in this region is also a question of trust between neighbours.", "Lieven Dauwe", 1),
        ),
        speakers=(S("Lieven Dauwe", "OSCE Chairperson-in-Office"),),
    ),
    HeldOutCaseD(
        name="osce-sg-cyber-colon",
        paragraphs=(
            "VIENNA, 3 June 2027 – The OSCE Secretary General, Helga Marstrand, addressed the annual "
            "meeting of national cyber points of contact at the Hofburg today.",
            "Marstrand said in her opening remarks: “Confidence-building measures only matter if someone "
            "answers the phone at three in the morning. That is what this network is for.”",
            "“We have tested the channels twice this year, and both times they worked,” she added.",
        ),
        quotes=(
            Q("Confidence-building measures only matter if someone answers the phone at three in the morning. "
              "That is what this network is for.", "Helga Marstrand", 1),
            Q("We have tested the channels twice this year, and both times they worked,", "Helga Marstrand", 2),
        ),
        speakers=(S("Helga Marstrand", "OSCE Secretary General"),),
    ),
    HeldOutCaseD(
        name="osce-odihr-eom-alternating",
        paragraphs=(
            "TBILISI, 28 October 2027 – Sunday’s parliamentary elections offered voters a genuine choice, "
            "but the campaign was marred by pressure on public employees, international observers said at a "
            "press conference today.",
            "“Voters turned out in large numbers and the count was largely orderly,” said Anneli Korpela, "
            "Special Co-ordinator and leader of the short-term OSCE observers.",
            "“What worries us is what happened before election day, in ministries and schools,” said Ruairí "
            "Gallagher, Head of the ODIHR election observation mission.",
            "“We received credible reports of staff being told how to vote and asked to photograph their "
            "ballots.”",
            "“Parliamentarians from across the region will follow up on these findings,” said Vesna "
            "Petrović, head of the OSCE PA delegation.",
        ),
        quotes=(
            Q("Voters turned out in large numbers and the count was largely orderly,", "Anneli Korpela", 1),
            Q("What worries us is what happened before election day, in ministries and schools,", "Ruairí Gallagher", 2),
            Q("We received credible reports of staff being told how to vote and asked to photograph their ballots.",
              "Ruairí Gallagher", 3),
            Q("Parliamentarians from across the region will follow up on these findings,", "Vesna Petrović", 4),
        ),
        speakers=(
            S("Anneli Korpela", "Special Co-ordinator and leader of the short-term OSCE observers"),
            S("Ruairí Gallagher", "Head of the ODIHR election observation mission"),
            S("Vesna Petrović", "head of the OSCE PA delegation"),
        ),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-hcnm-title-backref",
        paragraphs=(
            "THE HAGUE, 9 September 2027 – The OSCE High Commissioner on National Minorities, Pieter "
            "Olderaan, today welcomed the adoption of a new law on the use of languages in public "
            "administration in Moldova.",
            "The High Commissioner had advised the drafting group over the past eighteen months and met its "
            "members twice in Chisinau.",
            "“A language law is judged by how it works in a small-town post office, not by how it reads in "
            "Parliament,” the High Commissioner said. “I will keep watching closely how it is implemented.”",
        ),
        quotes=(
            Q("A language law is judged by how it works in a small-town post office, not by how it reads in Parliament,",
              "Pieter Olderaan", 2),
            Q("I will keep watching closely how it is implemented.", "Pieter Olderaan", 2),
        ),
        speakers=(S("Pieter Olderaan", "OSCE High Commissioner on National Minorities"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-rfom-law-and-scare-quotes",
        paragraphs=(
            "VIENNA, 21 January 2027 – The OSCE Representative on Freedom of the Media, Dalia Ruokis, "
            "today expressed concern about amendments to the law “On Information Security” which would let "
            "officials block websites that publish “unverified content” without a court order.",
            "“Vague terms in a media law always end up being used against the journalists who ask the "
            "hardest questions,” Ruokis said. She offered her Office’s legal expertise to the parliament.",
        ),
        quotes=(
            Q("Vague terms in a media law always end up being used against the journalists who ask the hardest questions,",
              "Dalia Ruokis", 1),
        ),
        speakers=(S("Dalia Ruokis", "OSCE Representative on Freedom of the Media"),),
    ),
    HeldOutCaseD(
        name="osce-skopje-two-paragraph-quote",
        paragraphs=(
            "SKOPJE, 5 May 2027 – The Head of the OSCE Mission to Skopje, Ambassador Gerhard Lindqvist, "
            "handed over forty laptops to municipal youth councils at a ceremony in Tetovo today.",
            "“Young people here are not waiting for permission to take part in local politics. They "
            "already organize clean-up days, debates and cultural festivals in three languages.",
            "“What they asked us for was simple: the tools to do it properly. We are glad to help,” "
            "Lindqvist said.",
        ),
        quotes=(
            Q("Young people here are not waiting for permission to take part in local politics. They already "
              "organize clean-up days, debates and cultural festivals in three languages. What they asked us for "
              "was simple: the tools to do it properly. We are glad to help,", "Gerhard Lindqvist", 1),
        ),
        speakers=(S("Gerhard Lindqvist", "Head of the OSCE Mission to Skopje"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-pa-president-pronoun",
        paragraphs=(
            "COPENHAGEN, 18 February 2027 – “Parliaments must keep the door to dialogue open even when "
            "governments close theirs,” said Kristiina Aaltola, President of the OSCE Parliamentary "
            "Assembly, as the Assembly’s Winter Meeting opened in Vienna.",
            "She also announced the creation of an ad hoc committee on migration. “We will go to the "
            "borders ourselves and listen,” she noted.",
        ),
        quotes=(
            Q("Parliaments must keep the door to dialogue open even when governments close theirs,", "Kristiina Aaltola", 0),
            Q("We will go to the borders ourselves and listen,", "Kristiina Aaltola", 1),
        ),
        speakers=(S("Kristiina Aaltola", "President of the OSCE Parliamentary Assembly"),),
    ),
    HeldOutCaseD(
        name="osce-pa-unnamed-spokesperson",
        paragraphs=(
            "COPENHAGEN, 2 March 2027 – The OSCE Parliamentary Assembly has postponed its autumn meeting in "
            "Baku by two weeks because of the floods in the region.",
            "“The safety of participants and of our hosts comes first,” an Assembly spokesperson said, "
            "adding that registrations would remain valid.",
            "Secretary General of the Assembly Ronan Delacourt said the new dates would be confirmed on "
            "Friday. “Nothing on the agenda is being dropped,” Delacourt said.",
        ),
        quotes=(
            Q("The safety of participants and of our hosts comes first,", None, 1),
            Q("Nothing on the agenda is being dropped,", "Ronan Delacourt", 2),
        ),
        speakers=(S("Ronan Delacourt", "Secretary General of the Assembly"),),
    ),
    HeldOutCaseD(
        name="osce-bishkek-title-before-name",
        paragraphs=(
            "BISHKEK, 14 November 2027 – Head of the OSCE Programme Office in Bishkek Ambassador Marek "
            "Zieliński today opened a training course for 25 border guards on detecting forged documents.",
            "“A well-trained officer at the crossing point is the best protection against trafficking "
            "networks,” Zieliński said.",
            "The course is part of the project “Safe Borders, Open Trade”, funded by Norway and Japan.",
        ),
        quotes=(
            Q("A well-trained officer at the crossing point is the best protection against trafficking networks,",
              "Marek Zieliński", 1),
        ),
        speakers=(S("Marek Zieliński", "Head of the OSCE Programme Office in Bishkek"),),
    ),
    HeldOutCaseD(
        name="osce-titles-hashtag-no-speech",
        paragraphs=(
            "WARSAW, 10 December 2027 – ODIHR today launched “Defending the Defenders: A Five-Year Review”, "
            "a report on the situation of human rights defenders across the OSCE region.",
            "The report will be presented at the conference “Civic Space under Pressure” in Vienna next "
            "month, and accompanied by the online campaign #StandWithDefenders.",
            "It documents the growing use of “foreign agent” labels and so-called “anti-extremism” laws, "
            "and of the “Stop the Slander” bills tabled in several parliaments.",
        ),
        quotes=(),
        speakers=(),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-straight-single-marks",
        paragraphs=(
            "ASHGABAT, 6 July 2027 – The OSCE Centre in Ashgabat and the Ministry of Education hosted a "
            "round table on inclusive schooling for children with disabilities.",
            "'We don't measure progress in documents signed, we measure it in children who are in class,' "
            "said Ambassador Beata Kowalczyk, Head of the OSCE Centre in Ashgabat.",
            "'Next year the pilot will reach twelve more schools,' she said.",
        ),
        quotes=(
            Q("We don't measure progress in documents signed, we measure it in children who are in class,",
              "Beata Kowalczyk", 1),
            Q("Next year the pilot will reach twelve more schools,", "Beata Kowalczyk", 2),
        ),
        speakers=(S("Beata Kowalczyk", "Head of the OSCE Centre in Ashgabat"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-opening-appositive-newly-named",
        paragraphs=(
            "VIENNA, 1 February 2027 – Ingrid Solheim, newly named as the OSCE Special Representative and "
            "Co-ordinator for Combating Trafficking in Human Beings, today called on participating States to "
            "look harder at labour exploitation in agriculture.",
            "“Most victims we hear about were recruited online with a job offer that looked completely "
            "ordinary,” she said.",
            "Solheim will travel to Spain and Italy later this month.",
        ),
        quotes=(
            Q("Most victims we hear about were recruited online with a job offer that looked completely ordinary,",
              "Ingrid Solheim", 1),
        ),
        speakers=(
            S("Ingrid Solheim", "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings"),
        ),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-joint-statement-then-one",
        paragraphs=(
            "VIENNA, 30 July 2027 – On the World Day against Trafficking in Persons, the OSCE Secretary "
            "General Helga Marstrand and the Director of ODIHR Tomasz Brenk issued a joint statement.",
            "“No country in our region can claim it is untouched by trafficking,” said Marstrand and Brenk. "
            "“Prevention starts with decent work and with listening to survivors.”",
            "Brenk added: “Our Office will publish guidance for national rapporteurs before the end of the "
            "year.”",
        ),
        quotes=(
            Q("No country in our region can claim it is untouched by trafficking,", None, 1),
            Q("Prevention starts with decent work and with listening to survivors.", None, 1),
            Q("Our Office will publish guidance for national rapporteurs before the end of the year.", "Tomasz Brenk", 2),
        ),
        speakers=(S("Tomasz Brenk", "Director of ODIHR"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-sg-interrupted-quote",
        paragraphs=(
            "VIENNA, 16 September 2027 – Secretary General Helga Marstrand met students of the OSCE "
            "Academy in Bishkek by video link today.",
            "“You are the generation that will decide what security means in this region,” Marstrand told "
            "them. “Do not let anybody tell you it is only about weapons.”",
        ),
        quotes=(
            Q("You are the generation that will decide what security means in this region,", "Helga Marstrand", 1),
            Q("Do not let anybody tell you it is only about weapons.", "Helga Marstrand", 1),
        ),
        speakers=(S("Helga Marstrand", "Secretary General"),),
    ),
    HeldOutCaseD(
        name="osce-ashgabat-anonymous-participant",
        paragraphs=(
            "TURKMENABAT, 22 April 2027 – Forty women entrepreneurs took part in a three-day workshop on "
            "online sales organized by the OSCE Centre in Ashgabat.",
            "“For the first time I understood how to price my carpets for buyers abroad,” said one "
            "participant, a weaver from Lebap province.",
            "“The demand is clearly there,” said Dovlet Annayev, the Centre’s economic officer. “The next "
            "step is access to small loans.”",
        ),
        quotes=(
            Q("For the first time I understood how to price my carpets for buyers abroad,", None, 1),
            Q("The demand is clearly there,", "Dovlet Annayev", 2),
            Q("The next step is access to small loans.", "Dovlet Annayev", 2),
        ),
        speakers=(S("Dovlet Annayev", "Centre’s economic officer"),),
    ),
    # ---------------------------------------------------------------- OSCE, Russian, French, German
    HeldOutCaseD(
        name="osce-ru-bishkek-colon",
        paragraphs=(
            "БИШКЕК, 3 марта 2027 г. – Глава Программного офиса ОБСЕ в Бишкеке посол Марек Зелиньский "
            "открыл сегодня семинар для местных журналистов.",
            "Зелиньский заявил: «Свободная пресса в регионах так же важна, как и в столице».",
        ),
        quotes=(Q("Свободная пресса в регионах так же важна, как и в столице", "Марек Зелиньский", 1),),
        speakers=(S("Марек Зелиньский", "Глава Программного офиса ОБСЕ в Бишкеке"),),
        language="ru",
    ),
    HeldOutCaseD(
        name="osce-ru-hcnm-project-name",
        paragraphs=(
            "ГААГА, 11 октября 2027 г. – «Многоязычная школа – это не угроза, а преимущество для всей "
            "страны», – отметил Верховный комиссар ОБСЕ по делам национальных меньшинств Питер Олдераан "
            "по итогам визита в Казахстан.",
            "Он посетил школы, участвующие в проекте «Мост языков», и встретился с учителями.",
        ),
        quotes=(
            Q("Многоязычная школа – это не угроза, а преимущество для всей страны", "Питер Олдераан", 0),
        ),
        speakers=(S("Питер Олдераан", "Верховный комиссар ОБСЕ по делам национальных меньшинств"),),
        language="ru",
    ),
    HeldOutCaseD(
        name="osce-ru-odihr-two-speakers",
        paragraphs=(
            "ВАРШАВА, 20 мая 2027 г. – БДИПЧ ОБСЕ провело консультации с центральными избирательными "
            "комиссиями стран Центральной Азии.",
            "«Доверие избирателей начинается с прозрачного подсчёта голосов», – сказала г-жа Лейла "
            "Исмаилова, заместитель директора БДИПЧ.",
            "«Мы готовы делиться опытом электронных списков избирателей», – добавил председатель ЦИК "
            "Кыргызстана г-н Азамат Осмонов.",
            "«Следующая встреча пройдёт осенью в Бишкеке», – уточнила Исмаилова.",
        ),
        quotes=(
            Q("Доверие избирателей начинается с прозрачного подсчёта голосов", "Лейла Исмаилова", 1),
            Q("Мы готовы делиться опытом электронных списков избирателей", "Азамат Осмонов", 2),
            Q("Следующая встреча пройдёт осенью в Бишкеке", "Лейла Исмаилова", 3),
        ),
        speakers=(
            S("Лейла Исмаилова", "заместитель директора БДИПЧ"),
            S("Азамат Осмонов", "председатель ЦИК Кыргызстана"),
        ),
        hard=True,
        language="ru",
    ),
    HeldOutCaseD(
        name="osce-fr-cio-appositive-colon",
        paragraphs=(
            "VIENNE, 8 novembre 2027 – La Présidente en exercice de l’OSCE, Mme Claire Dufresne, a ouvert "
            "aujourd’hui la réunion du Conseil permanent consacrée à la sécurité alimentaire.",
            f"Mme Dufresne a souligné : «{NB}Aucune région ne peut se croire à l’abri d’une crise "
            f"alimentaire.{NB}»",
            f"«{NB}Nous devons agir ensemble et maintenant{NB}», a-t-elle conclu.",
        ),
        quotes=(
            Q("Aucune région ne peut se croire à l’abri d’une crise alimentaire.", "Claire Dufresne", 1),
            Q("Nous devons agir ensemble et maintenant", "Claire Dufresne", 2),
        ),
        speakers=(S("Claire Dufresne", "Présidente en exercice de l’OSCE"),),
        language="fr",
    ),
    HeldOutCaseD(
        name="osce-de-serbia-mission",
        paragraphs=(
            "BELGRAD, 15. Juni 2027 – „Lokale Medien sind für die Demokratie unverzichtbar“, sagte der "
            "Leiter der OSZE-Mission in Serbien, Botschafter Jan Hollmann, bei der Eröffnung eines Forums "
            "in Niš.",
            "Hollmann fügte hinzu: „Wir werden die Redaktionen auch im nächsten Jahr unterstützen.“",
        ),
        quotes=(
            Q("Lokale Medien sind für die Demokratie unverzichtbar", "Jan Hollmann", 0),
            Q("Wir werden die Redaktionen auch im nächsten Jahr unterstützen.", "Jan Hollmann", 1),
        ),
        speakers=(S("Jan Hollmann", "Leiter der OSZE-Mission in Serbien"),),
        language="de",
    ),
    # ---------------------------------------------------------------- other organizations
    HeldOutCaseD(
        name="un-refugee-agency-representative",
        paragraphs=(
            "N’DJAMENA, 4 August 2027 – More than 30,000 people have crossed into eastern Chad in the past "
            "three weeks, the UN refugee agency said on Tuesday, calling for urgent funding for water and "
            "shelter.",
            "“Families are arriving exhausted, many of them after walking for days with small children,” "
            "said Amara Okonjo, UNHCR’s Representative in Chad.",
            "“Without new funding, we will have to cut food rations by half from September,” Okonjo warned.",
        ),
        quotes=(
            Q("Families are arriving exhausted, many of them after walking for days with small children,", "Amara Okonjo", 1),
            Q("Without new funding, we will have to cut food rations by half from September,", "Amara Okonjo", 2),
        ),
        speakers=(S("Amara Okonjo", "UNHCR’s Representative in Chad"),),
    ),
    HeldOutCaseD(
        name="ministry-minister-title-backref",
        paragraphs=(
            "BERN, 19 March 2027 – Minister of Foreign Affairs Dr. Lukas Brenner today received the "
            "delegation of the International Committee on Missing Persons.",
            "The talks focused on the identification of remains found last autumn and on support for the "
            "families.",
            "The Minister said: “Families have waited far too long for answers. Switzerland will double its "
            "contribution to the forensic programme.”",
        ),
        quotes=(
            Q("Families have waited far too long for answers. Switzerland will double its contribution to the "
              "forensic programme.", "Lukas Brenner", 2),
        ),
        speakers=(S("Lukas Brenner", "Minister of Foreign Affairs"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="ngo-report-title-surname",
        paragraphs=(
            "LONDON, 27 May 2027 – Fishermen on the southern coast are being intimidated for speaking to "
            "the press, according to “Silenced Shores”, a new report by the NGO Coastal Rights Watch "
            "published today.",
            "“People told us they were followed home after giving interviews,” said Mariana Ferreira, "
            "executive director of Coastal Rights Watch.",
            "“We are asking the authorities to investigate every single case,” added Ferreira.",
        ),
        quotes=(
            Q("People told us they were followed home after giving interviews,", "Mariana Ferreira", 1),
            Q("We are asking the authorities to investigate every single case,", "Mariana Ferreira", 2),
        ),
        speakers=(S("Mariana Ferreira", "executive director of Coastal Rights Watch"),),
    ),
    HeldOutCaseD(
        name="parliament-committee-chair-mp",
        paragraphs=(
            "The Home Affairs Committee today published its report on asylum accommodation, calling the "
            "use of former military barracks “a false economy”.",
            "Chair of the Home Affairs Committee, Nadia Rahimi MP, said: “The Government has spent more "
            "money, not less, by relying on emergency sites. It must publish a long-term plan before the "
            "summer recess.”",
        ),
        quotes=(
            Q("The Government has spent more money, not less, by relying on emergency sites. It must publish a "
              "long-term plan before the summer recess.", "Nadia Rahimi", 1),
        ),
        speakers=(S("Nadia Rahimi", "Chair of the Home Affairs Committee"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="un-health-alternating-speakers",
        paragraphs=(
            "GENEVA, 7 April 2027 – The UN health agency and the Ministry of Health of Moldova today signed "
            "an agreement to expand mental health services in primary care.",
            "“Half of the people who need help never see a specialist, so help has to come to them,” said "
            "Dr Hans Kluivert, the agency’s Regional Director for Europe.",
            "“We will train 600 family doctors over the next two years,” said Minister of Health Elena "
            "Rusu.",
            "“This is an investment that pays for itself,” Kluivert said.",
        ),
        quotes=(
            Q("Half of the people who need help never see a specialist, so help has to come to them,", "Hans Kluivert", 1),
            Q("We will train 600 family doctors over the next two years,", "Elena Rusu", 2),
            Q("This is an investment that pays for itself,", "Hans Kluivert", 3),
        ),
        speakers=(
            S("Hans Kluivert", "agency’s Regional Director for Europe"),
            S("Elena Rusu", "Minister of Health"),
        ),
        hard=True,
    ),
    HeldOutCaseD(
        name="un-childrens-fund-speaker-after",
        paragraphs=(
            "ISTANBUL, 2 October 2027 – One in five children in the region lives in a household that cannot "
            "afford heating, according to a UNICEF survey published today.",
            "“Cold homes mean missed school days and more illness,” said the agency’s Regional Director "
            "for Europe and Central Asia, Sofia Andersen. “Social protection must reach these families "
            "before winter.”",
        ),
        quotes=(
            Q("Cold homes mean missed school days and more illness,", "Sofia Andersen", 1),
            Q("Social protection must reach these families before winter.", "Sofia Andersen", 1),
        ),
        speakers=(S("Sofia Andersen", "agency’s Regional Director for Europe and Central Asia"),),
    ),
    HeldOutCaseD(
        name="ministry-unnamed-official-and-minister",
        paragraphs=(
            "RIGA, 25 September 2027 – The Ministry of the Interior will add 150 officers to the eastern "
            "border guard next year, the ministry announced on Monday.",
            "“The situation at the border is under control,” a senior ministry official told reporters on "
            "condition of anonymity.",
            "Interior Minister Ilze Kalniņa said the new posts would be funded from the reserve. “Security "
            "cannot wait for the next budget,” she said.",
        ),
        quotes=(
            Q("The situation at the border is under control,", None, 1),
            Q("Security cannot wait for the next budget,", "Ilze Kalniņa", 2),
        ),
        speakers=(S("Ilze Kalniņa", "Interior Minister"),),
    ),
    HeldOutCaseD(
        name="ministry-ru-honorific",
        paragraphs=(
            "АСТАНА, 9 февраля 2027 г. – Министерство экологии объявило о запуске программы «Чистая степь».",
            "«Мы высадим миллион деревьев за три года», – сообщил министр экологии г-н Ерлан Сейткали.",
        ),
        quotes=(Q("Мы высадим миллион деревьев за три года", "Ерлан Сейткали", 1),),
        speakers=(S("Ерлан Сейткали", "министр экологии"),),
        language="ru",
    ),
    HeldOutCaseD(
        name="ngo-fr-directrice-colon",
        paragraphs=(
            "PARIS, 14 mars 2027 – L’association Droit au Logement Solidaire publie aujourd’hui son rapport "
            "annuel sur les expulsions locatives.",
            f"La directrice de l’association, Mme Hélène Marchetti, a rappelé : «{NB}Une expulsion sans "
            f"solution de relogement est un échec collectif.{NB}»",
        ),
        quotes=(Q("Une expulsion sans solution de relogement est un échec collectif.", "Hélène Marchetti", 1),),
        speakers=(S("Hélène Marchetti", "directrice de l’association"),),
        language="fr",
    ),
    HeldOutCaseD(
        name="parliament-de-committee-chair",
        paragraphs=(
            "BERLIN, 6. Mai 2027 – „Der Schutz von Hinweisgebern darf nicht an der Bürokratie scheitern“, "
            "erklärte die Vorsitzende des Rechtsausschusses, Dr. Miriam Vogt, nach der Anhörung am Mittwoch.",
            "Vogt kündigte an: „Wir legen den Gesetzentwurf noch vor der Sommerpause vor.“",
        ),
        quotes=(
            Q("Der Schutz von Hinweisgebern darf nicht an der Bürokratie scheitern", "Miriam Vogt", 0),
            Q("Wir legen den Gesetzentwurf noch vor der Sommerpause vor.", "Miriam Vogt", 1),
        ),
        speakers=(S("Miriam Vogt", "Vorsitzende des Rechtsausschusses"),),
        language="de",
    ),
]


if __name__ == "__main__":
    # Self-check: `uv run python -m bench.quotes_holdout_f` lists typos in the expectations, exits 1 if any.
    import sys

    all_problems = [problem for case in CASES for problem in problems(case)]
    print("\n".join(all_problems) or f"{len(CASES)} cases, {sum(c.hard for c in CASES)} hard: expectations consistent")
    sys.exit(1 if all_problems else 0)
