"""Contains all the data models used in inputs/outputs"""

from .academic_session import AcademicSession
from .academic_session_set import AcademicSessionSet
from .academic_session_type import AcademicSessionType
from .add_agent_request import AddAgentRequest
from .agent import Agent
from .agent_set import AgentSet
from .assessment_line_item import AssessmentLineItem
from .assessment_line_item_set import AssessmentLineItemSet
from .assessment_result import AssessmentResult
from .assessment_result_set import AssessmentResultSet
from .category import Category
from .category_set import CategorySet
from .class_ import Class
from .class_set import ClassSet
from .class_type import ClassType
from .code_major import CodeMajor
from .code_minor_value import CodeMinorValue
from .component_resource import ComponentResource
from .component_resource_set import ComponentResourceSet
from .course import Course
from .course_component_record import CourseComponentRecord
from .course_component_set import CourseComponentSet
from .course_set import CourseSet
from .course_structure_request import CourseStructureRequest
from .course_structure_request_course_structure import (
    CourseStructureRequestCourseStructure,
)
from .credential import Credential
from .credential_answer import CredentialAnswer
from .credential_request import CredentialRequest
from .credential_request_credentials import CredentialRequestCredentials
from .decrypted_credential import DecryptedCredential
from .demographics import Demographics
from .demographics_set import DemographicsSet
from .enrollment import Enrollment
from .enrollment_role import EnrollmentRole
from .enrollment_set import EnrollmentSet
from .guid_pair import GUIDPair
from .guid_pair_set import GUIDPairSet
from .guid_ref import GUIDRef
from .guid_ref_type import GUIDRefType
from .importance import Importance
from .imsx_code_minor import ImsxCodeMinor
from .imsx_code_minor_field import ImsxCodeMinorField
from .imsx_status_info import ImsxStatusInfo
from .learning_objective_results import LearningObjectiveResults
from .learning_objective_score_set import LearningObjectiveScoreSet
from .learning_objective_set import LearningObjectiveSet
from .learning_objective_source import LearningObjectiveSource
from .line_item import LineItem
from .line_item_set import LineItemSet
from .linked_users import LinkedUsers
from .metadata import Metadata
from .order_by import OrderBy
from .org import Org
from .org_set import OrgSet
from .org_type import OrgType
from .resource import Resource
from .resource_role import ResourceRole
from .resource_set import ResourceSet
from .result import Result
from .result_set import ResultSet
from .role_assignment import RoleAssignment
from .role_type import RoleType
from .score_scale import ScoreScale
from .score_scale_set import ScoreScaleSet
from .score_scale_value import ScoreScaleValue
from .score_status import ScoreStatus
from .severity import Severity
from .sex import Sex
from .single_academic_session import SingleAcademicSession
from .single_assessment_line_item import SingleAssessmentLineItem
from .single_assessment_result import SingleAssessmentResult
from .single_category import SingleCategory
from .single_class import SingleClass
from .single_component_resource import SingleComponentResource
from .single_course import SingleCourse
from .single_course_component import SingleCourseComponent
from .single_demographics import SingleDemographics
from .single_enrollment import SingleEnrollment
from .single_line_item import SingleLineItem
from .single_org import SingleOrg
from .single_resource import SingleResource
from .single_result import SingleResult
from .single_score_scale import SingleScoreScale
from .single_user import SingleUser
from .single_user_with_demographics import SingleUserWithDemographics
from .status_enum import StatusEnum
from .student_agent_link import StudentAgentLink
from .true_false_enum import TrueFalseEnum
from .upsert_student_request import UpsertStudentRequest
from .user import User
from .user_id import UserId
from .user_profile import UserProfile
from .user_role import UserRole
from .user_set import UserSet
from .user_with_demographics import UserWithDemographics
from .write_payload import WritePayload
from .write_status import WriteStatus

__all__ = (
    "AcademicSession",
    "AcademicSessionSet",
    "AcademicSessionType",
    "AddAgentRequest",
    "Agent",
    "AgentSet",
    "AssessmentLineItem",
    "AssessmentLineItemSet",
    "AssessmentResult",
    "AssessmentResultSet",
    "Category",
    "CategorySet",
    "Class",
    "ClassSet",
    "ClassType",
    "CodeMajor",
    "CodeMinorValue",
    "ComponentResource",
    "ComponentResourceSet",
    "Course",
    "CourseComponentRecord",
    "CourseComponentSet",
    "CourseSet",
    "CourseStructureRequest",
    "CourseStructureRequestCourseStructure",
    "Credential",
    "CredentialAnswer",
    "CredentialRequest",
    "CredentialRequestCredentials",
    "DecryptedCredential",
    "Demographics",
    "DemographicsSet",
    "Enrollment",
    "EnrollmentRole",
    "EnrollmentSet",
    "GUIDPair",
    "GUIDPairSet",
    "GUIDRef",
    "GUIDRefType",
    "Importance",
    "ImsxCodeMinor",
    "ImsxCodeMinorField",
    "ImsxStatusInfo",
    "LearningObjectiveResults",
    "LearningObjectiveScoreSet",
    "LearningObjectiveSet",
    "LearningObjectiveSource",
    "LineItem",
    "LineItemSet",
    "LinkedUsers",
    "Metadata",
    "OrderBy",
    "Org",
    "OrgSet",
    "OrgType",
    "Resource",
    "ResourceRole",
    "ResourceSet",
    "Result",
    "ResultSet",
    "RoleAssignment",
    "RoleType",
    "ScoreScale",
    "ScoreScaleSet",
    "ScoreScaleValue",
    "ScoreStatus",
    "Severity",
    "Sex",
    "SingleAcademicSession",
    "SingleAssessmentLineItem",
    "SingleAssessmentResult",
    "SingleCategory",
    "SingleClass",
    "SingleComponentResource",
    "SingleCourse",
    "SingleCourseComponent",
    "SingleDemographics",
    "SingleEnrollment",
    "SingleLineItem",
    "SingleOrg",
    "SingleResource",
    "SingleResult",
    "SingleScoreScale",
    "SingleUser",
    "SingleUserWithDemographics",
    "StatusEnum",
    "StudentAgentLink",
    "TrueFalseEnum",
    "UpsertStudentRequest",
    "User",
    "UserId",
    "UserProfile",
    "UserRole",
    "UserSet",
    "UserWithDemographics",
    "WritePayload",
    "WriteStatus",
)
