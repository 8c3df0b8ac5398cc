from enum import StrEnum


class ClassType(StrEnum):
    HOMEROOM = "homeroom"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
