from enum import StrEnum


class GUIDRefType(StrEnum):
    ACADEMICSESSION = "academicSession"
    ASSESSMENTLINEITEM = "assessmentLineItem"
    CATEGORY = "category"
    CLASS = "class"
    COMPONENTRESOURCE = "componentResource"
    COURSE = "course"
    COURSECOMPONENT = "courseComponent"
    DEMOGRAPHICS = "demographics"
    ENROLLMENT = "enrollment"
    GRADINGPERIOD = "gradingPeriod"
    LINEITEM = "lineItem"
    ORG = "org"
    RESOURCE = "resource"
    SCORESCALE = "scoreScale"
    STUDENT = "student"
    TEACHER = "teacher"
    TERM = "term"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
