"""From ONDE rows to a plan (created, changed, left alone), then applying it in one go.

The plan is computed from the rows and the database, touching nothing, so the preview
shows exactly what applying would do; applying computes it again inside one
transaction and carries it out, so a failure leaves the database as it was and a second
import of the same file finds nothing to do.

`plan` holds what a plan says, `planning` computes it from the rows and the database,
`applying` carries it out.
"""

from .applying import ImportResult, apply_plan
from .plan import ASK, CHANGE, CREATE, REFUSED, UNCHANGED, ImportPlan, PlanError
from .planning import build_plan

__all__ = [
    "ASK",
    "CHANGE",
    "CREATE",
    "REFUSED",
    "UNCHANGED",
    "ImportPlan",
    "ImportResult",
    "PlanError",
    "apply_plan",
    "build_plan",
]
