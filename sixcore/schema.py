"""JSON Schemas of the YAML files, from the models, for editors (VS Code YAML) and check-jsonschema."""

from __future__ import annotations

import json

from pydantic import BaseModel

from sixcore.model.agency import AgencyRegistry
from sixcore.model.kpi import Budget, KpiTable
from sixcore.model.lights import LightRules
from sixcore.model.plan import Industry, Programme
from sixcore.model.status import StatusFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "status": StatusFile, "plan": Industry, "kpis": KpiTable, "agencies": AgencyRegistry, "budget": Budget,
    "lights": LightRules, "programme": Programme,
}


def render_schema(name: str) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **SCHEMAS[name].model_json_schema(mode="validation")}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
