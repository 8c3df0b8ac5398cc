from enum import StrEnum


class CodeMajor(StrEnum):
    FAILURE = "failure"
    PROCESSING = "processing"
    SUCCESS = "success"
    UNSUPPORTED = "unsupported"

    def __str__(self) -> str:
        return str(self.value)
