"""Operations: the demo and serve commands, health check, legal pages."""
