from enum import StrEnum


class ScoreStatus(StrEnum):
    EXEMPT = "exempt"
    FULLY_GRADED = "fully graded"
    NOT_SUBMITTED = "not submitted"
    PARTIALLY_GRADED = "partially graded"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
