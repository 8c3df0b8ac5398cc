from enum import StrEnum


class LearningObjectiveSource(StrEnum):
    CASE = "case"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
