"""sixcore: milestone and KPI auditor for Taiwan's 六大核心戰略產業推動方案 (ROC 110/5).

The plan is encoded as YAML under plan/; agencies file quarterly status under status/; sixcore
validates both, points at file:line:column, and reports on progress in the plan's own terms.
"""

__version__ = "0.1.0"
