"""The quarterly status as a spreadsheet (.ods, .xlsx): written for agency staff, read back into YAML."""
