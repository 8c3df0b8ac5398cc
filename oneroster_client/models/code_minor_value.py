from enum import StrEnum


class CodeMinorValue(StrEnum):
    DELETEFAILURE = "deletefailure"
    FORBIDDEN = "forbidden"
    FULLSUCCESS = "fullsuccess"
    INTERNAL_SERVER_ERROR = "internal_server_error"
    INVALIDDATA = "invaliddata"
    INVALID_FILTER_FIELD = "invalid_filter_field"
    INVALID_SELECTION_FIELD = "invalid_selection_field"
    INVALID_SORT_FIELD = "invalid_sort_field"
    SERVER_BUSY = "server_busy"
    UNAUTHORISEDREQUEST = "unauthorisedrequest"
    UNKNOWNOBJECT = "unknownobject"
    UNSUPPORTED = "unsupported"

    def __str__(self) -> str:
        return str(self.value)
