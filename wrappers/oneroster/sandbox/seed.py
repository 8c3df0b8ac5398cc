"""Generate the sandbox's sample district: deterministic, schema-valid OneRoster 1.2 records.

The sandbox starts from a district that looks like a real one: a district org with elementary,
middle and high schools, a school year with terms and grading periods, courses and classes,
students, teachers, staff and their parents or guardians, demographics, enrollments, a
gradebook, a few assessments and resources, and some TimeBack course components. Everything
scales with ``users`` and is drawn from ``seed`` alone, so the same call always yields the same
records, byte for byte.

Records are plain JSON-able dicts whose keys are the official camelCase names. Every record of an
official kind validates against the 1EdTech 1.2 schema of that kind (``additionalProperties:
false`` included); ``courseComponents`` and ``componentResources`` follow the TimeBack document.

``users`` counts the people of the schools (about 90% students, 8% teachers, 2% staff, plus one
district administrator). Parents and guardians come on top: about one for every two students.

Example:
    ```python
    from oneroster.sandbox.seed import KINDS, district_counts, generate_district

    for kind, record in generate_district(seed=7, users=500):
        store(kind, record)  # kinds arrive in KINDS order, parents first
    district_counts(seed=7, users=500)["users"]  # 500 plus the parents and guardians
    ```

"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import random
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from oneroster.validation import REFERENCE_PATHS

__all__ = [
    "KINDS",
    "OTHER_APP",
    "PARTNER_SANDBOX_ORG",
    "SANDBOX_EPOCH",
    "district_counts",
    "generate_district",
    "platform_records",
]

KINDS: tuple[str, ...] = (
    "orgs",
    "academicSessions",
    "courses",
    "classes",
    "users",
    "demographics",
    "enrollments",
    "categories",
    "scoreScales",
    "lineItems",
    "results",
    "assessmentLineItems",
    "assessmentResults",
    "resources",
    "courseComponents",
    "componentResources",
)
SANDBOX_EPOCH = "2026-08-01T12:00:00.000Z"

Record = dict[str, object]
Ref = dict[str, str]

# Every school needs a principal, a teacher and students, and there are at least two schools; below
# this the "district" would be a handful of people in empty grades.
_MIN_USERS = 20
_USERS_PER_SCHOOL = 500
_COHORT_SIZE = 28
_TOBEDELETED_RATE = 0.01
# dateLastModified lies within this many minutes before the epoch: all after the school year ended,
# so no record claims to be modified before the scores it holds were given.
_MODIFIED_WINDOW = 45 * 24 * 60
_M64 = (1 << 64) - 1

# Tags that keep the per-pass random streams apart (see _District.rng and _mix).
_T_ORGS, _T_COURSES, _T_CLASSES, _T_USERS, _T_DEMO, _T_ENROLL = 1, 2, 3, 4, 5, 6
_T_LINEITEMS, _T_RESULTS, _T_ASSESS, _T_MISC, _T_SEX, _T_ELECTIVES, _T_SCHEDULE = 7, 8, 9, 10, 11, 12, 13

# ---------------------------------------------------------------------------------------------------
# Calendar: school year "2026" runs from August 2025 to June 2026; end dates are exclusive.
# ---------------------------------------------------------------------------------------------------

_YEAR_START = _dt.date(2025, 8, 18)
_DAYS = tuple((_YEAR_START + _dt.timedelta(days=n)).isoformat() for n in range(330))


def _day(year: int, month: int, day: int) -> int:
    return (_dt.date(year, month, day) - _YEAR_START).days


# (sourcedId, title, type, start day, end day, parent index or None)
_SESSIONS: tuple[tuple[str, str, str, int, int, int | None], ...] = (
    ("ses-2026", "2025-2026 School Year", "schoolYear", 0, _day(2026, 6, 6), None),
    ("ses-2026-t1", "Fall 2025", "term", 0, _day(2026, 1, 10), 0),
    ("ses-2026-t2", "Spring 2026", "term", _day(2026, 1, 12), _day(2026, 6, 6), 0),
    ("ses-2026-q1", "Quarter 1", "gradingPeriod", 0, _day(2025, 10, 18), 1),
    ("ses-2026-q2", "Quarter 2", "gradingPeriod", _day(2025, 10, 20), _day(2026, 1, 10), 1),
    ("ses-2026-q3", "Quarter 3", "gradingPeriod", _day(2026, 1, 12), _day(2026, 3, 21), 2),
    ("ses-2026-q4", "Quarter 4", "gradingPeriod", _day(2026, 3, 23), _day(2026, 6, 6), 2),
)
_SCHOOL_YEAR = "2026"


@dataclass(frozen=True, slots=True)
class _Span:
    """When a class meets: its terms, its dates and the grading periods inside them."""

    terms: tuple[int, ...]
    begin: int
    end: int
    periods: tuple[int, ...]


_FULL_YEAR = _Span((1, 2), 0, _SESSIONS[2][4], (3, 4, 5, 6))
_FALL = _Span((1,), 0, _SESSIONS[1][4], (3, 4))
_SPRING = _Span((2,), _SESSIONS[2][3], _SESSIONS[2][4], (5, 6))
# Elective slot 0 runs all year, slot 1 in the fall and slot 2 in the spring, so a student's
# electives never collide in one period.
_ELECTIVE_SPANS = (_FULL_YEAR, _FALL, _SPRING)

_EPOCH = _dt.datetime(2026, 8, 1, 12, 0, tzinfo=_dt.UTC)


@functools.cache
def _stamps() -> tuple[str, ...]:
    """Return every dateLastModified the district may use, newest first: one per minute of the window.

    Formatting a date-time per record would cost more than building the record; a lookup by a
    random index costs almost nothing.
    """
    times = [f"{m // 60:02d}:{m % 60:02d}:00.000Z" for m in range(1440)]
    stamps: list[str] = []
    day, first_minute = _EPOCH.date(), _EPOCH.hour * 60 + _EPOCH.minute
    while len(stamps) < _MODIFIED_WINDOW:
        prefix = day.isoformat() + "T"
        stamps.extend(prefix + times[m] for m in range(first_minute, -1, -1))
        day, first_minute = day - _dt.timedelta(days=1), 1439
    return tuple(stamps[:_MODIFIED_WINDOW])


# ---------------------------------------------------------------------------------------------------
# Vocabulary: subjects, school levels, categories, names.
# ---------------------------------------------------------------------------------------------------

# key: (subject as shown in "subjects", code used in courseCode/classCode, room)
_SUBJECTS: dict[str, tuple[str, str, str]] = {
    "homeroom": ("Homeroom", "HR", ""),
    "math": ("Mathematics", "MATH", ""),
    "ela": ("English Language Arts", "ELA", ""),
    "english": ("English", "ENG", ""),
    "science": ("Science", "SCI", ""),
    "social": ("Social Studies", "SOC", ""),
    "history": ("History", "HIST", ""),
    "art": ("Art", "ART", "Art Studio"),
    "music": ("Music", "MUS", "Music Room"),
    "band": ("Band", "BAND", "Band Room"),
    "pe": ("Physical Education", "PE", "Gymnasium"),
    "spanish": ("Spanish", "SPAN", ""),
    "french": ("French", "FREN", ""),
    "cs": ("Computer Science", "CS", "Computer Lab"),
    "economics": ("Economics", "ECON", ""),
}


@dataclass(frozen=True, slots=True)
class _Level:
    name: str
    label: str
    grades: tuple[str, ...]
    core: tuple[str, ...]
    electives: tuple[str, ...]

    @property
    def subjects(self) -> tuple[str, ...]:
        return self.core + self.electives


_ELEMENTARY = _Level(
    "elementary",
    "Elementary School",
    ("KG", "01", "02", "03", "04", "05"),
    ("homeroom", "math", "ela", "science"),
    ("social", "art", "music", "pe"),
)
_MIDDLE = _Level(
    "middle",
    "Middle School",
    ("06", "07", "08"),
    ("math", "english", "science", "social"),
    ("art", "band", "spanish", "pe", "cs"),
)
_HIGH = _Level(
    "high",
    "High School",
    ("09", "10", "11", "12"),
    ("math", "english", "science", "history"),
    ("spanish", "french", "art", "music", "pe", "cs", "economics"),
)
# Most districts have several elementary schools per middle and high school; the second school is
# always a high school so even the smallest district has both homerooms and high-school courses.
_LEVEL_CYCLE = (_ELEMENTARY, _HIGH, _MIDDLE, _ELEMENTARY, _ELEMENTARY, _MIDDLE, _HIGH, _ELEMENTARY)

_HIGH_TITLES = {
    "math": ("Algebra I", "Geometry", "Algebra II", "Precalculus"),
    "science": ("Biology", "Chemistry", "Physics", "Environmental Science"),
    "history": ("World Geography", "World History", "U.S. History", "U.S. Government"),
    "english": ("English 9", "English 10", "English 11", "English 12"),
}
_ROMAN = ("I", "II", "III", "IV")

# (sourcedId, title, weight)
_CATEGORIES = (("cat-homework", "Homework", 0.3), ("cat-quiz", "Quiz", 0.3), ("cat-test", "Test", 0.4))
_CATEGORY_MAX = (10.0, 20.0, 100.0)

_DISTRICTS = (
    ("Lakeview Unified School District", "lakeview", "0612340"),
    ("Cedar Valley Public Schools", "cedarvalley", "2704560"),
    ("Riverbend Independent School District", "riverbend", "4821870"),
    ("Harborview County Schools", "harborview", "5309120"),
    ("Mesa Verde School District", "mesaverde", "0803650"),
)

_SCHOOL_NAMES = """
Lincoln, Washington, Jefferson, Roosevelt, Maple Grove, Oak Hill, Cedar Ridge, Willow Creek, Riverside,
Pine Valley, Harbor View, Meadowbrook, César Chávez, Rosa Parks, Sequoyah, Harriet Tubman, Sally Ride,
Sojourner Truth, Ruby Bridges, Roberto Clemente, Dolores Huerta, Fred Korematsu, Mae Jemison,
Thurgood Marshall, Frederick Douglass, Amelia Earhart, Helen Keller, Maya Angelou, Clara Barton,
Daniel Inouye, Patsy Mink, Wilma Mankiller, Sacagawea, Grace Hopper, Katherine Johnson, Benjamin Banneker,
Ellen Ochoa, Sylvia Méndez, John Muir, Ansel Adams, Walt Whitman, Emily Dickinson, Langston Hughes,
Zora Neale Hurston, Gabriela Mistral, Bayside, Hillcrest, Fairview, Brookside, Stonebridge, Eastgate,
Westwood, Northridge, Southview, Silver Lake, Aspen Heights, Granite Falls, Sunrise, Canyon View, Bridgeport
"""

# Given names by the sex their bearers most often report; the list a person's name comes from
# follows the sex in their demographics record. Spellings are deliberately varied: accents,
# apostrophes, hyphens and names from many languages, because client code must cope with all of them.
_FEMININE = """
Olivia, Emma, Charlotte, Amelia, Sophia, Isabella, Ava, Mia, Evelyn, Harper, Luna, Camila, Gianna,
Elizabeth, Eleanor, Ella, Abigail, Sofía, Scarlett, Emily, Aria, Penelope, Chloe, Layla, Mila, Nora,
Hazel, Madison, Ellie, Lily, Nova, Isla, Grace, Violet, Aurora, Zoey, Willow, Emilia, Stella, Zoë,
Victoria, Hannah, Addison, Leah, Lucy, Eliana, Ivy, Everly, Lillian, Paisley, Elena, Naomi, Maya,
Natalie, Delilah, Claire, Audrey, Aaliyah, Ruby, Brooklyn, Alice, Aubrey, Autumn, Leilani, Savannah,
Valentina, Kennedy, Josephine, Bella, Genesis, Sophie, Hailey, Sadie, Natalia, Caroline, Allison,
Gabriella, Anna, Serenity, Nevaeh, Cora, Ariana, Lydia, Jade, Sarah, Eva, Adeline, Madeline, Piper,
Athena, Vivian, Clara, Liliana, Samantha, María, Iris, Ayla, Eloise, Eliza, Melody, Julia, Rose,
Isabelle, Eden, Maeve, Margaret, Ximena, Ana, Lucía, Valeria, Guadalupe, Renée, Anaïs, Chloé, Léa,
Inès, Maëlle, Aoife, Siobhán, Niamh, Saoirse, Priya, Ananya, Aditi, Diya, Kavya, Meera, Fátima,
Aisha, Amira, Yasmin, Noor, Mei, Xiu, Yuna, Sakura, Hana, Ji-woo, Seo-yeon, Min-ji, Chiamaka, Amara,
Adaeze, Nia, Imani, Zuri, Ayana, Keisha, Tiana, Ngozi, Abena, Akosua, Thandiwe, Freya, Ingrid,
Astrid, Åsa, Sigrid, Małgorzata, Zofia, Agnieszka, Oksana, Olena, Anastasia, Ayşe, Elif, Zeynep,
Kalani, Malia, Yareli, Itzel, Xóchitl, Nayeli, D'Asia, Ja'Nya, Thảo, Linh, Giulia, Chiara, Héloïse
"""
_MASCULINE = """
Liam, Noah, Oliver, James, Elijah, William, Henry, Lucas, Benjamin, Theodore, Mateo, Levi, Sebastian,
Daniel, Jack, Michael, Alexander, Owen, Asher, Samuel, Ethan, Leo, Jackson, Mason, Ezra, John, Hudson,
Luca, Aiden, Joseph, David, Jacob, Logan, Luke, Julian, Gabriel, Grayson, Wyatt, Matthew, Dylan,
Isaac, Elias, Anthony, Thomas, Jayden, Carter, Santiago, Ezekiel, Charles, Josiah, Caleb, Cooper,
Lincoln, Miles, Christopher, Nathan, Isaiah, Joshua, Andrew, Adrian, Cameron, Nolan, Roman, Eli,
Wesley, Aaron, Ian, Christian, Ryan, Leonardo, Axel, Jonathan, Everett, Bennett, Robert, Silas,
José, Micah, Jeremiah, Adam, Nicholas, Xavier, Hunter, Dominic, Gael, Thiago, Damian, Emmett,
Diego, Alejandro, Andrés, Joaquín, Matías, Tomás, Nicolás, Sebastián, Rafael, Emiliano, Iker,
Jesús, Ángel, François, Jérôme, Loïc, Benoît, Noé, Raphaël, Seán, Ciarán, Eoin, Oisín, Pádraig,
Cormac, Arjun, Aarav, Rohan, Vikram, Rahul, Sanjay, Ishaan, Kabir, Omar, Yusuf, Ibrahim, Hassan,
Ali, Khalid, Tariq, Karim, Zayd, Wei, Hao, Jun, Hiroshi, Haruto, Ren, Min-jun, Ji-ho, Seo-jun,
Đức, Minh, Bảo, Chinedu, Emeka, Kwame, Kofi, Oluwaseun, Tunde, Sipho, Tendai, Jabari, Malik,
DeShawn, Darnell, Jamal, Terrell, D'Andre, De'Shawn, Ja'Marcus, Lukas, Jonas, Søren, Bjørn, Matteo,
Giovanni, Piotr, Wojciech, Łukasz, Jakub, Tomáš, Dmitri, Nikolai, Mehmet, Emre, Oğuz, Keanu, Makoa,
Kekoa, Joaquim, João, Gonçalo
"""
_NEUTRAL = """
Alex, Jordan, Taylor, Morgan, Casey, Jamie, Riley, Avery, Quinn, Rowan, Sage, Skyler, Reese, Finley,
Emerson, Dakota, Hayden, Kendall, Blake, Charlie, Sam, Ari, Noa, Remy, River, Parker, Kai, Eden
"""
_FAMILY = """
Smith, Johnson, Williams, Brown, Jones, García, Miller, Davis, Rodríguez, Martínez, Hernández, López,
González, Wilson, Anderson, Thomas, Taylor, Moore, Jackson, Martin, Lee, Pérez, Thompson, White,
Harris, Sánchez, Clark, Ramírez, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Torres,
Hill, Flores, Green, Adams, Nelson, Baker, Hall, Rivera, Campbell, Mitchell, Carter, Roberts, Gómez,
Phillips, Evans, Turner, Díaz, Parker, Cruz, Edwards, Collins, Reyes, Stewart, Morris, Morales,
Murphy, Cook, Rogers, Gutiérrez, Ortiz, Morgan, Cooper, Peterson, Bailey, Reed, Kelly, Howard, Ramos,
Cox, Ward, Richardson, Watson, Brooks, Chávez, Wood, James, Bennett, Gray, Mendoza, Ruiz, Hughes,
Price, Álvarez, Castillo, Sanders, Myers, Long, Ross, Foster, Jiménez, Powell, Jenkins, Perry,
Russell, Sullivan, Bell, Coleman, Butler, Henderson, Barnes, Fisher, Vásquez, Simmons, Romero,
Jordan, Patterson, Hamilton, Graham, Reynolds, Griffin, Wallace, Moreno, West, Cole, Hayes, Bryant,
Herrera, Gibson, Ellis, Medina, Aguilar, Stevens, Murray, Ford, Castro, Marshall, Owens, Harrison,
Fernández, McDonald, Woods, Washington, Kennedy, Wells, Vargas, Henry, Freeman, Webb, Tucker, Guzmán,
Burns, Crawford, Olson, Simpson, Porter, Hunter, Gordon, Silva, Shaw, Snyder, Mason, Dixon, Muñoz,
Hunt, Hicks, Holmes, Palmer, Wagner, Black, Robertson, Boyd, Stone, Salazar, Fox, Warren, Mills,
Meyer, Rice, Schmidt, García-López, Peña, Ibáñez, Núñez, Valdés, Ochoa, Domínguez, De la Cruz,
Del Río, O'Brien, O'Connor, O'Neill, O'Sullivan, O'Reilly, O'Malley, McCarthy, Fitzgerald, Gallagher,
Byrne, Doyle, D'Angelo, D'Amico, Russo, Romano, Esposito, Bianchi, Ricci, Colombo, De Luca, Lefèvre,
Dubois, Moreau, Girard, Bélanger, Gagné, Côté, Lévesque, Bouchard, Thériault, Müller, Schröder,
Schäfer, Weiß, Köhler, Becker, Hoffmann, Zimmermann, Jørgensen, Sørensen, Nilsson, Lindqvist,
Håkansson, Virtanen, Järvinen, Kowalski, Nowak, Wiśniewski, Wójcik, Dvořák, Novák, Horváth, Petrović,
Jovanović, Ivanov, Popov, Shevchenko, Kovalenko, Yılmaz, Kaya, Demir, Öztürk, Çelik, Şahin,
Papadopoulos, Georgiou, Nikolaidis, Haddad, Khalil, Nasser, Al-Sayed, Mansour, Hussein, Abdullah,
El-Amin, Saleh, Hosseini, Rahimi, Karimi, Patel, Sharma, Gupta, Singh, Kumar, Reddy, Iyer, Nair,
Desai, Mehta, Chowdhury, Rahman, Banerjee, Krishnan, Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao,
Wu, Zhou, Lin, Kim, Park, Choi, Jung, Kang, Cho, Yoon, Tanaka, Satō, Suzuki, Takahashi, Watanabe,
Yamamoto, Nakamura, Kobayashi, Nguyen, Trần, Lê, Phạm, Hoang, Vu, Santos, Dela Cruz, Bautista,
Villanueva, Aquino, Okafor, Okonkwo, Adeyemi, Balogun, Mensah, Boateng, Owusu, Abebe, Tesfaye,
Mwangi, Otieno, Kamau, Diallo, Ndiaye, N'Diaye, Traoré, Dlamini, Nkosi, Begay, Yazzie, Tsosie,
Benally, Kealoha, Kahananui, Akana, Smith-Jones, Rivera-Ortiz, Lee-Park, Cohen, Levi, Goldberg,
Friedman, Shapiro, Katz, Conceição, Gonçalves, Magalhães, Araújo, Simões
"""  # noqa: RUF001 - the dotless i in Turkish names is deliberate, not a typo


def _names(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name.strip() for name in text.split(",") if name.strip()))


_GIVEN_F = _names(_FEMININE)
_GIVEN_M = _names(_MASCULINE)
_GIVEN_N = _names(_NEUTRAL)
_FAMILY_NAMES = _names(_FAMILY)
_SCHOOL_BASES = _names(_SCHOOL_NAMES)

# Letters NFKD leaves alone; mapped by hand so "Jørgensen" becomes "jorgensen", not "jrgensen".
_ASCII_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L"})
_ASCII_FOLD.update(str.maketrans({"đ": "d", "Đ": "D", "\u0131": "i", "œ": "oe", "Œ": "OE"}))
_SLUGS: dict[str, str] = {}


def _slug(name: str) -> str:
    """Return the lower-case ASCII letters of ``name`` (cached: the same few hundred names recur)."""
    slug = _SLUGS.get(name)
    if slug is None:
        folded = unicodedata.normalize("NFKD", name.translate(_ASCII_FOLD))
        slug = "".join(ch for ch in folded.lower() if "a" <= ch <= "z")
        _SLUGS[name] = slug
    return slug


def _mix(seed: int, tag: int, n: int) -> int:
    """Return a well-mixed 64-bit value for (seed, tag, n).

    Facts that several passes need (a student's sex, electives, a class's line items) come from here
    instead of a shared random stream, so a later pass can recompute them without storing anything.
    """
    x = (seed * 0x9E3779B97F4A7C15 + tag * 0xC2B2AE3D27D4EB4F + n) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return x ^ (x >> 31)


# ---------------------------------------------------------------------------------------------------
# The plan: per-school numbers from which every pass derives its records.
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cohort:
    """Students of one grade who share their core classes (one "section")."""

    grade_pos: int
    section: int
    first_student: int
    size: int
    first_class: int
    electives: tuple[int, ...]  # positions in level.electives, one class each

    @property
    def n_classes(self) -> int:
        return 4 + len(self.electives)


@dataclass(frozen=True, slots=True)
class _School:
    number: int
    level: _Level
    name: str
    first_staff: int
    n_staff: int
    first_teacher: int
    n_teachers: int
    first_student: int
    n_students: int
    first_course: int
    first_class: int
    n_classes: int
    cohorts: tuple[_Cohort, ...]

    @property
    def org_id(self) -> str:
        return f"org-{self.number:04d}"

    def course_no(self, grade_pos: int, subject_pos: int) -> int:
        return self.first_course + grade_pos * len(self.level.subjects) + subject_pos


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _plan(users: int) -> list[_School]:
    n_schools = max(2, round(users / _USERS_PER_SCHOOL))
    schools: list[_School] = []
    # User 1 is the district administrator; each school's people follow in one block.
    next_user, next_course, next_class = 2, 1, 1
    for index, population in enumerate(_split(users - 1, n_schools)):
        level = _LEVEL_CYCLE[index % len(_LEVEL_CYCLE)]
        n_staff = max(1, round(population * 0.02))
        n_teachers = max(1, round(population * 0.08))
        n_students = population - n_staff - n_teachers
        first_student = next_user + n_staff + n_teachers
        cohorts: list[_Cohort] = []
        class_no, student = next_class, first_student
        n_electives = len(level.electives)
        for grade_pos, grade_size in enumerate(_split(n_students, len(level.grades))):
            if grade_size == 0:
                continue
            n_cohorts = -(-grade_size // _COHORT_SIZE)  # ceil: no class above _COHORT_SIZE
            for section, size in enumerate(_split(grade_size, n_cohorts), start=1):
                # Each cohort offers three electives (fewer if it has fewer students, so no class is
                # empty), rotating through the level's list so every elective is taught somewhere.
                offset = (grade_pos * 3 + section) % n_electives
                electives = tuple((offset + k) % n_electives for k in range(min(3, size)))
                cohorts.append(_Cohort(grade_pos, section, student, size, class_no, electives))
                class_no += 4 + len(electives)
                student += size
        name = _school_name(index, level)
        schools.append(
            _School(
                number=index + 1,
                level=level,
                name=name,
                first_staff=next_user,
                n_staff=n_staff,
                first_teacher=next_user + n_staff,
                n_teachers=n_teachers,
                first_student=first_student,
                n_students=n_students,
                first_course=next_course,
                first_class=next_class,
                n_classes=class_no - next_class,
                cohorts=tuple(cohorts),
            )
        )
        next_user += population
        next_course += len(level.grades) * len(level.subjects)
        next_class = class_no
    return schools


def _school_name(index: int, level: _Level) -> str:
    base = _SCHOOL_BASES[(index * 7) % len(_SCHOOL_BASES)]
    cycle = index // len(_SCHOOL_BASES)
    campus = f" ({('North', 'South', 'East', 'West', 'Central')[(cycle - 1) % 5]} Campus)" if cycle else ""
    return f"{base} {level.label}{campus}"


def _course_title(level: _Level, subject: str, grade_pos: int) -> str:
    grade = level.grades[grade_pos]
    shown = _SUBJECTS[subject][0]
    if level is _HIGH:
        titles = _HIGH_TITLES.get(subject)
        return titles[grade_pos] if titles else f"{shown} {_ROMAN[grade_pos]}"
    if level is _MIDDLE:
        return f"{shown} {int(grade)}"
    return f"{'Kindergarten' if grade == 'KG' else f'Grade {int(grade)}'} {shown}"


def _slot(cohort: _Cohort, slot: int) -> tuple[int, _Span]:
    """Return the subject position (in level.subjects) and the span of a cohort's class slot."""
    if slot < 4:
        return slot, _FULL_YEAR
    return 4 + cohort.electives[slot - 4], _ELECTIVE_SPANS[slot - 4]


# ---------------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------------


# Seeded ids are plain ASCII ("usr-000123"), so an href is the type's collection path plus the id;
# the paths come from the wrapper's one table (validation.REFERENCE_PATHS). Millions of references
# are built for the big benchmark districts, hence plain concatenation rather than quoting each id.
_HREF_PREFIX = {type_: path + "/" for type_, (_, path) in REFERENCE_PATHS.items()}


def _ref(type_: str, sourced_id: str) -> Ref:
    return {"href": _HREF_PREFIX[type_] + sourced_id, "sourcedId": sourced_id, "type": type_}


def _org_ref(org_id: str) -> Ref:
    return _ref("org", org_id)


def _session_ref(index: int) -> Ref:
    return _ref("academicSession", _SESSIONS[index][0])


# Ids are zero-padded numbers ("usr-000123", "cls-0042"); str.zfill is the cheapest way to pad.


def _user_ref(n: int) -> Ref:
    return _ref("user", "usr-" + str(n).zfill(6))


def _class_id(n: int) -> str:
    return "cls-" + str(n).zfill(4)


def _class_ref(n: int) -> Ref:
    return _ref("class", "cls-" + str(n).zfill(4))


def _line_item_id(class_no: int, k: int) -> str:
    return f"li-{str(class_no).zfill(4)}-{k + 1}"


def _has_scale(school: _School, class_no: int) -> bool:
    # A few classes grade on a letter scale; its sourcedId is derived from the class's.
    return (class_no - school.first_class) % 60 == 0


def _scale_id(class_no: int) -> str:
    return f"ssc-{class_no:04d}"


class _LineItemPlan(NamedTuple):
    """One assignment of a class; days count from the first day of school."""

    title: str
    category: int
    period: int
    assign: int
    due: int


# "Homework 1", "Quiz 2", ...: the last assignment of a class is its unit test.
_TITLES = tuple(tuple(f"{title} {ordinal}" for ordinal in range(6)) for _, title, _ in _CATEGORIES[:2])


class _District:
    """One district: the plan plus one method per kind, each yielding that kind's records."""

    def __init__(self, seed: int, users: int) -> None:
        self.seed = seed
        self.users = users
        self.schools = _plan(users)
        self.district_name, self.domain_slug, self.lea_id = _DISTRICTS[seed % len(_DISTRICTS)]
        self.domain = f"{self.domain_slug}.example.org"
        self.district_id = "org-0000"
        # The TimeBack course components belong to the first high school's Algebra I and Biology.
        high = next(s for s in self.schools if s.level is _HIGH)
        self.component_courses = (high.course_no(0, 0), high.course_no(0, 2))

    # -- shared helpers ----------------------------------------------------------------------------

    def rng(self, tag: int, n: int = 0) -> random.Random:
        """Return the random stream of one pass over one school, independent of the other passes."""
        return random.Random((self.seed * 1_000_003 + tag) * 1_000_003 + n)

    @staticmethod
    def stamp(rnd: float) -> str:
        return _stamps()[int(rnd * _MODIFIED_WINDOW)]

    @staticmethod
    def status(rnd: float) -> str:
        return "tobedeleted" if rnd < _TOBEDELETED_RATE else "active"

    def female(self, user_no: int) -> int:
        """Return 0 female, 1 male, 2 other, 3 unspecified: the same answer in every pass."""
        roll = _mix(self.seed, _T_SEX, user_no) % 100
        return 0 if roll < 49 else 1 if roll < 98 else 2 if roll < 99 else 3

    def electives_taken(self, cohort: _Cohort, student_no: int) -> tuple[int, ...]:
        """Return the elective slots a student takes: always one, sometimes two or three."""
        n = len(cohort.electives)
        local = student_no - cohort.first_student
        taken = min(n, 1 + _mix(self.seed, _T_ELECTIVES, student_no) % 3)
        return tuple((local + k) % n for k in range(taken))

    def line_items(self, class_no: int, span: _Span) -> list[_LineItemPlan]:
        """Return a class's 3-5 assignments: the same in the lineItems and the results pass."""
        h = _mix(self.seed, _T_SCHEDULE, class_no)
        count = 3 + h % 3
        # Ten bits of a second hash per assignment pick its dates (six for the day, four for the gap).
        bits = _mix(self.seed, _T_SCHEDULE, -class_no)
        plans: list[_LineItemPlan] = []
        periods = span.periods
        for k in range(count):
            # The last assignment is always a test; the others alternate homework and quizzes.
            category = 2 if k == count - 1 else k & 1
            period = periods[k * len(periods) // count]
            start, end = _SESSIONS[period][3], _SESSIONS[period][4]
            assign = start + (bits & 63) % (end - start - 16)
            due = min(end - 1, assign + 2 + ((bits >> 6) & 15))
            bits >>= 10
            title = "Unit Test" if category == 2 else _TITLES[category][k // 2 + 1]
            plans.append(_LineItemPlan(title, category, period, assign, due))
        return plans

    def person(self, rng: random.Random, sex: int, family: str | None = None) -> tuple[str, str]:
        rnd = rng.random
        if rnd() < 0.08:
            given = _GIVEN_N[int(rnd() * len(_GIVEN_N))]
        else:
            names = _GIVEN_F if sex == 0 or (sex >= 2 and rnd() < 0.5) else _GIVEN_M
            given = names[int(rnd() * len(names))]
        return given, family or _FAMILY_NAMES[int(rnd() * len(_FAMILY_NAMES))]

    # -- the kinds, in KINDS order -----------------------------------------------------------------

    def records(self) -> Iterator[tuple[str, Record]]:
        passes = (
            ("orgs", self.orgs),
            ("academicSessions", self.academic_sessions),
            ("courses", self.courses),
            ("classes", self.classes),
            ("users", self.all_users),
            ("demographics", self.demographics),
            ("enrollments", self.enrollments),
            ("categories", self.categories),
            ("scoreScales", self.score_scales),
            ("lineItems", self.all_line_items),
            ("results", self.results),
            ("assessmentLineItems", self.assessment_line_items),
            ("assessmentResults", self.assessment_results),
            ("resources", self.resources),
            ("courseComponents", self.course_components),
            ("componentResources", self.component_resources),
        )
        for kind, records in passes:
            # zip pairs each record with its kind in C, without a Python frame per record.
            yield from zip(itertools.repeat(kind), records())

    def orgs(self) -> Iterator[Record]:
        rnd = self.rng(_T_ORGS).random
        yield {
            "sourcedId": self.district_id,
            "status": "active",
            "dateLastModified": self.stamp(rnd()),
            "name": self.district_name,
            "type": "district",
            "identifier": self.lea_id,
            "children": [_org_ref(school.org_id) for school in self.schools],
        }
        for school in self.schools:
            yield {
                "sourcedId": school.org_id,
                "status": "active",
                "dateLastModified": self.stamp(rnd()),
                "metadata": {"schoolLevel": school.level.name},
                "name": school.name,
                "type": "school",
                # NCES school ids are the 7-digit district id followed by a 5-digit school number.
                "identifier": f"{self.lea_id}{school.number:05d}",
                "parent": _org_ref(self.district_id),
            }

    def academic_sessions(self) -> Iterator[Record]:
        rnd = self.rng(_T_ORGS, 1).random
        for index, (sourced_id, title, type_, start, end, parent) in enumerate(_SESSIONS):
            record: Record = {
                "sourcedId": sourced_id,
                "status": "active",
                "dateLastModified": self.stamp(rnd()),
                "title": title,
                "startDate": _DAYS[start],
                "endDate": _DAYS[end],
                "type": type_,
            }
            if parent is not None:
                record["parent"] = _session_ref(parent)
            children = [_session_ref(i) for i, s in enumerate(_SESSIONS) if s[5] == index]
            if children:
                record["children"] = children
            record["schoolYear"] = _SCHOOL_YEAR
            yield record

    def courses(self) -> Iterator[Record]:
        for school in self.schools:
            rnd = self.rng(_T_COURSES, school.number).random
            level = school.level
            for grade_pos, grade in enumerate(level.grades):
                for subject_pos, subject in enumerate(level.subjects):
                    shown, code, _ = _SUBJECTS[subject]
                    sourced_id = f"crs-{school.course_no(grade_pos, subject_pos):04d}"
                    yield {
                        "sourcedId": sourced_id,
                        "status": self.status(rnd()),
                        "dateLastModified": self.stamp(rnd()),
                        "title": _course_title(level, subject, grade_pos),
                        "schoolYear": _session_ref(0),
                        "courseCode": f"{code}-{grade}",
                        "grades": [grade],
                        "subjects": [shown],
                        "org": _org_ref(school.org_id),
                    }

    def classes(self) -> Iterator[Record]:
        for school in self.schools:
            rng = self.rng(_T_CLASSES, school.number)
            rnd = rng.random
            level = school.level
            school_ref = _org_ref(school.org_id)
            for cohort in school.cohorts:
                grade = level.grades[cohort.grade_pos]
                base_room = 100 * (1 + cohort.grade_pos % 3) + 10 * cohort.section
                for slot in range(cohort.n_classes):
                    subject_pos, span = _slot(cohort, slot)
                    subject = level.subjects[subject_pos]
                    shown, code, room = _SUBJECTS[subject]
                    course_no = school.course_no(cohort.grade_pos, subject_pos)
                    homeroom = subject == "homeroom"
                    course_title = _course_title(level, subject, cohort.grade_pos)
                    yield {
                        "sourcedId": _class_id(cohort.first_class + slot),
                        "status": self.status(rnd()),
                        "dateLastModified": self.stamp(rnd()),
                        "title": f"{course_title} - Section {cohort.section}",
                        "classCode": f"{code}-{grade}.{cohort.section:02d}",
                        "classType": "homeroom" if homeroom else "scheduled",
                        "location": room or f"Room {base_room + int(rnd() * 10)}",
                        "grades": [grade],
                        "subjects": [shown],
                        "course": _ref("course", f"crs-{course_no:04d}"),
                        "school": school_ref.copy(),
                        "terms": [_session_ref(term) for term in span.terms],
                        "periods": ["HR" if homeroom else str(slot + 1)],
                    }

    def all_users(self) -> Iterator[Record]:
        rng = self.rng(_T_USERS)
        sex = self.female(1)
        given, family = self.person(rng, sex)
        yield self.user(rng, 1, sex, given, family, "districtAdministrator", _org_ref(self.district_id), "E")
        next_parent = self.users + 1
        for school in self.schools:
            parents: list[Record] = []
            yield from self.school_users(school, next_parent, parents)
            yield from parents
            next_parent += len(parents)

    def user(
        self,
        rng: random.Random,
        n: int,
        sex: int,
        given: str,
        family: str,
        role: str,
        org: Ref,
        prefix: str,
    ) -> Record:
        """Build one user; ``org`` is used as given (pass a copy if it is shared)."""
        rnd = rng.random
        status = "tobedeleted" if rnd() < _TOBEDELETED_RATE else "active"
        given_slug, family_slug = _slug(given), _slug(family)
        identifier = f"{prefix}{n:07d}"
        record: Record = {
            "sourcedId": "usr-" + str(n).zfill(6),
            "status": status,
            "dateLastModified": _stamps()[int(rnd() * _MODIFIED_WINDOW)],
            "username": f"{given_slug[:1]}{family_slug}{n}",
            "userIds": [{"type": "SIS", "identifier": identifier}],
            "enabledUser": "false" if status == "tobedeleted" else "true",
            "givenName": given,
            "familyName": family,
        }
        if rnd() < 0.35:
            middle = _GIVEN_N if rnd() < 0.3 else _GIVEN_F if sex == 0 else _GIVEN_M
            record["middleName"] = middle[int(rnd() * len(middle))]
        record["roles"] = [{"roleType": "primary", "role": role, "org": org}]
        record["primaryOrg"] = org.copy()
        record["identifier"] = identifier
        domain = "example.net" if prefix == "G" else self.domain
        record["email"] = f"{given_slug}.{family_slug}{n}@{domain}"
        return record

    def school_users(self, school: _School, next_parent: int, parents: list[Record]) -> Iterator[Record]:
        rng = self.rng(_T_USERS, school.number)
        rnd = rng.random
        school_ref = _org_ref(school.org_id)
        staff_roles = ("aide", "siteAdministrator", "counselor", "aide")
        for offset in range(school.n_staff):
            n = school.first_staff + offset
            sex = self.female(n)
            given, family = self.person(rng, sex)
            role = "principal" if offset == 0 else staff_roles[offset % len(staff_roles)]
            yield self.user(rng, n, sex, given, family, role, school_ref.copy(), "E")
        neighbour = self.schools[school.number % len(self.schools)]
        for n in range(school.first_teacher, school.first_teacher + school.n_teachers):
            sex = self.female(n)
            given, family = self.person(rng, sex)
            record = self.user(rng, n, sex, given, family, "teacher", school_ref.copy(), "E")
            if rnd() < 0.05 and neighbour is not school:
                # Some teachers also teach at a second school: a secondary role there.
                roles = record["roles"]
                assert isinstance(roles, list)
                roles.append({"roleType": "secondary", "role": "teacher", "org": _org_ref(neighbour.org_id)})
            record["phone"] = f"+1-555-01{n % 100:02d}"
            yield record
        # The family of the previous student, who may be a sibling of the next one: the parents'
        # numbers and their (still growing) lists of children.
        household: list[tuple[int, list[Ref]]] = []
        family_name = ""
        for cohort in school.cohorts:
            grades = [school.level.grades[cohort.grade_pos]]
            for n in range(cohort.first_student, cohort.first_student + cohort.size):
                roll = rnd()
                sibling = bool(household) and roll < 0.08
                new_family = not sibling and roll < 0.40
                sex = self.female(n)
                given, surname = self.person(rng, sex, family_name if sibling else None)
                record = self.user(rng, n, sex, given, surname, "student", school_ref.copy(), "")
                record["grades"] = list(grades)
                if new_family:
                    family_name = surname
                    household = [
                        self.parent(rng, next_parent + len(parents), surname, school_ref, parents)
                        for _ in range(2 if rnd() < 0.3 else 1)
                    ]
                elif not sibling:
                    household = []
                if household:
                    record["agents"] = [_user_ref(parent_no) for parent_no, _ in household]
                    for _, children in household:
                        children.append(_user_ref(n))
                yield record

    def parent(
        self, rng: random.Random, n: int, surname: str, school_ref: Ref, parents: list[Record]
    ) -> tuple[int, list[Ref]]:
        """Add a parent or guardian to ``parents``; return its number and its list of children."""
        rnd = rng.random
        sex = 0 if rnd() < 0.55 else 1
        given, family = self.person(rng, sex, surname if rnd() < 0.8 else None)
        role = "guardian" if rnd() < 0.15 else "parent"
        record = self.user(rng, n, sex, given, family, role, school_ref.copy(), "G")
        record["phone"] = f"+1-555-01{n % 100:02d}"
        children: list[Ref] = []
        record["agents"] = children
        parents.append(record)
        return n, children

    def demographics(self) -> Iterator[Record]:
        stamps = _stamps()
        sexes = ("female", "male", "other", "unspecified")
        states = ("CA", "TX", "NY", "FL", "IL", "WA", "AZ", "GA", "NC", "MN")
        countries = ("MX", "IN", "CN", "VN", "PH", "NG", "SV", "KR", "UA", "BR")
        for school in self.schools:
            rnd = self.rng(_T_DEMO, school.number).random
            for cohort in school.cohorts:
                grade = school.level.grades[cohort.grade_pos]
                # A kindergartner in 2025-26 was born between September 2019 and August 2020.
                born_from = _dt.date(2019 - (0 if grade == "KG" else int(grade)), 9, 1).toordinal()
                for n in range(cohort.first_student, cohort.first_student + cohort.size):
                    race = rnd()
                    abroad = rnd() < 0.08
                    record: Record = {
                        "sourcedId": "usr-" + str(n).zfill(6),
                        "status": "tobedeleted" if rnd() < _TOBEDELETED_RATE else "active",
                        "dateLastModified": stamps[int(rnd() * _MODIFIED_WINDOW)],
                        "birthDate": _dt.date.fromordinal(born_from + int(rnd() * 365)).isoformat(),
                        "sex": sexes[self.female(n)],
                        "americanIndianOrAlaskaNative": "true" if race < 0.02 else "false",
                        "asian": "true" if 0.02 <= race < 0.10 else "false",
                        "blackOrAfricanAmerican": "true" if 0.10 <= race < 0.24 else "false",
                        "nativeHawaiianOrOtherPacificIslander": "true" if 0.24 <= race < 0.25 else "false",
                        "white": "true" if 0.25 <= race < 0.91 else "false",
                        "demographicRaceTwoOrMoreRaces": "true" if race >= 0.91 else "false",
                        "hispanicOrLatinoEthnicity": "true" if rnd() < 0.27 else "false",
                        "countryOfBirthCode": countries[int(rnd() * len(countries))] if abroad else "US",
                    }
                    if not abroad:
                        record["stateOfBirthAbbreviation"] = states[int(rnd() * len(states))]
                    yield record

    def enrollments(self) -> Iterator[Record]:
        stamps, days = _stamps(), _DAYS
        count = 0
        for school in self.schools:
            rnd = self.rng(_T_ENROLL, school.number).random
            school_ref = _org_ref(school.org_id)
            for cohort in school.cohorts:
                spans = [_slot(cohort, slot)[1] for slot in range(cohort.n_classes)]
                class_refs = [_class_ref(cohort.first_class + slot) for slot in range(cohort.n_classes)]
                for slot, span in enumerate(spans):
                    local = cohort.first_class + slot - school.first_class
                    teachers = [(school.first_teacher + local % school.n_teachers, "true")]
                    if school.n_teachers > 1 and rnd() < 0.05:
                        co_teacher = school.first_teacher + (local + 1) % school.n_teachers
                        teachers.append((co_teacher, "false"))
                    for teacher, primary in teachers:
                        count += 1
                        yield {
                            "sourcedId": "enr-" + str(count).zfill(6),
                            "status": "active",
                            "dateLastModified": stamps[int(rnd() * _MODIFIED_WINDOW)],
                            "user": _user_ref(teacher),
                            "class": class_refs[slot].copy(),
                            "school": school_ref.copy(),
                            "role": "teacher",
                            "primary": primary,
                            "beginDate": days[span.begin],
                            "endDate": days[span.end],
                        }
                for n in range(cohort.first_student, cohort.first_student + cohort.size):
                    user_ref = _user_ref(n)
                    for slot in (0, 1, 2, 3, *(4 + e for e in self.electives_taken(cohort, n))):
                        span = spans[slot]
                        begin, end = span.begin, span.end
                        roll = rnd()
                        # A few students join late or leave early.
                        if roll < 0.03:
                            begin += 7 + int(rnd() * 40)
                        elif roll < 0.05:
                            end -= 7 + int(rnd() * 40)
                        count += 1
                        yield {
                            "sourcedId": "enr-" + str(count).zfill(6),
                            "status": "tobedeleted" if rnd() < _TOBEDELETED_RATE else "active",
                            "dateLastModified": stamps[int(rnd() * _MODIFIED_WINDOW)],
                            "user": user_ref.copy(),
                            "class": class_refs[slot].copy(),
                            "school": school_ref.copy(),
                            "role": "student",
                            "primary": "false",
                            "beginDate": days[begin],
                            "endDate": days[end],
                        }

    def categories(self) -> Iterator[Record]:
        rnd = self.rng(_T_MISC, 1).random
        for sourced_id, title, weight in _CATEGORIES:
            yield {
                "sourcedId": sourced_id,
                "status": "active",
                "dateLastModified": self.stamp(rnd()),
                "title": title,
                "weight": weight,
            }

    def score_scales(self) -> Iterator[Record]:
        rnd = self.rng(_T_MISC, 2).random
        bands = (("A", "90-100"), ("B", "80-89"), ("C", "70-79"), ("D", "60-69"), ("F", "0-59"))
        for school in self.schools:
            for class_no in range(school.first_class, school.first_class + school.n_classes, 60):
                yield {
                    "sourcedId": _scale_id(class_no),
                    "status": "active",
                    "dateLastModified": self.stamp(rnd()),
                    "title": "Letter Grade (A-F)",
                    "type": "letter",
                    "class": _class_ref(class_no),
                    "scoreScaleValue": [
                        {"itemValueLHS": letter, "itemValueRHS": band} for letter, band in bands
                    ],
                }

    def all_line_items(self) -> Iterator[Record]:
        stamps, days = _stamps(), _DAYS
        categories = [_ref("category", sourced_id) for sourced_id, _, _ in _CATEGORIES]
        sessions = [_session_ref(index) for index in range(len(_SESSIONS))]
        for school in self.schools:
            rnd = self.rng(_T_LINEITEMS, school.number).random
            school_ref = _org_ref(school.org_id)
            for cohort in school.cohorts:
                for slot in range(cohort.n_classes):
                    class_no = cohort.first_class + slot
                    class_ref = _class_ref(class_no)
                    scale = _has_scale(school, class_no)
                    for k, plan in enumerate(self.line_items(class_no, _slot(cohort, slot)[1])):
                        record: Record = {
                            "sourcedId": _line_item_id(class_no, k),
                            "status": "tobedeleted" if rnd() < _TOBEDELETED_RATE else "active",
                            "dateLastModified": stamps[int(rnd() * _MODIFIED_WINDOW)],
                            "title": plan.title,
                            "assignDate": f"{days[plan.assign]}T13:00:00.000Z",
                            "dueDate": f"{days[plan.due]}T23:59:00.000Z",
                            "class": class_ref.copy(),
                            "school": school_ref.copy(),
                            "category": categories[plan.category].copy(),
                            "gradingPeriod": sessions[plan.period].copy(),
                            "academicSession": sessions[1 if plan.period < 5 else 2].copy(),
                        }
                        if scale:
                            record["scoreScale"] = _ref("scoreScale", _scale_id(class_no))
                        record["resultValueMin"] = 0.0
                        record["resultValueMax"] = _CATEGORY_MAX[plan.category]
                        yield record

    def results(self) -> Iterator[Record]:
        stamps, days = _stamps(), _DAYS
        last_day = _SESSIONS[0][4] - 1
        comments = ("Great work!", "Please see me about this one.", "Très bien — nice improvement.", "Late")
        count = 0
        for school in self.schools:
            rng = self.rng(_T_RESULTS, school.number)
            rnd = rng.random
            for cohort in school.cohorts:
                # Everything a result refers to, per class slot of the cohort, built once.
                slots: list[tuple[Ref, Ref | None, list[tuple[_LineItemPlan, Ref]]]] = []
                for slot in range(cohort.n_classes):
                    class_no = cohort.first_class + slot
                    plans = self.line_items(class_no, _slot(cohort, slot)[1])
                    scale = _has_scale(school, class_no)
                    slots.append(
                        (
                            _class_ref(class_no),
                            _ref("scoreScale", _scale_id(class_no)) if scale else None,
                            [(p, _ref("lineItem", _line_item_id(class_no, k))) for k, p in enumerate(plans)],
                        )
                    )
                for n in range(cohort.first_student, cohort.first_student + cohort.size):
                    user_ref = _user_ref(n)
                    taken = (0, 1, 2, 3, *(4 + e for e in self.electives_taken(cohort, n)))
                    # One to three scored assignments per student keep the default district small.
                    # Every other class from a random start: distinct, as a student has 5-7 classes.
                    start = int(rnd() * len(taken))
                    for pick in range(1 + int(rnd() * 3)):
                        slot = taken[(start + 2 * pick) % len(taken)]
                        class_ref, scale_ref, items = slots[slot]
                        plan, line_item_ref = items[int(rnd() * len(items))]
                        count += 1
                        record: Record = {
                            "sourcedId": "res-" + str(count).zfill(6),
                            "status": "tobedeleted" if rnd() < _TOBEDELETED_RATE else "active",
                            "dateLastModified": stamps[int(rnd() * _MODIFIED_WINDOW)],
                            "lineItem": line_item_ref.copy(),
                            "student": user_ref.copy(),
                            "class": class_ref.copy(),
                        }
                        if scale_ref is not None:
                            record["scoreScale"] = scale_ref.copy()
                        roll = rnd()
                        if roll < 0.90:
                            maximum = _CATEGORY_MAX[plan.category]
                            # Most students do well; a long tail does not.
                            fraction = 1.0 - min(1.0, abs(rnd() - rnd()) * 0.9 + rnd() * 0.15)
                            partial = roll >= 0.88
                            # Tenths of a point; int() is much cheaper than round() here.
                            score = int(maximum * (fraction * 0.6 if partial else fraction) * 10 + 0.5) / 10
                            record["scoreStatus"] = "partially graded" if partial else "fully graded"
                            record["score"] = score
                            if scale_ref is not None:
                                record["textScore"] = "ABCDF"[min(4, max(0, 9 - int(10 * score / maximum)))]
                        elif roll < 0.94:
                            record["scoreStatus"] = "submitted"
                        elif roll < 0.98:
                            record["scoreStatus"] = "not submitted"
                            record["score"] = 0.0
                        else:
                            record["scoreStatus"] = "exempt"
                        record["scoreDate"] = days[min(last_day, plan.due + int(rnd() * 6))]
                        if rnd() < 0.05:
                            record["comment"] = comments[int(rnd() * len(comments))]
                        record["late"] = "true" if rnd() < 0.06 else "false"
                        record["missing"] = "true" if 0.94 <= roll < 0.98 else "false"
                        yield record

    def _assessment_ids(self, school: _School) -> tuple[str, str]:
        first = 2 + 2 * (school.number - 1)
        return f"ali-{first:04d}", f"ali-{first + 1:04d}"

    def assessment_line_items(self) -> Iterator[Record]:
        rng = self.rng(_T_ASSESS)
        rnd = rng.random
        parent_id = "ali-0001"
        yield {
            "sourcedId": parent_id,
            "status": "active",
            "dateLastModified": self.stamp(rnd()),
            "title": "Spring 2026 State Readiness Assessment",
            "resultValueMin": 100.0,
            "resultValueMax": 300.0,
        }
        for school in self.schools:
            subjects = ("Mathematics", "Reading")
            for assessment_id, subject in zip(self._assessment_ids(school), subjects, strict=True):
                yield {
                    "sourcedId": assessment_id,
                    "status": "active",
                    "dateLastModified": self.stamp(rnd()),
                    "title": f"Fall Benchmark: {subject}",
                    "parentAssessmentLineItem": _ref("assessmentLineItem", parent_id),
                    "resultValueMin": 100.0,
                    "resultValueMax": 300.0,
                    "learningObjectiveSet": [
                        {"source": "case", "learningObjectiveIds": [_case_id(rng), _case_id(rng)]},
                    ],
                }

    def assessment_results(self) -> Iterator[Record]:
        count = 0
        for school in self.schools:
            rnd = self.rng(_T_ASSESS, school.number).random
            step = max(1, school.n_students // 10)
            takers = range(school.first_student, school.first_student + school.n_students, step)
            for assessment_id in self._assessment_ids(school):
                assessment_ref = _ref("assessmentLineItem", assessment_id)
                for n in list(takers)[:10]:
                    count += 1
                    score = round(140.0 + 150.0 * rnd() * rnd() ** 0.3, 1)
                    yield {
                        "sourcedId": f"asr-{count:06d}",
                        "status": self.status(rnd()),
                        "dateLastModified": self.stamp(rnd()),
                        "assessmentLineItem": assessment_ref.copy(),
                        "student": _user_ref(n),
                        "score": score,
                        "scoreDate": _DAYS[30 + int(rnd() * 10)],
                        "scorePercentile": round(100.0 * (score - 100.0) / 200.0, 1),
                        "scoreStatus": "fully graded",
                        "inProgress": "false",
                        "incomplete": "false",
                        "late": "false",
                        "missing": "false",
                    }

    def resources(self) -> Iterator[Record]:
        rnd = self.rng(_T_MISC, 3).random
        for index, (title, vendor_id, roles, importance) in enumerate(_RESOURCES, start=1):
            yield {
                "sourcedId": f"rsc-{index:04d}",
                "status": "active",
                "dateLastModified": self.stamp(rnd()),
                "title": title,
                "roles": list(roles),
                "importance": importance,
                "vendorResourceId": vendor_id,
                "vendorId": "sandbox-learning",
                "applicationId": "sandbox-reader",
            }

    def course_components(self) -> Iterator[Record]:
        rnd = self.rng(_T_MISC, 4).random
        for component in _components(self.component_courses):
            sourced_id, course_no, parent, title, order, prerequisite, unlock = component
            record: Record = {
                "sourcedId": sourced_id,
                "status": "active",
                "dateLastModified": self.stamp(rnd()),
                "course": _ref("course", f"crs-{course_no:04d}"),
            }
            if parent:
                record["parent"] = _ref("courseComponent", parent)
            record["title"] = title
            record["sortOrder"] = order
            if prerequisite:
                record["prerequisites"] = [prerequisite]
                record["prerequisiteCriteria"] = "ALL"
            record["unlockDate"] = f"{_DAYS[unlock]}T00:00:00.000Z"
            yield record

    def component_resources(self) -> Iterator[Record]:
        rnd = self.rng(_T_MISC, 5).random
        count = 0
        for sourced_id, _, _, title, _, _, _ in _components(self.component_courses):
            for order, (resource, lesson_type) in enumerate(_COMPONENT_LINKS.get(title, ()), start=1):
                count += 1
                resource_title = _RESOURCES[resource - 1][0]
                record: Record = {
                    "sourcedId": f"cr-{count:04d}",
                    "status": "active",
                    "dateLastModified": self.stamp(rnd()),
                    "courseComponent": _ref("courseComponent", sourced_id),
                    "resource": _ref("resource", f"rsc-{resource:04d}"),
                    "title": f"{title}: {resource_title}",
                    "sortOrder": order,
                }
                if lesson_type:
                    record["lessonType"] = lesson_type
                yield record


def _case_id(rng: random.Random) -> str:
    """Return a UUID-shaped CASE identifier drawn from ``rng`` (uuid4 would not be reproducible)."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


# (title, vendorResourceId, roles, importance)
_RESOURCES = (
    ("Algebra I Digital Textbook", "SL-ALG1-TXT", ("student", "teacher"), "primary"),
    ("Algebra I Teacher Edition", "SL-ALG1-TE", ("teacher",), "secondary"),
    ("Linear Equations Practice Set", "SL-ALG1-LEQ", ("student",), "primary"),
    ("Graphing Calculator", "SL-TOOL-GRAPH", ("student", "teacher"), "secondary"),
    ("Biology Interactive Textbook", "SL-BIO-TXT", ("student", "teacher"), "primary"),
    ("Cell Structure Virtual Lab", "SL-BIO-CELL", ("student",), "primary"),
    ("Genetics Unit Assessment Bank", "SL-BIO-GEN", ("teacher", "administrator"), "secondary"),
    ("Reading Fluency Library", "SL-ELA-READ", ("student", "teacher", "parent"), "primary"),
    ("Family Math Night Guide", "SL-MATH-FAM", ("parent", "guardian"), "secondary"),
    ("Typing Tutor", "SL-CS-TYPE", ("student",), "secondary"),
)

# Resources linked to each component title: (resource number, TimeBack lessonType or "").
_COMPONENT_LINKS: dict[str, tuple[tuple[int, str], ...]] = {
    "Unit 1: Linear Equations": ((1, ""),),
    "Lesson 1.1: One-Step Equations": ((3, "powerpath-100"),),
    "Lesson 1.2: Graphing Lines": ((4, ""), (3, "quiz")),
    "Unit 2: Systems of Equations": ((1, ""), (2, "unit-test")),
    "Unit 1: Cells": ((5, ""), (6, "")),
    "Lesson 1.1: Cell Structure": ((6, "quiz"),),
    "Unit 2: Genetics": ((7, "unit-test"),),
}


def _components(courses: tuple[int, int]) -> list[tuple[str, int, str, str, int, str, int]]:
    """Return (sourcedId, course, parent, title, sortOrder, prerequisite, unlock day) per component."""
    algebra, biology = courses
    return [
        ("cc-0001", algebra, "", "Unit 1: Linear Equations", 1, "", 0),
        ("cc-0002", algebra, "cc-0001", "Lesson 1.1: One-Step Equations", 1, "", 0),
        ("cc-0003", algebra, "cc-0001", "Lesson 1.2: Graphing Lines", 2, "cc-0002", 14),
        ("cc-0004", algebra, "", "Unit 2: Systems of Equations", 2, "cc-0001", 42),
        ("cc-0005", biology, "", "Unit 1: Cells", 1, "", 0),
        ("cc-0006", biology, "cc-0005", "Lesson 1.1: Cell Structure", 1, "", 7),
        ("cc-0007", biology, "", "Unit 2: Genetics", 2, "cc-0005", 56),
    ]


def generate_district(*, seed: int = 1, users: int = 2000) -> Iterator[tuple[str, dict[str, object]]]:
    """Yield the sample district as ``(kind, record)`` pairs, kinds in ``KINDS`` order.

    The same ``(seed, users)`` always yields the same records. Records are built one at a time, so
    even a million users stream in flat memory. ``users`` counts the schools' people; parents and
    guardians come on top.

    Args:
        seed: Chooses names, dates, scores and the district's identity.
        users: Students, teachers and staff, at least 20.

    Raises:
        ValueError: If ``users`` is below 20.

    Example:
        ```python
        from itertools import islice

        for kind, record in islice(generate_district(seed=3, users=300), 2):
            print(kind, record["sourcedId"])  # orgs org-0000, then orgs org-0001
        ```

    """
    if users < _MIN_USERS:
        raise ValueError(f"users must be at least {_MIN_USERS} to fill a district, got {users}")
    return _District(seed, users).records()


def district_counts(*, seed: int = 1, users: int = 2000) -> dict[str, int]:
    """Return how many records of each kind ``generate_district`` yields, every kind included.

    Example:
        ```python
        counts = district_counts(seed=1, users=2000)
        counts["users"] > 2000   # parents and guardians come on top
        sum(counts.values())     # the whole district, about 22,000 records
        ```

    """
    counts = Counter(kind for kind, _ in generate_district(seed=seed, users=users))
    return {kind: counts[kind] for kind in KINDS}


# ---------------------------------------------------------------------------------------------------
# The TimeBack platform's extra records
# ---------------------------------------------------------------------------------------------------

#: The org of the platform's sandbox-scoped records: any client app may change or delete a user
#: whose primary org it is (seed 003: "sandbox-scoped users (primary org partner-sandbox)").
PARTNER_SANDBOX_ORG = "partner-sandbox"
#: The client app that wrote the platform's seeded partner records; no sandbox client is it by
#: default, so writing or deleting them is refused with 403 (another app's records).
OTHER_APP = "another-partner-app"


def platform_records() -> list[tuple[str, dict[str, object]]]:
    """Return the records the ``timeback-platform`` profile serves beside the district, in load order.

    The platform keeps who wrote a record in ``metadata.createdByApp`` and lets a client app
    change and delete only its own (seed 003). These records make both sides reachable: the
    org ``partner-sandbox`` that onboarding writes into, and another app's course, class,
    student (with a parent) and enrollment. The district's own records carry no app: they
    are the platform's (seed 003: "Alpha-owned"), so no partner may change them either.

    Example:
        ```python
        [kind for kind, _ in platform_records()]
        # ['orgs', 'courses', 'classes', 'users', 'users', 'enrollments']
        ```

    """
    owned = {"createdByApp": OTHER_APP}
    sandbox_org = _org_ref(PARTNER_SANDBOX_ORG)
    common = {"status": "active", "dateLastModified": SANDBOX_EPOCH}
    student = "usr-partner-0001"
    parent = "usr-partner-0002"
    return [
        (
            "orgs",
            {
                "sourcedId": PARTNER_SANDBOX_ORG,
                **common,
                "name": "Partner Sandbox",
                "type": "school",
                "identifier": "PARTNER-SANDBOX",
                "parent": _org_ref("org-0000"),
            },
        ),
        (
            "courses",
            {
                "sourcedId": "crs-partner-0001",
                **common,
                "metadata": dict(owned),
                "title": "Partner Reading 5",
                "courseCode": "PREAD-05",
                "grades": ["05"],
                "subjects": ["Reading"],
                "org": dict(sandbox_org),
            },
        ),
        (
            "classes",
            {
                "sourcedId": "cls-partner-0001",
                **common,
                "metadata": dict(owned),
                "title": "Partner Reading 5 - Section 1",
                "classCode": "PREAD-05.01",
                "classType": "scheduled",
                "course": _ref("course", "crs-partner-0001"),
                "school": dict(sandbox_org),
                "terms": [_session_ref(1)],
            },
        ),
        (
            "users",
            {
                "sourcedId": student,
                **common,
                "metadata": dict(owned),
                "username": "partner.student1",
                "enabledUser": "true",
                "givenName": "Noor",
                "familyName": "Haddad",
                "roles": [{"roleType": "primary", "role": "student", "org": _org_ref("org-0001")}],
                "primaryOrg": _org_ref("org-0001"),
                "email": "noor.haddad@partner.example.net",
                "agents": [_ref("user", parent)],
                "grades": ["05"],
            },
        ),
        (
            "users",
            {
                "sourcedId": parent,
                **common,
                "metadata": dict(owned),
                "username": "partner.parent1",
                "enabledUser": "true",
                "givenName": "Samir",
                "familyName": "Haddad",
                "roles": [{"roleType": "primary", "role": "parent", "org": dict(sandbox_org)}],
                "primaryOrg": dict(sandbox_org),
                "email": "samir.haddad@partner.example.net",
                "agents": [_ref("user", student)],
            },
        ),
        (
            "enrollments",
            {
                "sourcedId": "enr-partner-0001",
                **common,
                "metadata": dict(owned),
                "user": _ref("user", student),
                "class": _ref("class", "cls-partner-0001"),
                "school": dict(sandbox_org),
                "role": "student",
                "primary": "true",
                "beginDate": _DAYS[0],
            },
        ),
    ]
