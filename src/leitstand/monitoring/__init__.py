"""What changes over time: observations of indicators and status assessments."""
