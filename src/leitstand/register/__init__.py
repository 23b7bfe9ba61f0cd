"""The goal register: strategies, editions, sections, goals, targets, measures, indicators."""
