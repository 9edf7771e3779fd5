"""Second held-out set for quote and speaker extraction: 40 release excerpts with their expected quotes.

Written from the gold conventions (../shared/osce/GOLD_CONVENTIONS.md) and the style of real OSCE
releases, WITHOUT reading the extractor (scraper/quotes/), its tests or the first held-out set, so
that no case is shaped by what the code does. Every excerpt, name and event is invented; no text is
copied from a real page. About a third of the cases are marked `hard`.

How the expectations are written (the gold conventions, plus two rulings they leave open):
- `text` is exactly the characters between the opening and the closing mark; a quotation running
  over several paragraphs is one entry (paragraphs joined with one space, the intermediate opening
  marks dropped); a quotation interrupted by an attribution is two entries; `paragraph` is the
  0-based index of the paragraph where the quotation opens.
- `speaker` is the full name as first introduced, without honorifics (Ambassador, Colonel); `None`
  when only an institution speaks.
- NOT quotes: titles of laws, reports, projects, conferences and campaigns; scare quotes and quoted
  terms of a word or two; Russian «names».
- Ruling 1: a partial quotation of a clause attributed to a person (`said the region was “a bridge,
  not a border” between...`) IS direct speech and is expected, with its speaker.
- Ruling 2: `role` is the fullest role phrase the text gives (leading article dropped, verbatim
  otherwise); an appositive after the name ends before a relative clause that describes an action
  (`who presented the report`) rather than a position.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING_MARKS = "“\"”«„"
CLOSING_MARKS = "”\"»“"


@dataclass(frozen=True)
class ExpectedQuote:
    text: str
    speaker: str | None
    paragraph: int


@dataclass(frozen=True)
class ExpectedSpeaker:
    name: str
    role: str | None


@dataclass(frozen=True)
class HeldOutCaseB:
    name: str
    paragraphs: tuple[str, ...]
    quotes: tuple[ExpectedQuote, ...]
    speakers: tuple[ExpectedSpeaker, ...]
    hard: bool = False
    language: str = "en"

    def quote_dicts(self) -> list[dict]:
        return [{"text": q.text, "speaker": q.speaker, "paragraph": q.paragraph} for q in self.quotes]

    def speaker_dicts(self) -> list[dict]:
        return [{"name": s.name, "role": s.role} for s in self.speakers]


Q = ExpectedQuote
S = ExpectedSpeaker

CASES: list[HeldOutCaseB] = [
    HeldOutCaseB(
        name="cio-call-for-dialogue",
        paragraphs=(
            "VIENNA, 12 March 2023 – The OSCE Chairperson-in-Office, Minister for Foreign Affairs of North Macedonia Petar Ilievski, today called on all parties to return to the negotiating table without preconditions.",
            "“Dialogue is not a concession; it is the only road that leads anywhere,” said Ilievski. “The OSCE remains ready to facilitate that dialogue at any level and in any format the sides find useful.”",
            "The Chairperson-in-Office will brief the Permanent Council on his consultations next week.",
        ),
        quotes=(
            Q("Dialogue is not a concession; it is the only road that leads anywhere,", "Petar Ilievski", 1),
            Q("The OSCE remains ready to facilitate that dialogue at any level and in any format the sides find useful.", "Petar Ilievski", 1),
        ),
        speakers=(S("Petar Ilievski", "OSCE Chairperson-in-Office, Minister for Foreign Affairs of North Macedonia"),),
    ),
    HeldOutCaseB(
        name="kosovo-safety-council-equipment",
        paragraphs=(
            "PRISTINA, 4 October 2019 – The OSCE Mission in Kosovo today handed over forty laptops and two servers to the Municipal Community Safety Council of Gjilan/Gnjilane, supporting the council’s work on local crime prevention.",
            "Karin Ødegaard, Head of the OSCE Mission in Kosovo, said that the equipment would help the council keep track of incidents affecting all communities. “Safety is built street by street, and councils like this one are where residents and police first sit at the same table,” Ødegaard said.",
            "The Chair of the Gjilan/Gnjilane Municipal Community Safety Council, Arben Krasniqi, welcomed the support. “We will use these tools to respond faster when residents report problems,” he said.",
        ),
        quotes=(
            Q("Safety is built street by street, and councils like this one are where residents and police first sit at the same table,", "Karin Ødegaard", 1),
            Q("We will use these tools to respond faster when residents report problems,", "Arben Krasniqi", 2),
        ),
        speakers=(
            S("Karin Ødegaard", "Head of the OSCE Mission in Kosovo"),
            S("Arben Krasniqi", "Chair of the Gjilan/Gnjilane Municipal Community Safety Council"),
        ),
    ),
    HeldOutCaseB(
        name="odihr-eom-preliminary-statement",
        paragraphs=(
            "BISHKEK, 12 April 2021 – The early parliamentary elections were competitive and fundamental freedoms were generally respected, but the campaign was marred by credible allegations of vote buying, international observers said in a statement issued today.",
            "“Voters had a genuine choice between parties, and election day was calm and orderly in most polling stations we visited,” said Ambassador Tana de Vries, Head of the ODIHR Election Observation Mission. “However, persistent reports of pressure on public-sector employees cast a shadow over the process that the authorities must address.”",
            "Margareta Holm, Special Co-ordinator and leader of the short-term OSCE observer mission, added: “Observers witnessed the dedication of polling staff. What matters now is that complaints are handled transparently and in good time.”",
            "The statement of preliminary findings and conclusions is available on the ODIHR website. A final report, including recommendations, will be published approximately eight weeks after the end of the electoral process.",
        ),
        quotes=(
            Q("Voters had a genuine choice between parties, and election day was calm and orderly in most polling stations we visited,", "Tana de Vries", 1),
            Q("However, persistent reports of pressure on public-sector employees cast a shadow over the process that the authorities must address.", "Tana de Vries", 1),
            Q("Observers witnessed the dedication of polling staff. What matters now is that complaints are handled transparently and in good time.", "Margareta Holm", 2),
        ),
        speakers=(
            S("Tana de Vries", "Head of the ODIHR Election Observation Mission"),
            S("Margareta Holm", "Special Co-ordinator and leader of the short-term OSCE observer mission"),
        ),
    ),
    HeldOutCaseB(
        name="rfom-unreliable-information-law",
        hard=True,
        paragraphs=(
            "VIENNA, 21 January 2020 – The OSCE Representative on Freedom of the Media, Lucian Moraru, today expressed concern about amendments to the law “On Information and Mass Communications” that would allow the authorities to block websites spreading “unreliable information” without a court decision.",
            "“Vague notions such as ‘unreliable information’ give the authorities a broad discretion that can easily be used to silence critical voices,” Moraru said. “I call on the parliament to bring the amendments in line with international standards before the second reading.”",
            "The Representative said that his Office stands ready to provide a legal review of the draft.",
        ),
        quotes=(
            Q("Vague notions such as ‘unreliable information’ give the authorities a broad discretion that can easily be used to silence critical voices,", "Lucian Moraru", 1),
            Q("I call on the parliament to bring the amendments in line with international standards before the second reading.", "Lucian Moraru", 1),
        ),
        speakers=(S("Lucian Moraru", "OSCE Representative on Freedom of the Media"),),
    ),
    HeldOutCaseB(
        name="hcnm-moldova-visit",
        paragraphs=(
            "THE HAGUE, 3 June 2022 – The OSCE High Commissioner on National Minorities, Elin Sandvik, concluded a four-day visit to Moldova today, where she met government officials, representatives of national minorities and civil society in Chisinau, Comrat and Balti.",
            "During her meetings, the High Commissioner discussed the implementation of the national strategy on consolidating inter-ethnic relations and the state language courses available to adults.",
            "“Learning the state language should open doors, not close them. At the same time, persons belonging to national minorities must be able to use and develop their own languages,” Sandvik said after meeting the Minister of Education.",
            "She welcomed the adoption of the new action plan and encouraged the authorities to allocate sufficient funds for it. “A strategy without a budget remains a promise,” she added.",
        ),
        quotes=(
            Q("Learning the state language should open doors, not close them. At the same time, persons belonging to national minorities must be able to use and develop their own languages,", "Elin Sandvik", 2),
            Q("A strategy without a budget remains a promise,", "Elin Sandvik", 3),
        ),
        speakers=(S("Elin Sandvik", "OSCE High Commissioner on National Minorities"),),
    ),
    HeldOutCaseB(
        name="bmsc-forged-documents-course",
        paragraphs=(
            "DUSHANBE, 17 May 2018 – Twenty-two border guards from Tajikistan and Afghanistan completed a two-week course on detecting forged travel documents at the OSCE Border Management Staff College in Dushanbe today.",
            "The course, organized under the project “Strengthening Border Security and Management in Central Asia”, combined classroom sessions with practical exercises at the Panji Poyon border crossing point.",
            "Colonel Rustam Nazarov, Deputy Director of the Border Troops Training Centre, said: “Our officers have learned to spot in a few seconds what used to take minutes. That directly improves both security and the speed of legitimate travel.”",
            "The Director of the College, Ambassador Henrik Aalto, presented the certificates.",
        ),
        quotes=(
            Q("Our officers have learned to spot in a few seconds what used to take minutes. That directly improves both security and the speed of legitimate travel.", "Rustam Nazarov", 2),
        ),
        speakers=(S("Rustam Nazarov", "Deputy Director of the Border Troops Training Centre"),),
    ),
    HeldOutCaseB(
        name="mediterranean-conference-rome",
        paragraphs=(
            "ROME, 9 November 2021 – More than 150 participants from the OSCE participating States and the Mediterranean Partners for Co-operation gathered in Rome today for the annual OSCE Mediterranean Conference, “Resilient Economies, Resilient Societies: Shared Responses to Shared Challenges”.",
            "Opening the conference, Italian Deputy Minister of Foreign Affairs Sofia Bellandi said the Mediterranean was “a bridge, not a border” between the OSCE area and its neighbours.",
            "“No country on either shore can manage migration, climate change or energy security alone,” Bellandi said. “This conference is a place to turn that insight into joint projects.”",
            "OSCE Secretary General Thomas Grünberg underlined the importance of economic connectivity. “When trade routes are open and fair, they become routes of trust as well,” he said.",
        ),
        quotes=(
            Q("a bridge, not a border", "Sofia Bellandi", 1),
            Q("No country on either shore can manage migration, climate change or energy security alone,", "Sofia Bellandi", 2),
            Q("This conference is a place to turn that insight into joint projects.", "Sofia Bellandi", 2),
            Q("When trade routes are open and fair, they become routes of trust as well,", "Thomas Grünberg", 3),
        ),
        speakers=(
            S("Sofia Bellandi", "Italian Deputy Minister of Foreign Affairs"),
            S("Thomas Grünberg", "OSCE Secretary General"),
        ),
    ),
    HeldOutCaseB(
        name="bih-court-digitalization-institution",
        paragraphs=(
            "SARAJEVO, 6 February 2024 – The OSCE Mission to Bosnia and Herzegovina and the Ministry of Justice today launched a project to digitalize the case-management system of misdemeanour courts.",
            "“Faster courts mean that citizens get decisions while those decisions still matter to them,” the Mission said in a statement issued on the occasion.",
            "The project, funded by the Government of Norway, will run until the end of 2025 and cover 28 courts across the country.",
        ),
        quotes=(Q("Faster courts mean that citizens get decisions while those decisions still matter to them,", None, 1),),
        speakers=(),
    ),
    HeldOutCaseB(
        name="albania-magistrates-speech-multiparagraph",
        hard=True,
        paragraphs=(
            "TIRANA, 30 September 2017 – The Head of the OSCE Presence in Albania, Ambassador Ilaria Conti, delivered a speech at the opening of the academic year at the School of Magistrates today.",
            "“Judges and prosecutors who start their careers this year will be the first to work entirely under the new vetting rules. They carry a responsibility that goes beyond their own cases.",
            "“Citizens will judge the reform not by the laws passed in parliament, but by what happens in the courtroom: whether hearings start on time, whether decisions are explained, whether the powerful are treated like everyone else.",
            "“I am confident that this generation is up to that task,” she said.",
            "The Presence has supported the School of Magistrates since 2008 with curricula on ethics and judicial communication.",
        ),
        quotes=(
            Q(
                "Judges and prosecutors who start their careers this year will be the first to work entirely under the new vetting rules. They carry a responsibility that goes beyond their own cases. "
                "Citizens will judge the reform not by the laws passed in parliament, but by what happens in the courtroom: whether hearings start on time, whether decisions are explained, whether the powerful are treated like everyone else. "
                "I am confident that this generation is up to that task,",
                "Ilaria Conti",
                1,
            ),
        ),
        speakers=(S("Ilaria Conti", "Head of the OSCE Presence in Albania"),),
    ),
    HeldOutCaseB(
        name="ashgabat-pve-seminar-two-speakers",
        paragraphs=(
            "ASHGABAT, 14 June 2019 – A regional seminar on preventing violent extremism and radicalization that lead to terrorism opened in Ashgabat today, organized by the OSCE Centre in Ashgabat in co-operation with the OSCE Transnational Threats Department.",
            "“Prevention works best when it starts in communities, long before a young person is approached by recruiters,” said Natalia Ivanescu, Senior Programme Officer at the OSCE Transnational Threats Department.",
            "Deputy Minister of Internal Affairs of Turkmenistan Begench Orazov noted that the country had adopted a national strategy in this field last year. “Our strategy gives schools, religious leaders and youth organizations a clear role,” Orazov said.",
            "Ivanescu added that the OSCE would publish a compilation of good practices collected during the seminar. “We want these examples to travel,” she said.",
        ),
        quotes=(
            Q("Prevention works best when it starts in communities, long before a young person is approached by recruiters,", "Natalia Ivanescu", 1),
            Q("Our strategy gives schools, religious leaders and youth organizations a clear role,", "Begench Orazov", 2),
            Q("We want these examples to travel,", "Natalia Ivanescu", 3),
        ),
        speakers=(
            S("Natalia Ivanescu", "Senior Programme Officer at the OSCE Transnational Threats Department"),
            S("Begench Orazov", "Deputy Minister of Internal Affairs of Turkmenistan"),
        ),
    ),
    HeldOutCaseB(
        name="skopje-election-reporting-according-to",
        paragraphs=(
            "SKOPJE, 25 April 2016 – Some 40 journalists and editors took part in a workshop on reporting on elections, organized by the OSCE Mission to Skopje.",
            "According to Lea Hoxha, the Mission’s National Media Officer, “balanced reporting is not about giving every party exactly the same number of minutes, but about giving voters the information they need.”",
            "The workshop covered the legal framework for media coverage of campaigns, fact-checking techniques and the safety of journalists at rallies.",
        ),
        quotes=(
            Q("balanced reporting is not about giving every party exactly the same number of minutes, but about giving voters the information they need.", "Lea Hoxha", 1),
        ),
        speakers=(S("Lea Hoxha", "Mission’s National Media Officer"),),
    ),
    HeldOutCaseB(
        name="ukraine-journalist-safety-handbook",
        paragraphs=(
            "KYIV, 8 December 2015 – The OSCE Project Co-ordinator in Ukraine presented a handbook for investigators on documenting crimes against journalists at an event in Kyiv today.",
            "“Every unpunished attack on a journalist is an invitation to the next one,” said Vaidotas Kairys, the OSCE Project Co-ordinator in Ukraine, “and this handbook is meant to withdraw that invitation.”",
            "The handbook, titled “Investigating Attacks on Journalists: A Practical Guide”, was drafted together with the Prosecutor General’s Office.",
            "Deputy Prosecutor General Olena Savchuk said the guide would be distributed to all regional prosecutor’s offices. “We have already scheduled training sessions based on it for the spring,” Savchuk said.",
        ),
        quotes=(
            Q("Every unpunished attack on a journalist is an invitation to the next one,", "Vaidotas Kairys", 1),
            Q("and this handbook is meant to withdraw that invitation.", "Vaidotas Kairys", 1),
            Q("We have already scheduled training sessions based on it for the spring,", "Olena Savchuk", 3),
        ),
        speakers=(
            S("Vaidotas Kairys", "OSCE Project Co-ordinator in Ukraine"),
            S("Olena Savchuk", "Deputy Prosecutor General"),
        ),
    ),
    HeldOutCaseB(
        name="serbia-community-policing-he-added",
        paragraphs=(
            "BELGRADE, 2 July 2013 – The OSCE Mission to Serbia and the Serbian Ministry of Interior opened a new training centre for community policing in Novi Pazar today.",
            "The Head of the OSCE Mission to Serbia, Ambassador Peter Lindqvist, said the centre would serve police officers from across the region.",
            "“Community policing is about trust. Trust is earned by officers who know the people they serve by name,” he said.",
            "“This centre will help make that the rule rather than the exception,” he added.",
        ),
        quotes=(
            Q("Community policing is about trust. Trust is earned by officers who know the people they serve by name,", "Peter Lindqvist", 2),
            Q("This centre will help make that the rule rather than the exception,", "Peter Lindqvist", 3),
        ),
        speakers=(S("Peter Lindqvist", "Head of the OSCE Mission to Serbia"),),
    ),
    HeldOutCaseB(
        name="cthb-online-trafficking-standalone-continuation",
        paragraphs=(
            "VIENNA, 19 October 2020 – OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings Aurelia Stanciu today urged participating States to step up efforts to identify victims of trafficking online.",
            "“Traffickers have moved to the internet faster than we have. They recruit, advertise and control victims on platforms that most law enforcement agencies are not yet equipped to monitor,” Stanciu said.",
            "“We need investigators who understand technology, and technology companies that take their share of responsibility.”",
            "The Office of the Special Representative will present a study on the topic at the next Alliance against Trafficking in Persons conference.",
        ),
        quotes=(
            Q("Traffickers have moved to the internet faster than we have. They recruit, advertise and control victims on platforms that most law enforcement agencies are not yet equipped to monitor,", "Aurelia Stanciu", 1),
            Q("We need investigators who understand technology, and technology companies that take their share of responsibility.", "Aurelia Stanciu", 2),
        ),
        speakers=(S("Aurelia Stanciu", "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings"),),
    ),
    HeldOutCaseB(
        name="odihr-defenders-who-is-appositive",
        hard=True,
        paragraphs=(
            "WARSAW, 22 September 2022 – Human rights defenders working in conflict-affected areas face growing risks and need stronger protection from States, participants at an ODIHR expert meeting in Warsaw concluded today.",
            "“Defenders are often the first to document violations and the last to leave when a situation deteriorates,” said Kestutis Vaitkus, who is First Deputy Director of the OSCE Office for Democratic Institutions and Human Rights and opened the meeting.",
            "The meeting discussed ODIHR’s “Guidelines on the Protection of Human Rights Defenders” and how they can be applied in emergencies.",
        ),
        quotes=(
            Q("Defenders are often the first to document violations and the last to leave when a situation deteriorates,", "Kestutis Vaitkus", 1),
        ),
        speakers=(S("Kestutis Vaitkus", "First Deputy Director of the OSCE Office for Democratic Institutions and Human Rights"),),
    ),
    HeldOutCaseB(
        name="bishkek-forensic-lab-said-x-y-of-z",
        paragraphs=(
            "BISHKEK, 5 March 2019 – The OSCE Programme Office in Bishkek handed over equipment for a forensic laboratory to the Ministry of Internal Affairs of the Kyrgyz Republic today.",
            "“Modern forensics makes investigations depend on evidence rather than confessions,” said Dmitri Kovalenko, Police Matters Officer of the OSCE Programme Office in Bishkek, at the handover ceremony.",
            "Deputy Minister Aibek Toktogulov thanked the OSCE for its long-standing support. “This laboratory will serve the whole southern region,” he said.",
        ),
        quotes=(
            Q("Modern forensics makes investigations depend on evidence rather than confessions,", "Dmitri Kovalenko", 1),
            Q("This laboratory will serve the whole southern region,", "Aibek Toktogulov", 2),
        ),
        speakers=(
            S("Dmitri Kovalenko", "Police Matters Officer of the OSCE Programme Office in Bishkek"),
            S("Aibek Toktogulov", "Deputy Minister"),
        ),
    ),
    HeldOutCaseB(
        name="secretariat-gender-toolkit-no-speech",
        paragraphs=(
            "VIENNA, 7 December 2017 – The OSCE Secretariat today published its new handbook “Gender and Security Sector Reform: A Toolkit for Practitioners”, which collects good practices from 20 participating States.",
            "The publication is part of the “Women, Peace and Security” programme and complements the earlier series “Security Sector Governance in Practice”.",
            "It addresses so-called “gender-blind” budgeting and offers checklists for ministries, parliaments and oversight bodies.",
            "The handbook is available in English and Russian.",
        ),
        quotes=(),
        speakers=(),
    ),
    HeldOutCaseB(
        name="chairmanship-statement-and-minister",
        paragraphs=(
            "BRATISLAVA, 10 August 2019 – The OSCE Chairmanship today welcomed the release of detainees held by both sides and called for the process to continue.",
            "“Today’s exchange brings relief to dozens of families and shows what dialogue can achieve,” the Chairmanship said in a statement.",
            "The OSCE Chairperson-in-Office, Slovak Minister of Foreign and European Affairs Martin Hlavaty, thanked the mediators for their persistence. “Each step like this rebuilds a little of the trust that has been lost,” Hlavaty said.",
        ),
        quotes=(
            Q("Today’s exchange brings relief to dozens of families and shows what dialogue can achieve,", None, 1),
            Q("Each step like this rebuilds a little of the trust that has been lost,", "Martin Hlavaty", 2),
        ),
        speakers=(S("Martin Hlavaty", "OSCE Chairperson-in-Office, Slovak Minister of Foreign and European Affairs"),),
    ),
    HeldOutCaseB(
        name="almaty-water-straight-quotes",
        paragraphs=(
            "ALMATY, 14 September 2006 - The OSCE Centre in Almaty organized a seminar on water management in the Syr Darya basin today, bringing together officials from Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
            "\"Shared rivers require shared rules,\" said Ambassador Ivo Kristensen, the Head of the OSCE Centre in Almaty. \"Without what our partners call 'water diplomacy', neither irrigation nor energy can be planned properly.\"",
            "Participants discussed the draft regional agreement on the exchange of hydrological data and the role of basin councils.",
        ),
        quotes=(
            Q("Shared rivers require shared rules,", "Ivo Kristensen", 1),
            Q("Without what our partners call 'water diplomacy', neither irrigation nor energy can be planned properly.", "Ivo Kristensen", 1),
        ),
        speakers=(S("Ivo Kristensen", "Head of the OSCE Centre in Almaty"),),
    ),
    HeldOutCaseB(
        name="yerevan-anticorruption-stated-that",
        paragraphs=(
            "YEREVAN, 16 November 2015 – A two-day conference on the role of civil society in combating corruption ended in Yerevan today.",
            "In her closing remarks, Ambassador Ingrid Møller, Head of the OSCE Office in Yerevan, stated that “corruption thrives where information is scarce, and civil society is one of the best antidotes to that scarcity.”",
            "Armenian Deputy Minister of Justice Vardan Hakobyan presented the government’s anti-corruption strategy for 2015-2018.",
        ),
        quotes=(
            Q("corruption thrives where information is scarce, and civil society is one of the best antidotes to that scarcity.", "Ingrid Møller", 1),
        ),
        speakers=(S("Ingrid Møller", "Head of the OSCE Office in Yerevan"),),
    ),
    HeldOutCaseB(
        name="rfom-press-freedom-campaign-nested",
        hard=True,
        paragraphs=(
            "VIENNA, 3 May 2021 – On World Press Freedom Day, the OSCE Representative on Freedom of the Media, Johanna Reiter, presented her Office’s new campaign “Safe to Report”.",
            "“When a journalist is told ‘stop writing or else’, it is not only that journalist who is threatened, it is every reader,” Reiter said. “The ‘Safe to Report’ campaign puts the faces of these journalists in front of those who can protect them.”",
            "The Representative also called on participating States to publish data on investigations into attacks on media workers.",
        ),
        quotes=(
            Q("When a journalist is told ‘stop writing or else’, it is not only that journalist who is threatened, it is every reader,", "Johanna Reiter", 1),
            Q("The ‘Safe to Report’ campaign puts the faces of these journalists in front of those who can protect them.", "Johanna Reiter", 1),
        ),
        speakers=(S("Johanna Reiter", "OSCE Representative on Freedom of the Media"),),
    ),
    HeldOutCaseB(
        name="moldova-diplomas-two-negotiators",
        paragraphs=(
            "CHISINAU, 20 June 2018 – The OSCE Mission to Moldova organized a meeting between representatives of Chisinau and Tiraspol on the recognition of university diplomas today.",
            "The Head of the OSCE Mission to Moldova, Ambassador Michael Keller, opened the meeting together with the Chief Negotiator of the Republic of Moldova, Ana Rusu.",
            "“The recognition of diplomas is not a technical detail; it decides whether young people can build their lives on both banks of the Dniester,” Keller said.",
            "Rusu said that the sides had agreed on a timetable for the remaining work. “We expect the first diplomas to be apostilled under the new procedure before the autumn,” she said.",
        ),
        quotes=(
            Q("The recognition of diplomas is not a technical detail; it decides whether young people can build their lives on both banks of the Dniester,", "Michael Keller", 2),
            Q("We expect the first diplomas to be apostilled under the new procedure before the autumn,", "Ana Rusu", 3),
        ),
        speakers=(
            S("Michael Keller", "Head of the OSCE Mission to Moldova"),
            S("Ana Rusu", "Chief Negotiator of the Republic of Moldova"),
        ),
    ),
    HeldOutCaseB(
        name="odihr-coe-roma-joint-particle-surname",
        hard=True,
        paragraphs=(
            "STRASBOURG/WARSAW, 28 January 2022 – The Director of the OSCE Office for Democratic Institutions and Human Rights, Matthias van der Berg, and the Council of Europe Commissioner for Human Rights, Elena Pascual, today jointly called for the protection of the rights of Roma and Sinti affected by the pandemic.",
            "“The pandemic has widened gaps that were already far too wide,” said van der Berg. “Roma children without internet at home lost almost a full school year.”",
            "Pascual added: “Emergency measures must never single out a community. Where they did, authorities should acknowledge it and make amends.”",
        ),
        quotes=(
            Q("The pandemic has widened gaps that were already far too wide,", "Matthias van der Berg", 1),
            Q("Roma children without internet at home lost almost a full school year.", "Matthias van der Berg", 1),
            Q("Emergency measures must never single out a community. Where they did, authorities should acknowledge it and make amends.", "Elena Pascual", 2),
        ),
        speakers=(
            S("Matthias van der Berg", "Director of the OSCE Office for Democratic Institutions and Human Rights"),
            S("Elena Pascual", "Council of Europe Commissioner for Human Rights"),
        ),
    ),
    HeldOutCaseB(
        name="montenegro-debate-question-mark",
        paragraphs=(
            "PODGORICA, 11 October 2014 – Students from eight Montenegrin towns took part in the final of a debate competition on tolerance and non-discrimination, organized by the OSCE Mission to Montenegro.",
            "“What does it mean to live together?” asked Maja Petrović, National Programme Officer at the OSCE Mission to Montenegro, in her opening address. “It means disagreeing without humiliating each other, and these students have shown how it is done.”",
            "The winning team from Nikšić will represent Montenegro at the regional competition “Young Voices for Tolerance” in Sarajevo next month.",
        ),
        quotes=(
            Q("What does it mean to live together?", "Maja Petrović", 1),
            Q("It means disagreeing without humiliating each other, and these students have shown how it is done.", "Maja Petrović", 1),
        ),
        speakers=(S("Maja Petrović", "National Programme Officer at the OSCE Mission to Montenegro"),),
    ),
    HeldOutCaseB(
        name="croatia-returns-title-backreference",
        paragraphs=(
            "ZAGREB, 16 March 2005 - The Head of the OSCE Mission to Croatia, Ambassador Carlos Ibáñez Ferrer, visited returnee villages in the Lika region today.",
            "\"Returnees need more than a roof; they need jobs, schools and a fair hearing in the courts,\" the Ambassador said after meeting local officials in Gospić.",
            "\"The Mission will continue to report on the return process until these conditions are met,\" the Head of Mission added.",
        ),
        quotes=(
            Q("Returnees need more than a roof; they need jobs, schools and a fair hearing in the courts,", "Carlos Ibáñez Ferrer", 1),
            Q("The Mission will continue to report on the return process until these conditions are met,", "Carlos Ibáñez Ferrer", 2),
        ),
        speakers=(S("Carlos Ibáñez Ferrer", "Head of the OSCE Mission to Croatia"),),
    ),
    HeldOutCaseB(
        name="rfom-journalist-sentenced-charge-term",
        paragraphs=(
            "VIENNA, 14 February 2019 – The OSCE Representative on Freedom of the Media, Sven Halvorsen, today called on the authorities to release the journalist Anar Guliyev, who was sentenced to six years in prison on charges of “inciting hatred”.",
            "“Journalism is not a crime, and reporting on protests is not incitement,” Halvorsen said. “I urge the authorities to review this verdict on appeal and to release Mr. Guliyev without delay.”",
            "The Representative recalled that he had raised the case in a letter to the Minister of Foreign Affairs in November.",
        ),
        quotes=(
            Q("Journalism is not a crime, and reporting on protests is not incitement,", "Sven Halvorsen", 1),
            Q("I urge the authorities to review this verdict on appeal and to release Mr. Guliyev without delay.", "Sven Halvorsen", 1),
        ),
        speakers=(S("Sven Halvorsen", "OSCE Representative on Freedom of the Media"),),
    ),
    HeldOutCaseB(
        name="tajikistan-women-leaders-participant",
        paragraphs=(
            "DUSHANBE, 8 March 2023 – Fifty young women from five regions of Tajikistan completed the OSCE-supported leadership course “Women Leaders of Tomorrow” in Dushanbe today.",
            "“Before the course, I did not think I could speak in front of the district council. Now I have already done it twice,” says Nigora Saidova, a 24-year-old teacher from Khujand.",
            "The course was organized by the OSCE Programme Office in Dushanbe together with the Committee on Women and Family Affairs.",
        ),
        quotes=(
            Q("Before the course, I did not think I could speak in front of the district council. Now I have already done it twice,", "Nigora Saidova", 1),
        ),
        speakers=(S("Nigora Saidova", "24-year-old teacher from Khujand"),),
    ),
    HeldOutCaseB(
        name="astana-virtual-assets-told-participants",
        paragraphs=(
            "NUR-SULTAN, 26 April 2021 – The OSCE Programme Office in Nur-Sultan and the Prosecutor General’s Office of Kazakhstan held an online conference on combating money laundering through virtual assets today.",
            "Ambassador Volker Brandt, Head of the OSCE Programme Office in Nur-Sultan, opened the conference. He told participants: “Criminals adopt new technologies quickly. Our task is to make sure that financial intelligence units adopt them just as quickly.”",
            "Zhanar Abenova, head of department at the Financial Monitoring Agency, presented the agency’s new risk assessment. “Virtual asset service providers are now obliged to report suspicious transactions, and we have received the first reports,” Abenova said.",
        ),
        quotes=(
            Q("Criminals adopt new technologies quickly. Our task is to make sure that financial intelligence units adopt them just as quickly.", "Volker Brandt", 1),
            Q("Virtual asset service providers are now obliged to report suspicious transactions, and we have received the first reports,", "Zhanar Abenova", 2),
        ),
        speakers=(
            S("Volker Brandt", "Head of the OSCE Programme Office in Nur-Sultan"),
            S("Zhanar Abenova", "head of department at the Financial Monitoring Agency"),
        ),
    ),
    HeldOutCaseB(
        name="ministerial-council-list-of-three",
        hard=True,
        paragraphs=(
            "VIENNA, 1 December 2022 – The OSCE Chairperson-in-Office, Foreign Minister of Lithuania Tomas Žemaitis, OSCE Secretary General Anne-Claire Dubois and the President of the OSCE Parliamentary Assembly Hans Eriksen opened the Ministerial Council meeting today.",
            "“We meet at a time when the principles we all signed up to are being tested every day,” said Minister Žemaitis.",
            "“This Organization was built for difficult times. Its tools still work if we choose to use them,” Secretary General Dubois said.",
            "Eriksen called on governments to involve parliaments more closely in the OSCE’s work.",
        ),
        quotes=(
            Q("We meet at a time when the principles we all signed up to are being tested every day,", "Tomas Žemaitis", 1),
            Q("This Organization was built for difficult times. Its tools still work if we choose to use them,", "Anne-Claire Dubois", 2),
        ),
        speakers=(
            S("Tomas Žemaitis", "OSCE Chairperson-in-Office, Foreign Minister of Lithuania"),
            S("Anne-Claire Dubois", "OSCE Secretary General"),
        ),
    ),
    HeldOutCaseB(
        name="baku-trial-monitoring-split-then-continued",
        hard=True,
        paragraphs=(
            "BAKU, 24 May 2012 – The OSCE Office in Baku presented the results of a trial monitoring project at a roundtable with judges, lawyers and civil society representatives today.",
            "“Monitors attended more than 300 hearings over two years,” said Ambassador Roberto Sanna, Head of the OSCE Office in Baku. “They found that the courts have improved in many respects, in particular in keeping to schedules.",
            "“Yet the right to a reasoned judgement and equality of arms between the prosecution and the defence still need much attention. We hope the recommendations in the report will help.”",
            "The report, “Trial Monitoring in Azerbaijan 2010-2011”, is available on the OSCE website.",
        ),
        quotes=(
            Q("Monitors attended more than 300 hearings over two years,", "Roberto Sanna", 1),
            Q(
                "They found that the courts have improved in many respects, in particular in keeping to schedules. "
                "Yet the right to a reasoned judgement and equality of arms between the prosecution and the defence still need much attention. We hope the recommendations in the report will help.",
                "Roberto Sanna",
                1,
            ),
        ),
        speakers=(S("Roberto Sanna", "Head of the OSCE Office in Baku"),),
    ),
    HeldOutCaseB(
        name="oceea-mongolia-pronoun-two-people",
        hard=True,
        paragraphs=(
            "ULAANBAATAR, 5 July 2018 – Co-ordinator of OSCE Economic and Environmental Activities Vesna Jurić met Mongolian Minister of Environment and Tourism Batbold Ganzorig in Ulaanbaatar today to discuss co-operation on disaster risk reduction.",
            "“Mongolia’s experience with harsh winters is valuable for the whole OSCE region, which is facing more extreme weather every year,” she said after the meeting.",
            "The Minister briefed her on the national programme for pasture management.",
        ),
        quotes=(
            Q("Mongolia’s experience with harsh winters is valuable for the whole OSCE region, which is facing more extreme weather every year,", "Vesna Jurić", 1),
        ),
        speakers=(S("Vesna Jurić", "Co-ordinator of OSCE Economic and Environmental Activities"),),
    ),
    HeldOutCaseB(
        name="osh-multilingual-verb-inside-quote",
        hard=True,
        paragraphs=(
            "OSH, Kyrgyzstan, 30 October 2019 – The OSCE Programme Office in Bishkek trained 25 teachers from Osh and Jalal-Abad on teaching in multilingual classrooms.",
            "“The Minister of Education said last week that every child should leave school speaking three languages. Teachers are the ones who will make that happen,” said Ainura Bekova, National Education Officer at the OSCE Programme Office in Bishkek.",
            "The training is part of the “Multilingual Education for Social Cohesion” project supported by the Government of Switzerland.",
        ),
        quotes=(
            Q("The Minister of Education said last week that every child should leave school speaking three languages. Teachers are the ones who will make that happen,", "Ainura Bekova", 1),
        ),
        speakers=(S("Ainura Bekova", "National Education Officer at the OSCE Programme Office in Bishkek"),),
    ),
    HeldOutCaseB(
        name="kosovo-domestic-violence-possessive-role",
        hard=True,
        paragraphs=(
            "PRISTINA, 9 December 2021 – On Human Rights Day, the OSCE Mission in Kosovo published its assessment of how courts handle cases of domestic violence.",
            "“Too many cases end with a fine that the victim ends up paying from the family budget,” said the OSCE’s Head of Mission in Kosovo, Ambassador Klaus Richter. “That is not protection.”",
            "The report, “Justice for Survivors? Domestic Violence Cases in Kosovo Courts”, recommends that protective orders be issued within 24 hours.",
        ),
        quotes=(
            Q("Too many cases end with a fine that the victim ends up paying from the family budget,", "Klaus Richter", 1),
            Q("That is not protection.", "Klaus Richter", 1),
        ),
        speakers=(S("Klaus Richter", "OSCE’s Head of Mission in Kosovo"),),
    ),
    HeldOutCaseB(
        name="fsc-salw-explained-long-appositive",
        hard=True,
        paragraphs=(
            "VIENNA, 15 June 2023 – The OSCE Forum for Security Co-operation held a special session on the safety of small arms and ammunition stockpiles today.",
            "“A single explosion at a poorly maintained depot can kill more civilians than years of conflict,” explained Colonel Marta Lindgren, Chairperson of the Forum for Security Co-operation’s Informal Group of Friends on Small Arms and Light Weapons, who presented the group’s annual report.",
            "Participants agreed to update the “Best Practice Guide on Stockpile Management” by the end of the year.",
        ),
        quotes=(
            Q("A single explosion at a poorly maintained depot can kill more civilians than years of conflict,", "Marta Lindgren", 1),
        ),
        speakers=(S("Marta Lindgren", "Chairperson of the Forum for Security Co-operation’s Informal Group of Friends on Small Arms and Light Weapons"),),
    ),
    HeldOutCaseB(
        name="skopje-schools-scare-quote-then-speech",
        paragraphs=(
            "SKOPJE, 2 March 2010 - The OSCE Spillover Monitor Mission to Skopje organized a public debate on inter-ethnic relations in schools in Tetovo today.",
            "Some parents described the separate shifts for Albanian- and Macedonian-language classes as \"parallel worlds\". \"Children who never meet in school will find it hard to meet as adults,\" said the Head of the Mission, Ambassador Luis Medina Ortega.",
            "\"Integrated education is not about erasing identities,\" he added.",
        ),
        quotes=(
            Q("Children who never meet in school will find it hard to meet as adults,", "Luis Medina Ortega", 1),
            Q("Integrated education is not about erasing identities,", "Luis Medina Ortega", 2),
        ),
        speakers=(S("Luis Medina Ortega", "Head of the Mission"),),
    ),
    HeldOutCaseB(
        name="hdim-video-message-and-partial",
        hard=True,
        paragraphs=(
            "WARSAW, 4 October 2018 – The OSCE Office for Democratic Institutions and Human Rights opened the annual Human Dimension Implementation Meeting today.",
            "In a video message, the OSCE Chairperson-in-Office, Italian Minister of Foreign Affairs and International Co-operation Paolo Ferretti, welcomed the high number of civil society participants: “Your presence here is the best argument against those who say this meeting has had its day.”",
            "ODIHR Director Tomasz Nowicki said that “human rights commitments are not a menu from which States can pick”, and that all 57 participating States had signed up to the same standards.",
        ),
        quotes=(
            Q("Your presence here is the best argument against those who say this meeting has had its day.", "Paolo Ferretti", 1),
            Q("human rights commitments are not a menu from which States can pick", "Tomasz Nowicki", 2),
        ),
        speakers=(
            S("Paolo Ferretti", "OSCE Chairperson-in-Office, Italian Minister of Foreign Affairs and International Co-operation"),
            S("Tomasz Nowicki", "ODIHR Director"),
        ),
    ),
    HeldOutCaseB(
        name="ashgabat-ombudsperson-colon-then-two-paragraphs",
        hard=True,
        paragraphs=(
            "ASHGABAT, 21 November 2016 – The OSCE Centre in Ashgabat hosted a conference on the role of national human rights institutions today.",
            "The Ombudsperson of Turkmenistan, Gulshat Amanova, addressed the participants:",
            "“Since the Office was established, we have received more than two thousand complaints. Most concern housing and social benefits.",
            "“We have learned that a complaint answered quickly is often a conflict prevented.”",
            "The Centre will support the Ombudsperson’s Office with training for its regional staff in 2017.",
        ),
        quotes=(
            Q(
                "Since the Office was established, we have received more than two thousand complaints. Most concern housing and social benefits. "
                "We have learned that a complaint answered quickly is often a conflict prevented.",
                "Gulshat Amanova",
                2,
            ),
        ),
        speakers=(S("Gulshat Amanova", "Ombudsperson of Turkmenistan"),),
    ),
    HeldOutCaseB(
        name="ukraine-mediation-summer-school-relative-clause",
        paragraphs=(
            "KYIV, 12 August 2020 – The OSCE Project Co-ordinator in Ukraine supported a summer school on mediation for 30 young people from eastern Ukraine.",
            "“Young people are often told to wait until they are older before they can make a difference,” said Oksana Melnyk, a mediator from Kharkiv who has trained young people with the Project Co-ordinator since 2016. “Here they learn that they can start today – in their school, their street, their online community.”",
        ),
        quotes=(
            Q("Young people are often told to wait until they are older before they can make a difference,", "Oksana Melnyk", 1),
            Q("Here they learn that they can start today – in their school, their street, their online community.", "Oksana Melnyk", 1),
        ),
        speakers=(S("Oksana Melnyk", "mediator from Kharkiv"),),
    ),
    HeldOutCaseB(
        name="bishkek-media-seminar-russian",
        hard=True,
        language="ru",
        paragraphs=(
            "БИШКЕК, 14 марта 2019 г. – Программный офис ОБСЕ в Бишкеке провел семинар для журналистов из Нарына и Таласа по освещению избирательных кампаний.",
            "«Журналист должен давать избирателям факты, а не слухи», – сказала Айгуль Токтосунова, национальный сотрудник по вопросам СМИ Программного офиса ОБСЕ в Бишкеке.",
            "Семинар прошел в рамках проекта «Поддержка независимых СМИ в регионах» при поддержке Правительства Германии.",
        ),
        quotes=(Q("Журналист должен давать избирателям факты, а не слухи", "Айгуль Токтосунова", 1),),
        speakers=(S("Айгуль Токтосунова", "национальный сотрудник по вопросам СМИ Программного офиса ОБСЕ в Бишкеке"),),
    ),
    HeldOutCaseB(
        name="montenegro-forensic-unit-distractor-name",
        paragraphs=(
            "PODGORICA, 28 February 2017 – The OSCE Mission to Montenegro donated a mobile forensic unit to the Police Directorate today.",
            "“This unit will allow crime scenes in the north to be examined within hours instead of days,” said Head of Mission Ambassador Dana Kovářová, thanking the Director of the Police Directorate, Slavko Stojanović, for the excellent co-operation.",
            "Stojanović said the unit would be deployed first in Bijelo Polje.",
        ),
        quotes=(
            Q("This unit will allow crime scenes in the north to be examined within hours instead of days,", "Dana Kovářová", 1),
        ),
        speakers=(S("Dana Kovářová", "Head of Mission"),),
    ),
    HeldOutCaseB(
        name="hcnm-languages-recommendations-launch",
        paragraphs=(
            "THE HAGUE, 26 November 2019 – The OSCE High Commissioner on National Minorities presented today new recommendations on the use of minority languages in the broadcast media, titled “The Tallinn Guidelines on Languages in Public Broadcasting”.",
            "Speaking at the launch, High Commissioner Ruben Aslanyan stressed that public broadcasters have a special duty towards all communities. “A public broadcaster that speaks only to the majority is not yet fully public,” he said.",
            "“These recommendations show how States can reach minority audiences without dividing the airwaves along ethnic lines,” Aslanyan continued.",
        ),
        quotes=(
            Q("A public broadcaster that speaks only to the majority is not yet fully public,", "Ruben Aslanyan", 1),
            Q("These recommendations show how States can reach minority audiences without dividing the airwaves along ethnic lines,", "Ruben Aslanyan", 2),
        ),
        speakers=(S("Ruben Aslanyan", "High Commissioner"),),
    ),
    HeldOutCaseB(
        name="bishkek-police-academy-wrong-opening-mark",
        hard=True,
        paragraphs=(
            "BISHKEK, 19 September 2017 – The OSCE Programme Office in Bishkek and the Academy of the Ministry of Internal Affairs opened a new course on human rights in policing for 30 cadets.",
            "”Human rights are not an obstacle to effective policing; they are what makes policing legitimate in the eyes of the public,” said Erik Sundqvist, Police Reform Adviser at the OSCE Programme Office in Bishkek.",
            "The Rector of the Academy, Major General Kubanychbek Asanov, said the course would become part of the regular curriculum from next year. “Our graduates must know the law and live by it,” Asanov said.",
        ),
        quotes=(
            Q("Human rights are not an obstacle to effective policing; they are what makes policing legitimate in the eyes of the public,", "Erik Sundqvist", 1),
            Q("Our graduates must know the law and live by it,", "Kubanychbek Asanov", 2),
        ),
        speakers=(
            S("Erik Sundqvist", "Police Reform Adviser at the OSCE Programme Office in Bishkek"),
            S("Kubanychbek Asanov", "Rector of the Academy"),
        ),
    ),
]


def _in_marks(haystack: str, needle: str) -> bool:
    """Whether `needle` occurs in `haystack` right after an opening mark and right before a closing one."""
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        if start > 0 and haystack[start - 1] in OPENING_MARKS and end < len(haystack) and haystack[end] in CLOSING_MARKS:
            return True
        start = haystack.find(needle, start + 1)
    return False


def _text_from(paragraphs: tuple[str, ...], first: int) -> str:
    """The paragraphs from `first` on, joined with one space, later paragraphs without their opening mark."""
    rest = [p[1:] if p[:1] in OPENING_MARKS else p for p in paragraphs[first + 1 :]]
    return " ".join([paragraphs[first], *rest])


def problems(case: HeldOutCaseB) -> list[str]:
    """Typos in the expectations: a quote not between marks in its paragraph, a speaker or role not in the text."""
    found: list[str] = []
    body = " ".join(case.paragraphs)
    for quote in case.quotes:
        if not _in_marks(_text_from(case.paragraphs, quote.paragraph), quote.text):
            found.append(f"{case.name}: quote not between marks from paragraph {quote.paragraph}: {quote.text[:50]!r}")
    names = [s.name for s in case.speakers]
    first_quoted = list(dict.fromkeys(q.speaker for q in case.quotes if q.speaker is not None))
    if first_quoted != names:
        found.append(f"{case.name}: speakers {names} are not the quoted people in order {first_quoted}")
    for speaker in case.speakers:
        if speaker.name not in body or (speaker.role is not None and speaker.role not in body):
            found.append(f"{case.name}: speaker {speaker.name!r} or role {speaker.role!r} not in the text")
    return found
