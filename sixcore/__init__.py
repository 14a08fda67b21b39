"""sixcore: milestone and KPI auditor for a Taiwanese government programme (推動方案) under quarterly review.

The programme is encoded as YAML under plan/ (plan/programme.yaml says which one, and its years); agencies
file quarterly status under status/; sixcore validates both, points at file:line:column, and reports on
progress in the plan's own terms.
"""

__version__ = "0.1.0"
