"""sixcore gantt --format json: the timeline as data, with the keys report.json uses (not display words).

Per bar: `id`, `level` (measure / work_item), `industry`, `title`, `state`, `light` and `segments` (each with
`months` as an ROC range, `kind` and the phase `label`), so other tools, and tests, read what the chart shows.
"""

from __future__ import annotations

import json
from typing import Any

from sixcore.timeline import Timeline


def gantt_data(timeline: Timeline) -> dict[str, Any]:
    return {
        "programme": timeline.programme.zh,
        "as_of": str(timeline.as_of),
        "window": str(timeline.window),
        "filed_any": timeline.filed_any,
        "bars": [
            {"id": bar.id, "level": bar.level.value, "industry": industry.number, "title": bar.title, "state": bar.state.value,
             "light": bar.light.value,
             "segments": [{"months": str(segment.months), "kind": segment.kind.value, "label": segment.label} for segment in bar.segments]}
            for industry in timeline.industries for bar in industry.bars
        ],
        "undated": [placed.id for placed in timeline.undated],
        "outside_window": timeline.outside_window,
    }


def format_gantt_json(timeline: Timeline) -> str:
    return json.dumps(gantt_data(timeline), ensure_ascii=False, indent=2) + "\n"
