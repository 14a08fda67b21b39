"""Reading YAML with line marks and turning it into validated models plus Problems."""
