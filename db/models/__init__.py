"""All models; importing this package registers every table on ``Base.metadata``."""

from db.models.area_years import AreaYear, CultureIndicator, Target  # noqa: F401
from db.models.awards import (  # noqa: F401
    Attachment,
    AwardKind,
    AwardRecord,
    AwardSpelling,
    Ballot,
    BaseSalary,
    Batch,
    Candidate,
    CertificateDesign,
    CertificatePrint,
    CouncilMember,
    Decision,
    DecisionLine,
    FundLine,
    HistorySource,
    Meeting,
    MeetingAttendee,
    RuleItem,
)
from db.models.base import Base  # noqa: F401
from db.models.documents import DocumentInput  # noqa: F401
from db.models.emulation import (  # noqa: F401
    Initiative,
    InitiativeAuthor,
    Movement,
    MovementResult,
    Registration,
    RoleModel,
    RoleModelAward,
)
from db.models.records import (  # noqa: F401
    SUBJECT_TYPES,
    Collective,
    FormerUnit,
    Household,
    Person,
    ResidentialArea,
    Subject,
)
from db.models.system import (  # noqa: F401
    AuditLog,
    BackupLog,
    Organization,
    ReportNarrative,
    Setting,
    Signer,
    StatusHistory,
)
