from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    STATUS = "status"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
