"""Reports: handover and monthly PDFs, charts, the report command."""
