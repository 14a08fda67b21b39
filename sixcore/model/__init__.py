"""The data model (pydantic v2): plan, agencies, KPIs, budget."""
