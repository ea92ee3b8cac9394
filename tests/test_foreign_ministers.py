"""The shipped office-holder file: foreign ministers from 2000 and defence ministers from 2010 of
the most reported countries (issue #11), by date, by name and by bare surname in wire copy."""

from __future__ import annotations

import datetime as dt

import pytest

from eventx.components.rules import shipped_knowledge

# One foreign minister per country: who held the office on a day inside their term, and who held
# it on a later day (None: no one the list knows of, e.g. a prime minister holding the portfolio).
FOREIGN_MINISTERS = [
    # country, day, holder, later day, successor
    ("JPN", "2003-06-01", "Yoriko Kawaguchi", "2006-06-01", "Taro Aso"),
    ("JPN", "2010-01-15", "Katsuya Okada", "2012-01-15", "Koichiro Gemba"),
    ("IND", "2005-03-01", "Natwar Singh", "2010-03-01", "S. M. Krishna"),
    ("PAK", "2005-03-01", "Khurshid Mahmud Kasuri", "2009-03-01", "Shah Mahmood Qureshi"),
    ("PAK", "2018-01-10", "Khawaja Asif", "2023-11-01", "Jalil Abbas Jilani"),
    ("IRN", "2024-07-01", "Ali Bagheri Kani", "2024-09-01", "Abbas Araghchi"),
    ("ISR", "2004-06-01", "Silvan Shalom", "2007-06-01", "Tzipi Livni"),
    ("ISR", "2020-01-15", "Israel Katz", "2020-09-01", "Gabi Ashkenazi"),
    ("ISR", "2023-06-01", "Eli Cohen", "2024-06-01", "Israel Katz"),
    ("TUR", "2001-06-01", "İsmail Cem", "2002-12-15", "Yaşar Yakış"),
    ("TUR", "2015-10-01", "Feridun Sinirlioğlu", "2016-06-01", "Mevlüt Çavuşoğlu"),
    ("SAU", "2019-05-01", "Ibrahim Al-Assaf", "2020-05-01", "Faisal bin Farhan"),
    ("EGY", "2012-06-01", "Mohamed Kamel Amr", "2013-12-01", "Nabil Fahmy"),
    ("IRQ", "2002-06-01", "Naji Sabri", "2010-06-01", "Hoshyar Zebari"),
    ("IRQ", "2019-06-01", "Mohamed Ali Alhakim", "2021-06-01", "Fuad Hussein"),
    ("SYR", "2003-06-01", "Farouk al-Sharaa", "2010-06-01", "Walid Muallem"),
    ("AFG", "2004-06-01", "Abdullah Abdullah", "2008-06-01", "Rangin Dadfar Spanta"),
    ("AFG", "2012-06-01", "Zalmai Rassoul", "2016-06-01", "Salahuddin Rabbani"),
    ("AFG", "2020-09-01", "Mohammad Hanif Atmar", "2022-06-01", "Amir Khan Muttaqi"),
    ("UKR", "2001-06-01", "Anatoliy Zlenko", "2006-06-01", "Borys Tarasyuk"),
    ("UKR", "2008-06-01", "Volodymyr Ohryzko", "2011-06-01", "Kostyantyn Gryshchenko"),
    ("UKR", "2013-06-01", "Leonid Kozhara", "2014-04-01", "Andrii Deshchytsia"),
    ("UKR", "2019-12-01", "Vadym Prystaiko", "2021-06-01", "Dmytro Kuleba"),
    ("KOR", "2001-09-01", "Han Seung-soo", "2007-06-01", "Song Min-soon"),
    ("KOR", "2009-06-01", "Yu Myung-hwan", "2012-06-01", "Kim Sung-hwan"),
    ("KOR", "2023-06-01", "Park Jin", "2024-06-01", "Cho Tae-yul"),
    ("KOR", "2024-06-01", "Cho Tae-yul", "2025-09-01", "Cho Hyun"),
    ("PRK", "2005-06-01", "Paek Nam Sun", "2010-06-01", "Pak Ui Chun"),
    ("PRK", "2015-06-01", "Ri Su Yong", "2018-06-01", "Ri Yong Ho"),
    ("BRA", "2002-06-01", "Celso Lafer", "2005-06-01", "Celso Amorim"),
    ("BRA", "2012-06-01", "Antonio Patriota", "2020-06-01", "Ernesto Araújo"),
    ("MEX", "2005-06-01", "Luis Ernesto Derbez", "2010-06-01", "Patricia Espinosa"),
    ("MEX", "2017-06-01", "Luis Videgaray", "2024-06-01", "Alicia Bárcena"),
    ("CAN", "2003-06-01", "Bill Graham", "2013-06-01", "John Baird"),
    ("CAN", "2020-06-01", "François-Philippe Champagne", "2021-06-01", "Marc Garneau"),
    ("ITA", "2007-06-01", "Massimo D'Alema", "2010-06-01", "Franco Frattini"),
    ("ITA", "2015-06-01", "Paolo Gentiloni", "2018-12-01", "Enzo Moavero Milanesi"),
    ("ESP", "2008-06-01", "Miguel Ángel Moratinos", "2014-06-01", "José Manuel García-Margallo"),
    ("ESP", "2019-06-01", "Josep Borrell", "2020-06-01", "Arancha González Laya"),
    ("POL", "2003-06-01", "Włodzimierz Cimoszewicz", "2007-06-01", "Anna Fotyga"),
    ("POL", "2016-06-01", "Witold Waszczykowski", "2021-06-01", "Zbigniew Rau"),
    ("NGA", "2008-06-01", "Ojo Maduekwe", "2018-06-01", "Geoffrey Onyeama"),
    ("NGA", "2022-06-01", "Geoffrey Onyeama", "2024-06-01", "Yusuf Tuggar"),
    ("ZAF", "2012-06-01", "Maite Nkoana-Mashabane", "2018-06-01", "Lindiwe Sisulu"),
    ("KEN", "2006-06-01", "Raphael Tuju", "2009-06-01", "Moses Wetangula"),
    ("KEN", "2011-03-01", "George Saitoti", "2012-01-15", "Moses Wetangula"),
    ("KEN", "2021-06-01", "Raychelle Omamo", "2024-06-01", "Musalia Mudavadi"),
    ("ETH", "2005-06-01", "Seyoum Mesfin", "2014-06-01", "Tedros Adhanom Ghebreyesus"),
    ("ETH", "2022-06-01", "Demeke Mekonnen", "2025-06-01", "Gedion Timothewos"),
    ("IDN", "2005-06-01", "Hassan Wirajuda", "2012-06-01", "Marty Natalegawa"),
    ("IDN", "2020-06-01", "Retno Marsudi", "2025-06-01", "Sugiono"),
    ("PHL", "2008-06-01", "Alberto Romulo", "2014-06-01", "Albert del Rosario"),
    ("PHL", "2020-06-01", "Teodoro Locsin Jr.", "2024-06-01", "Enrique Manalo"),
    ("PHL", "2024-06-01", "Enrique Manalo", "2025-07-15", "Theresa Lazaro"),
    ("VNM", "2003-06-01", "Nguyễn Dy Niên", "2015-06-01", "Phạm Bình Minh"),
    ("VNM", "2023-06-01", "Bùi Thanh Sơn", "2025-10-01", "Lê Hoài Trung"),
    ("THA", "2003-06-01", "Surakiart Sathirathai", "2010-06-01", "Kasit Piromya"),
    ("THA", "2020-06-01", "Don Pramudwinai", "2025-10-01", "Sihasak Phuangketkeow"),
    ("MYS", "2005-06-01", "Syed Hamid Albar", "2015-06-01", "Anifah Aman"),
    ("MYS", "2020-06-01", "Hishammuddin Hussein", "2023-06-01", "Zambry Abdul Kadir"),
    (
        "QAT",
        "2010-06-01",
        "Hamad bin Jassim Al Thani",
        "2015-06-01",
        "Khalid bin Mohammad Al Attiyah",
    ),
    (
        "ARE",
        "2003-06-01",
        "Rashid Abdullah Al Nuaimi",
        "2010-06-01",
        "Abdullah bin Zayed Al Nahyan",
    ),
    ("JOR", "2003-06-01", "Marwan Muasher", "2012-06-01", "Nasser Judeh"),
    ("LBN", "2007-06-01", "Fawzi Salloukh", "2016-06-01", "Gebran Bassil"),
    ("LBN", "2023-06-01", "Abdallah Bou Habib", "2025-06-01", "Youssef Rajji"),
    ("CUB", "2005-06-01", "Felipe Pérez Roque", "2012-06-01", "Bruno Rodríguez Parrilla"),
    ("VEN", "2000-06-01", "José Vicente Rangel", "2003-06-01", "Roy Chaderton"),
    ("VEN", "2005-06-01", "Alí Rodríguez Araque", "2010-06-01", "Nicolás Maduro"),
    ("VEN", "2016-06-01", "Delcy Rodríguez", "2019-06-01", "Jorge Arreaza"),
    ("VEN", "2022-10-01", "Carlos Faría", "2024-06-01", "Yván Gil"),
    ("COL", "2004-06-01", "Carolina Barco", "2015-06-01", "María Ángela Holguín"),
    ("COL", "2023-06-01", "Álvaro Leyva", "2025-09-01", "Rosa Villavicencio"),
    ("ARG", "2008-06-01", "Jorge Taiana", "2013-06-01", "Héctor Timerman"),
    ("ARG", "2024-06-01", "Diana Mondino", "2025-06-01", "Gerardo Werthein"),
    ("ARG", "2025-06-01", "Gerardo Werthein", "2025-10-30", "Pablo Quirno"),
]


def _holder(office: str, country: str, day: str) -> str | None:
    found = shipped_knowledge().holder_of(office, country, dt.date.fromisoformat(day))
    return found[0].name if found else None


DEFENCE_MINISTERS = [
    # country, day, holder, later day, successor
    ("CHN", "2011-06-01", "Liang Guanglie", "2015-06-01", "Chang Wanquan"),
    ("FRA", "2009-06-01", "Hervé Morin", "2011-06-01", "Gérard Longuet"),
    ("DEU", "2010-06-01", "Karl-Theodor zu Guttenberg", "2012-06-01", "Thomas de Maizière"),
    ("JPN", "2013-06-01", "Itsunori Onodera", "2017-01-15", "Tomomi Inada"),
    ("JPN", "2019-01-15", "Takeshi Iwaya", "2020-01-15", "Taro Kono"),
    ("IND", "2010-06-01", "A. K. Antony", "2016-06-01", "Manohar Parrikar"),
    ("IND", "2018-06-01", "Nirmala Sitharaman", "2020-06-01", "Rajnath Singh"),
    ("PAK", "2010-06-01", "Chaudhry Ahmad Mukhtar", "2020-06-01", "Pervez Khattak"),
    ("PAK", "2015-06-01", "Khawaja Asif", "2017-12-01", "Khurram Dastgir Khan"),
    ("IRN", "2012-06-01", "Ahmad Vahidi", "2015-06-01", "Hossein Dehghan"),
    ("ISR", "2010-06-01", "Ehud Barak", "2014-06-01", "Moshe Ya'alon"),
    ("ISR", "2017-06-01", "Avigdor Lieberman", "2020-03-01", "Naftali Bennett"),
    ("TUR", "2010-06-01", "Vecdi Gönül", "2013-06-01", "İsmet Yılmaz"),
    ("TUR", "2017-01-15", "Fikri Işık", "2018-01-15", "Nurettin Canikli"),
    ("SAU", "2010-06-01", "Sultan bin Abdulaziz", "2013-06-01", "Salman bin Abdulaziz"),
    ("KOR", "2012-06-01", "Kim Kwan-jin", "2016-06-01", "Han Min-koo"),
    ("KOR", "2019-06-01", "Jeong Kyeong-doo", "2022-01-15", "Suh Wook"),
    ("KOR", "2024-10-01", "Kim Yong-hyun", "2025-03-01", None),  # a vice minister acted
    ("UKR", "2011-06-01", "Mykhailo Yezhel", "2013-06-01", "Pavlo Lebedev"),
    ("UKR", "2016-06-01", "Stepan Poltorak", "2020-06-01", "Andriy Taran"),
]


MINISTERS = [("Foreign Minister", *row) for row in FOREIGN_MINISTERS] + [
    ("Defense Minister", *row) for row in DEFENCE_MINISTERS
]


@pytest.mark.parametrize(
    ("office", "country", "day", "name", "later", "successor"),
    MINISTERS,
    ids=[f"{row[0].split()[0]}-{row[1]}-{row[2][:4]}" for row in MINISTERS],
)
def test_a_countrys_minister_on_a_day_and_the_next_one(
    office: str, country: str, day: str, name: str, later: str, successor: str | None
) -> None:
    holder = shipped_knowledge().holder_named(name, None)
    assert holder is not None and holder.country == country, name
    assert _holder(office, country, day) == name
    assert _holder(office, country, later) == successor


def test_a_minister_listed_twice_for_one_term_is_still_the_holder() -> None:
    # Takeshi Iwaya's foreign ministry was once listed twice, and two terms at once are no one
    assert _holder("Foreign Minister", "JPN", "2025-03-01") == "Takeshi Iwaya"
    # Tzipi Livni took the foreign ministry in January 2006, before Olmert's cabinet of May
    assert _holder("Foreign Minister", "ISR", "2006-03-01") == "Tzipi Livni"


def test_a_minister_who_became_head_of_government_keeps_each_title_in_its_time() -> None:
    shipped = shipped_knowledge()
    # the portfolio held on the day is the title a bare mention gets
    for name, day, office in [
        ("Taro Aso", "2006-06-01", "Foreign Minister"),
        ("Taro Aso", "2009-01-15", "Prime Minister"),
        ("Hailemariam Desalegn", "2011-06-01", "Foreign Minister"),
        ("Hailemariam Desalegn", "2015-06-01", "Prime Minister"),
        ("Salman bin Abdulaziz", "2013-06-01", "Defense Minister"),
        ("Salman bin Abdulaziz", "2016-06-01", "King"),
    ]:
        holder = shipped.holder_named(name, None)
        assert holder is not None, name
        term = holder.term_on(dt.date.fromisoformat(day))
        assert term is not None and term.office == office, (name, day)


# Wire copy spells a name without its accents, in another transliteration or with "al-"
SPELLINGS = [
    ("Yasar Yakis", "Yaşar Yakış"),
    ("Maria Angela Holguin", "María Ángela Holguín"),
    ("Pham Binh Minh", "Phạm Bình Minh"),
    ("Wlodzimierz Cimoszewicz", "Włodzimierz Cimoszewicz"),
    ("Moshe Yaalon", "Moshe Ya'alon"),
    ("Koichiro Genba", "Koichiro Gemba"),
    ("Kostiantyn Hryshchenko", "Kostyantyn Gryshchenko"),
    ("Khalid bin Mohammad al-Attiyah", "Khalid bin Mohammad Al Attiyah"),
    ("Hamad bin Jassim al-Thani", "Hamad bin Jassim Al Thani"),
]


@pytest.mark.parametrize(("written", "name"), SPELLINGS)
def test_a_minister_spelled_as_wire_copy_spells_them_is_found(written: str, name: str) -> None:
    holder = shipped_knowledge().holder_named(written, None)
    assert holder is not None and holder.name == name


# A bare surname stands for its one bearer; a name two ministers share is the one in office.
SURNAMES = [
    ("Kasuri", "2005-03-01", "Khurshid Mahmud Kasuri"),
    ("Machimura", "2005-03-01", "Nobutaka Machimura"),
    ("Onodera", "2018-03-01", "Itsunori Onodera"),
    ("Sinirlioglu", "2015-10-01", "Feridun Sinirlioğlu"),
    ("Canikli", "2018-03-01", "Nurettin Canikli"),
    ("Poltorak", "2016-03-01", "Stepan Poltorak"),
    ("Prystaiko", "2019-10-01", "Vadym Prystaiko"),
    ("Videgaray", "2018-03-01", "Luis Videgaray"),
    ("Moratinos", "2008-03-01", "Miguel Ángel Moratinos"),
    ("Waszczykowski", "2016-03-01", "Witold Waszczykowski"),
    ("Onyeama", "2020-03-01", "Geoffrey Onyeama"),
    ("Wetangula", "2009-03-01", "Moses Wetangula"),
    ("Natalegawa", "2012-03-01", "Marty Natalegawa"),
    ("Locsin", "2020-03-01", "Teodoro Locsin Jr."),
    ("Bassil", "2016-03-01", "Gebran Bassil"),
    ("Timerman", "2013-03-01", "Héctor Timerman"),
    ("Guttenberg", "2010-03-01", "Karl-Theodor zu Guttenberg"),
]


@pytest.mark.parametrize(("surname", "on", "name"), SURNAMES)
def test_a_ministers_surname_stands_for_them(surname: str, on: str, name: str) -> None:
    holder = shipped_knowledge().holder_named(surname, dt.date.fromisoformat(on))
    assert (holder.name if holder else None) == name


WIRE_COPY = [
    # dateline, office, the minister introduced, the bare name later, country, day
    ("ISLAMABAD", "Foreign Minister", "Khurshid Kasuri", "Kasuri", "PAK", "2005-04-12"),
    ("KYIV", "Defense Minister", "Stepan Poltorak", "Poltorak", "UKR", "2016-05-03"),
    ("BEIRUT", "Foreign Minister", "Gebran Bassil", "Bassil", "LBN", "2015-03-08"),
    ("NAIROBI", "Foreign Minister", "Moses Wetangula", "Wetangula", "KEN", "2009-06-05"),
    ("BUENOS AIRES", "Foreign Minister", "Hector Timerman", "Timerman", "ARG", "2012-03-01"),
]


@pytest.mark.parametrize(("dateline", "office", "introduced", "bare", "country", "day"), WIRE_COPY)
def test_a_minister_introduced_then_named_bare_is_the_office_holder(  # type: ignore[no-untyped-def]
    extract, dateline: str, office: str, introduced: str, bare: str, country: str, day: str
) -> None:
    text = (
        f"{dateline} — {office} {introduced} met his Chinese counterpart in Beijing on Tuesday."
        f"\n\n{bare} later spoke by phone with his Indian counterpart."
    )
    holding = shipped_knowledge().holder_of(office, country, dt.date.fromisoformat(day))
    assert holding is not None
    found = extract(text, date=day)
    parties = [p for e in found for p in e.actors + e.recipients if bare in p.text]
    assert len(parties) == 2, [(p.text, p.country) for e in found for p in e.actors]
    assert {(p.id, p.country, p.title) for p in parties} == {(holding[0].id, country, office)}
