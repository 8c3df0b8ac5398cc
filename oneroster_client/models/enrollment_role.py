from enum import StrEnum


class EnrollmentRole(StrEnum):
    ADMINISTRATOR = "administrator"
    PROCTOR = "proctor"
    STUDENT = "student"
    TEACHER = "teacher"

    def __str__(self) -> str:
        return str(self.value)
