from enum import StrEnum


class OrgType(StrEnum):
    DEPARTMENT = "department"
    DISTRICT = "district"
    LOCAL = "local"
    NATIONAL = "national"
    SCHOOL = "school"
    STATE = "state"

    def __str__(self) -> str:
        return str(self.value)
