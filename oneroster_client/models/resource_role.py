from enum import StrEnum


class ResourceRole(StrEnum):
    ADMINISTRATOR = "administrator"
    AIDE = "aide"
    GUARDIAN = "guardian"
    PARENT = "parent"
    PROCTOR = "proctor"
    RELATIVE = "relative"
    STUDENT = "student"
    TEACHER = "teacher"

    def __str__(self) -> str:
        return str(self.value)
