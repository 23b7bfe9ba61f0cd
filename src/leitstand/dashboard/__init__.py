"""The public dashboard: server-rendered pages for citizens, press and parliament."""
