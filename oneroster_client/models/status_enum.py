from enum import StrEnum


class StatusEnum(StrEnum):
    ACTIVE = "active"
    TOBEDELETED = "tobedeleted"

    def __str__(self) -> str:
        return str(self.value)
