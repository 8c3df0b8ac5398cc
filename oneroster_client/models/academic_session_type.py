from enum import StrEnum


class AcademicSessionType(StrEnum):
    GRADINGPERIOD = "gradingPeriod"
    SCHOOLYEAR = "schoolYear"
    SEMESTER = "semester"
    TERM = "term"

    def __str__(self) -> str:
        return str(self.value)
