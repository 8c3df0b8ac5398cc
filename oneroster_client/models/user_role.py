from enum import StrEnum


class UserRole(StrEnum):
    AIDE = "aide"
    COUNSELOR = "counselor"
    DISTRICTADMINISTRATOR = "districtAdministrator"
    GUARDIAN = "guardian"
    PARENT = "parent"
    PRINCIPAL = "principal"
    PROCTOR = "proctor"
    RELATIVE = "relative"
    SITEADMINISTRATOR = "siteAdministrator"
    STUDENT = "student"
    SYSTEMADMINISTRATOR = "systemAdministrator"
    TEACHER = "teacher"

    def __str__(self) -> str:
        return str(self.value)
