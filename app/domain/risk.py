"""Priority among risks: severity first, likelihood second (OECD due diligence guidance).

A very severe risk (4) is high priority whatever its likelihood. The rule is monotone:
more severe or more likely never gives a lower priority.
"""

from __future__ import annotations

PRIORITIES = ("high", "medium", "low")
PRIORITY_RANK = {"high": 3, "medium": 2, "low": 1}


def priority(severity: int, likelihood: int) -> str:
    """``high``, ``medium`` or ``low`` for severity and likelihood on the 1–4 scales."""
    if not (1 <= severity <= 4 and 1 <= likelihood <= 4):
        raise ValueError(f"severity and likelihood must be 1-4, got {severity}, {likelihood}")
    if severity == 4:
        return "high"
    if severity == 3:
        return "high" if likelihood >= 3 else "medium"
    if severity == 2:
        return "medium" if likelihood >= 3 else "low"
    return "low"
